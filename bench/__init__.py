"""Benchmarks of the dashboard: `python -m bench` (`make bench`); results in bench/RESULTS.md and the README."""
