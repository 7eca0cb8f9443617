"""Benchmarks of the dashboard: `python -m bench` (see bench/FINDINGS.md)."""
