"""Every chart a page draws can be drawn by the charts' plotly.js bundle: its trace types are among
those the bundle holds (vendor/plotly/BUNDLE.json). A trace type plotly.js does not know is left
out of the chart without a word, so a builder that starts drawing, say, a heatmap fails here until
the bundle has it (vendor/plotly/entry.js, `make plotly-bundle`)."""

from __future__ import annotations

import json

import pytest

from dashboard.core.paths import ROOT
from tests.helpers.apptest import charts, open_page_views

BUNDLED = set(json.loads((ROOT / "vendor" / "plotly" / "BUNDLE.json").read_text(encoding="utf-8"))["traces"])
PAGES = ["web/pages/overview.py", "web/pages/arms_transfers.py", "web/pages/dual_use.py", "web/pages/exercises.py", "web/pages/incidents.py"]


def trace_types(figure: dict) -> set[str]:
    return {trace.get("type", "scatter") for trace in figure.get("data", [])}


@pytest.mark.parametrize("page", PAGES)
def test_every_trace_type_a_page_draws_is_bundled(page, built_db):
    drawn = [c for at in open_page_views(page) for c in charts(at)]
    assert drawn, f"{page} draws no chart"
    missing = {t: c.key for c in drawn for t in trace_types(c.figure) if t not in BUNDLED}
    assert not missing, f"{page} draws trace types the bundle does not hold: {missing}"


def test_the_check_sees_a_trace_type_outside_the_bundle():
    assert trace_types({"data": [{"type": "heatmap"}, {"x": [1]}]}) == {"heatmap", "scatter"}
    assert "heatmap" not in BUNDLED and {"scatter", "bar", "scattergeo"} <= BUNDLED
