"""The panel registry draws what the pages draw: every chart panel of the pages is in it, under the
id the page gives it, and its figure (data and layout: title, units, period, source line) is the
page's own figure, byte for byte as JSON, under more than one period."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.core.paths import ROOT
from dashboard.outputs import panels
from tests.helpers.apptest import open_page

PAGES = {"": "web/pages/overview.py", "arms-transfers": "web/pages/arms_transfers.py", "dual-use": "web/pages/dual_use.py", "exercises": "web/pages/exercises.py", "incidents": "web/pages/incidents.py"}
# A page's chart panels with a fixed id: `ui.panel(fig, ..., name="...")` (the comparison of a
# chosen pair has an id made from the choice and is not a briefing panel).
_NAMED_PANEL = re.compile(r"ui\.panel\((?:[^()]|\([^()]*\))*?\bname=\"([^\"]+)\"")


def test_every_named_chart_panel_of_the_pages_is_in_the_registry():
    named = {}
    for path, page in PAGES.items():
        text = (ROOT / "dashboard" / page).read_text(encoding="utf-8")
        named.update({name: path for name in _NAMED_PANEL.findall(text)})
    assert len(named) >= 12, named
    assert {k: v for k, v in named.items() if k not in panels.PANELS} == {}, "page panels missing from the registry"
    assert {p.id: p.page for p in panels.PANELS.values()} == {k: named[k] for k in panels.PANELS}, "a registry panel is on another page"
    assert len(panels.DEFAULT_BRIEFING) >= 5 and set(panels.DEFAULT_BRIEFING) <= set(panels.PANELS)


def _page_figures(page: str, period: str) -> dict[str, dict]:
    at = open_page(page, params={"period": period})
    return {json.loads(c.proto.spec)["layout"]["title"]["text"]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


@pytest.mark.parametrize("period", ["all", "since_2022"])
def test_the_registry_figures_are_the_pages_figures(built_db, period):
    from dashboard.web import data

    compared = 0
    for path, page in PAGES.items():
        shown = _page_figures(page, period)
        for panel in (p for p in panels.PANELS.values() if p.page == path):
            spec = panel.spec(data.load, period)
            if spec is None:  # the page shows a notice instead of this chart in the period
                continue
            fig = json.loads(spec.figure().to_json())
            title = fig["layout"]["title"]["text"]
            assert title in shown, f"{panel.id}: the page shows no chart titled {title!r} under {period}"
            assert fig["data"] == shown[title]["data"], f"{panel.id}: the registry draws other data than the page"
            assert fig["layout"] == shown[title]["layout"], f"{panel.id}: the registry's layout (caption, axes) differs from the page's"
            assert "Source:" in title or "Source:" in json.dumps(fig["layout"]["annotations"])
            compared += 1
    assert compared >= (12 if period == "all" else 6)
