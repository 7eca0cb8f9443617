"""The app around the data (issue #12): a way out of presentation mode, a tab title per page,
headings that do not skip a level, colours and focus rings with enough contrast, the period
legend's swatches, tiles that say what they measure, the Data explorer's multiselects, and the
pages saying why a section or a marker is missing."""

from __future__ import annotations

import re
import tomllib

import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit as st
from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode
from streamlit.testing.v1 import AppTest

from dashboard.core import style
from dashboard.core.paths import DATA_DIR, ROOT
from tests.helpers.apptest import charts, is_chart, open_page, static_tables

PAGES = {
    "web/pages/overview.py": "Overview", "web/pages/arms_transfers.py": "Arms transfers", "web/pages/dual_use.py": "Dual-use supply",
    "web/pages/exercises.py": "Exercises and diplomacy", "web/pages/incidents.py": "Incidents", "web/pages/limits.py": "Limits of the partnership",
    "web/pages/data_explorer.py": "Data explorer", "web/pages/sources.py": "Sources and method",
}


def luminance(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    rgb = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def contrast(a: str, b: str) -> float:
    low, high = sorted((luminance(a), luminance(b)))
    return (high + 0.05) / (low + 0.05)


def walk(node):
    for child in (node.children.values() if isinstance(getattr(node, "children", None), dict) else []):
        yield child
        yield from walk(child)


# ----------------------------------------------------------------------------- presentation mode


def test_presentation_mode_has_a_visible_way_out(built_db):
    at = open_page("web/pages/overview.py", params={"present": "1", "period": "since_2022"})
    assert not at.sidebar.radio, "presentation mode shows no sidebar controls"
    exits = [b for b in at.button if b.label == "Exit presentation mode"]
    assert exits, "nothing visible leaves presentation mode"
    exits[0].click().run()
    assert "present" not in at.query_params
    assert at.query_params.get("period") in ("since_2022", ["since_2022"])  # the view is kept
    assert at.sidebar.radio and not [b for b in at.button if b.label == "Exit presentation mode"]


def test_the_exit_control_is_hidden_only_in_print(built_db):
    at = open_page("web/pages/overview.py", params={"present": "1"})
    css = " ".join(h.proto.body for h in at.get("html"))
    assert "@media print{.st-key-exit_presentation{display:none" in css
    assert ".st-key-exit_presentation{display:none" not in css.replace("@media print{.st-key-exit_presentation{display:none", "")


# ----------------------------------------------------------------------------- tab titles


def test_each_page_has_its_own_tab_title(built_db, monkeypatch):
    calls = []
    real = st.set_page_config
    monkeypatch.setattr(st, "set_page_config", lambda *a, **k: (calls.append(k.get("page_title")), real(*a, **k))[1])
    titles = {}
    for page, name in PAGES.items():
        calls.clear()
        open_page(page)
        set_titles = [t for t in calls if t]
        assert set_titles, f"{page}: no tab title set"
        titles[page] = set_titles[-1]
        assert titles[page].startswith(name), titles[page]
    assert len(set(titles.values())) == len(PAGES)


# ----------------------------------------------------------------------------- headings

LEVEL = {"title": 1, "header": 2, "subheader": 3}


@pytest.mark.parametrize("page", list(PAGES))
def test_headings_do_not_skip_a_level(page, built_db):
    at = open_page(page, params={"period": "all"})
    levels = [LEVEL[n.type] for n in walk(at._tree) if getattr(n, "type", None) in LEVEL]
    assert levels and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"{page}: an h{after} right after an h{before}"


# ----------------------------------------------------------------------------- colours and focus


def test_primary_colour_has_enough_contrast_in_both_themes():
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    for variant in ("light", "dark"):
        primary = theme[variant].get("primaryColor", theme.get("primaryColor"))
        for background in (theme[variant]["backgroundColor"], theme[variant]["secondaryBackgroundColor"]):
            assert contrast(primary, background) >= 4.5, (variant, primary, background)


def test_keyboard_focus_is_visible_at_3_to_1_in_both_themes(built_db):
    at = open_page("web/pages/overview.py")
    css = " ".join(h.proto.body for h in at.get("html"))
    rule = re.search(r"([^{}]*:focus-visible[^{}]*)\{([^}]*outline:\s*\d+px solid (#[0-9A-Fa-f]{6})[^}]*)\}", css)
    assert rule, "no focus-visible outline"
    selectors, colour = rule.group(1), rule.group(3)
    for needed in ("a:focus-visible", "[role='radio']", "[role='switch']", "stSidebarNavLink", "label:has(input:focus-visible)"):
        assert needed in selectors
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    for variant in ("light", "dark"):
        for background in (theme[variant]["backgroundColor"], theme[variant]["secondaryBackgroundColor"]):
            assert contrast(colour, background) >= 3, (variant, colour, background)


def test_period_colours_are_shown_as_swatches(built_db):
    at = open_page("web/pages/overview.py")
    legend = " ".join(h.proto.body for h in at.get("html") if "Period colours" in h.proto.body)
    for period, colour in style.PERIOD_COLOURS.items():
        assert f"background:{colour}" in legend and style.PERIOD_LABELS[period] in legend


# ----------------------------------------------------------------------------- tiles


def test_tiles_say_in_full_what_they_measure(built_db):
    at = open_page("web/pages/overview.py", params={"period": "since_2022"})
    metrics = list(at.metric)
    assert metrics
    shown = [m.value for m in at.markdown]
    for m in metrics:
        assert any(m.label in text for text in shown), f"tile label {m.label!r} is shown only as a one-line metric label"
    assert any("microchip imports" in text for text in shown)


# ----------------------------------------------------------------------------- Data explorer


def test_multiselects_have_no_select_all_matches_and_filter_by_substring(built_db):
    at = open_page("web/pages/data_explorer.py", params={"relation": "arms_deals_by_period"})
    boxes = list(at.multiselect)
    assert boxes
    for box in boxes:
        assert box.proto.select_all == 0, f"{box.label}: 'Select all' / 'Select N matches' is offered"
        assert box.proto.filter_mode == SelectWidgetFilterMode.FILTER_MODE_CONTAINS, box.label
    scope = next(b for b in boxes if b.label == "Period scope")
    assert "2014_2022" not in scope.options and style.period_label("2014_2022") in scope.options


# ----------------------------------------------------------------------------- saying why


def test_dual_use_says_which_sections_have_no_rows_and_why(built_db):
    at = open_page("web/pages/dual_use.py", params={"period": "before_2014"})
    notes = [i.value for i in at.info]
    assert any("chips" in n for n in notes) and any("nitrocellulose" in n for n in notes) and any("critical-mineral" in n for n in notes), notes
    assert all("in this period" in n and "(the sources" in n for n in notes)


def test_incidents_map_says_why_there_are_fewer_markers(built_db):
    at = open_page("web/pages/incidents.py")
    captions = " ".join(c.value for c in at.caption)
    rows = pd.read_csv(DATA_DIR / "incidents.csv").dropna(subset=["map_lat", "map_lon"])
    points = len(rows.groupby(["map_lat", "map_lon"]))
    assert points < len(rows), "the test needs two incidents at one point"
    assert f"{len(rows)} incidents, {points} markers" in captions, captions
    ships = static_tables(at)[0]["Ship"].tolist()  # a static table: headers and cells as the reader reads them
    assert None not in ships and "Ship not named in the source" in ships


def test_limits_name_the_disagreement_not_its_id(built_db, database):
    at = open_page("web/pages/limits.py")
    ids = [r[0] for r in database._run("select disagreement_id from source_disagreement_list", [])]
    disagree = [c.value for c in at.caption if "sources disagree" in c.value]
    assert disagree
    for text in disagree:
        assert "sources disagree on “" in text and "(see Sources and method)" in text
        assert not any(i in text for i in ids), text


# ----------------------------------------------------------------------------- chart description


def _panel_app():
    import plotly.graph_objects as go
    import pandas as pd

    from dashboard.web import ui

    fig = go.Figure(layout={"meta": {"description": "Bars for 3 periods; the highest is since 2022."}})
    ui.panel(fig, pd.DataFrame({"a": [1]}), name="test-chart")
    ui.panel(go.Figure(), pd.DataFrame({"a": [1]}), name="other-chart", description="Given by the page.")


def test_panel_shows_the_chart_description_under_the_chart():
    at = AppTest.from_function(_panel_app, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    texts = [m.value for m in at.markdown]
    assert "**Chart description:** Bars for 3 periods; the highest is since 2022\\." in texts
    assert "**Chart description:** Given by the page\\." in texts
    order = ["chart" if is_chart(n) else "markdown" for n in walk(at._tree) if is_chart(n) or getattr(n, "type", None) == "markdown"]
    assert order[:2] == ["chart", "markdown"]


def test_a_chart_toolbar_is_one_tab_stop(built_db):
    at = open_page("web/pages/incidents.py")
    drawn = charts(at)
    assert drawn, "the Incidents page draws no chart"
    for chart in drawn:
        config = chart.config
        assert config.get("modeBarButtons") == [["toImage"]], config
        assert config["toImageButtonOptions"]["format"] == "png"


def test_page_notes_name_a_disagreement_by_its_topic(built_db):
    at = open_page("web/pages/exercises.py")
    notes = " ".join(c.value for c in at.caption)
    assert "Bering Sea" in notes and "bering_sea_patrol_2003" not in notes.replace("\\", "")
