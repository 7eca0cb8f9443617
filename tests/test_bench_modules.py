"""`make bench` can start: every module of bench/ imports (the layer move of issue #17 left
bench/server.py importing tests.browser, which had moved to tests.helpers.browser, and only
`make bench` found it)."""

import importlib

import pytest

from dashboard.core.paths import ROOT

MODULES = sorted("bench." + p.stem for p in (ROOT / "bench").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", MODULES)
def test_bench_module_imports(module):
    importlib.import_module(module)
