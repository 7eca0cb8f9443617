"""The charts' plotly.js bundle (vendor/plotly/README.md) is the file its record describes: the one
the pages load, built from the versions the lock file pins, with the licence of every package in it."""

from __future__ import annotations

import hashlib
import json

from dashboard.core.paths import ROOT
from dashboard.web import chart_view

RECIPE = ROOT / "vendor" / "plotly"
RECORD = json.loads((RECIPE / "BUNDLE.json").read_text(encoding="utf-8"))
BUNDLE = ROOT / RECORD["file"]


def test_the_committed_bundle_is_the_one_recorded():
    data = BUNDLE.read_bytes()
    assert len(data) == RECORD["bytes"]
    assert hashlib.sha256(data).hexdigest() == RECORD["sha256"], f"{RECORD['file']} is not the file BUNDLE.json records: run `make plotly-bundle` and commit both"


def test_the_pages_load_that_bundle():
    served = chart_view.BUNDLE.removeprefix("app/static/")
    assert ROOT / "dashboard" / "static" / served == BUNDLE, (chart_view.BUNDLE, RECORD["file"])
    assert f"-{RECORD['plotly_js']}.min.js" in chart_view.BUNDLE


def test_its_versions_are_the_pinned_ones():
    package = json.loads((RECIPE / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((RECIPE / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["plotly.js"] == RECORD["plotly_js"]
    assert package["devDependencies"]["esbuild"] == RECORD["esbuild"]
    assert lock["packages"]["node_modules/plotly.js"]["version"] == RECORD["plotly_js"]
    assert lock["packages"]["node_modules/esbuild"]["version"] == RECORD["esbuild"]
    for p in RECORD["packages"]:
        assert lock["packages"][p["path"]]["version"] == p["version"], p


def test_every_bundled_package_has_its_licence_beside_it():
    licences = BUNDLE.with_name(BUNDLE.name.replace(".min.js", ".LICENSES.txt")).read_text(encoding="utf-8")
    assert {"plotly.js", "@plotly/d3", "topojson-client"} <= {p["name"] for p in RECORD["packages"]}
    for p in RECORD["packages"]:
        assert p["license"], p
        assert f"{p['name']} {p['version']} ({p['license']})" in licences, p

