"""The panel registry draws what the pages draw: every chart panel of the pages is in it, under the
id the page gives it, and its figure (data and layout: title, units, period, source line) is the
page's own figure, byte for byte as JSON, under more than one period."""

from __future__ import annotations

import inspect
import json
import re

import pytest

from dashboard.core.paths import ROOT
from dashboard.outputs import panels
from tests.helpers.apptest import charts, open_page_views

PAGES = {"": "web/pages/overview.py", "arms-transfers": "web/pages/arms_transfers.py", "dual-use": "web/pages/dual_use.py", "exercises": "web/pages/exercises.py", "incidents": "web/pages/incidents.py"}
# A page's chart panels with a fixed id: the registry's, drawn by `ui.registry_panel("...")`, or
# `ui.panel(fig, ..., name="...")` (the comparison of a chosen pair has an id made from the choice
# and is not a briefing panel).
_NAMED_PANEL = re.compile(r"ui\.registry_panel\(\"([^\"]+)\"|ui\.panel\((?:[^()]|\([^()]*\))*?\bname=\"([^\"]+)\"")


def test_every_named_chart_panel_of_the_pages_is_in_the_registry():
    named = {}
    for path, page in PAGES.items():
        text = (ROOT / "dashboard" / page).read_text(encoding="utf-8")
        named.update({a or b: path for a, b in _NAMED_PANEL.findall(text)})
    assert len(named) >= 12, named
    assert {k: v for k, v in named.items() if k not in panels.PANELS} == {}, "page panels missing from the registry"
    assert {p.id: p.page for p in panels.PANELS.values()} == {k: named[k] for k in panels.PANELS}, "a registry panel is on another page"
    assert len(panels.DEFAULT_BRIEFING) >= 5 and set(panels.DEFAULT_BRIEFING) <= set(panels.PANELS)


def _page_figures(page: str, params: dict) -> dict[str, dict]:
    """Every chart the page can show under `params`, on any of its tabs, by its title."""
    drawn = [c for at in open_page_views(page, params=params) for c in charts(at)]
    return {c.figure["layout"]["title"]["text"]: c.figure for c in drawn}


def _compare(path: str, period: str, **params) -> int:
    """How many of the page's registry panels were compared: each one's figure, drawn by the
    registry with these page parameters, must be the page's own figure under them."""
    from dashboard.web import data

    shown = _page_figures(PAGES[path], {"period": period, **params})
    compared = 0
    for panel in (p for p in panels.PANELS.values() if p.page == path):
        accepted = inspect.signature(panel.spec).parameters
        spec = panel.spec(data.load, period, **{k: v for k, v in params.items() if k in accepted})
        if spec is None:  # the page shows a notice instead of this chart in the period
            continue
        fig = json.loads(spec.figure().to_json())
        title = fig["layout"]["title"]["text"]
        assert title in shown, f"{panel.id}: the page shows no chart titled {title!r} under {period} {params}"
        assert fig["data"] == shown[title]["data"], f"{panel.id}: the registry draws other data than the page ({period} {params})"
        assert fig["layout"] == shown[title]["layout"], f"{panel.id}: the registry's layout (caption, axes) differs from the page's ({period} {params})"
        assert "Source:" in title or "Source:" in json.dumps(fig["layout"]["annotations"])
        compared += 1
    return compared


@pytest.mark.parametrize("period", ["all", "since_2022"])
def test_the_registry_figures_are_the_pages_figures(built_db, period):
    compared = sum(_compare(path, period) for path in PAGES)
    assert compared >= (14 if period == "all" else 7)


def test_the_arms_panels_follow_the_pages_release_and_window(built_db):
    """A release and a five-year window chosen on the page: the registry, given the same choices,
    draws the page's figures (the captions name that release), not its defaults'."""
    from dashboard.web import data

    windows = data.load("sipri_five_year")
    release = str(sorted(windows["release"].unique())[0])  # the oldest release with windows: not the default
    window = str(windows.loc[windows["release"] == int(release), "window_label"].iloc[-1])
    assert _compare("arms-transfers", "all", release=release, window=window) >= 5
    by_year = panels.PANELS["ru-cn-arms-tiv-by-year"].spec(data.load, "all", release=release)
    assert by_year.caption.source != panels.PANELS["ru-cn-arms-tiv-by-year"].spec(data.load, "all").caption.source
    five = panels.PANELS["ru-cn-sipri-five-year"].spec(data.load, "all", release=release, window=window)
    assert five.options["highlight"] == window and f"({release} release" in five.caption.units



def _image_panels(views) -> list[str]:
    """The panels the page (on any of its tabs: `views`) offers a PNG image of (by the button's
    key, `image_png_<panel id>`)."""
    ids = [b.proto.id for at in views for b in at.get("download_button") if b.proto.label.startswith("Image (PNG")]
    return [i.split("image_png_", 1)[1] for i in ids]


def test_registry_panels_offer_their_images_drawn_with_the_pages_choices(built_db):
    """Each registry panel on a page offers its PNG and SVG image (the chosen pair's comparison, not
    in the registry, does not); the image is drawn with the page's release; a presentation offers
    none."""
    from dashboard.web import data
    from dashboard.web.panel_images import briefing_file

    release = str(sorted(data.load("sipri_five_year")["release"].unique())[0])
    views = open_page_views(PAGES["arms-transfers"], params={"release": release})
    assert sorted(_image_panels(views)) == sorted(p.id for p in panels.PANELS.values() if p.page == "arms-transfers")
    assert len([b for at in views for b in at.get("download_button") if b.proto.label.startswith("Image (SVG")]) == len(_image_panels(views))
    assert _image_panels(open_page_views(PAGES["arms-transfers"], params={"release": release, "present": "1"})) == []
    chosen = briefing_file(["ru-cn-arms-tiv-by-year"], "all", "svg", {"ru-cn-arms-tiv-by-year": {"release": release}})
    assert chosen != briefing_file(["ru-cn-arms-tiv-by-year"], "all", "svg") and f"{release} release".encode() in chosen


def test_claim_cards_name_each_panel_by_its_own_title(built_db, db):
    """A claim card's "where it appears" names the panel by the title the panel shows (the
    registry's caption), so a reader finds it on the page; claim_places keeps its own copy."""
    from dashboard.web import data

    places = db.execute("select distinct panel_id, panel_title from claim_places where panel_id in (select unnest(?))", [list(panels.PANELS)]).fetchall()
    assert places, "no claim place names a registry panel"
    for panel_id, title in places:
        spec = panels.PANELS[panel_id].spec(data.load, "all")
        assert spec is None or spec.caption.title == title, (panel_id, title, spec.caption.title)
