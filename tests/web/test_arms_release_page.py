"""The Arms transfers page as a reader sees it: SIPRI's own yearly values from the newest release by
default, a release chosen in the URL (?release=2024) changing the chart and its source line, every
source line naming the release and its data generation date, estimates hatched and explained, and
the five-year panel giving SIPRI's published figures."""

from __future__ import annotations


from tests.helpers.apptest import charts as page_charts
from tests.helpers.apptest import open_page

PAGE = "web/pages/arms_transfers.py"
BY_YEAR = "arms delivered per year"
FIVE_YEARS = "Five-year view"  # the page's tab (?view=) with the five-year panel


def charts(at) -> dict[str, dict]:
    """Each chart's figure by its title (line breaks removed)."""
    out = {}
    for c in page_charts(at):
        spec = c.figure
        out[spec["layout"]["title"]["text"].split("</b>")[0].replace("<b>", "").replace("<br>", " ")] = spec
    return out


def chart(at, title_part: str) -> dict:
    return next(spec for title, spec in charts(at).items() if title_part in title)


def source_line(spec: dict) -> str:
    return next(a["text"] for a in spec["layout"]["annotations"] if str(a.get("text", "")).startswith("Source")).replace("<br>", " ")


def description(spec: dict) -> str:
    return spec["layout"]["meta"]["description"]


def test_default_is_each_year_from_the_newest_release_named_with_its_date(database):
    at = open_page(PAGE)
    assert at.selectbox(key="release").value == "newest"
    spec = chart(at, BY_YEAR)
    source = source_line(spec)
    for part in ("2024 release (data generated 13 Apr 2024–16 Apr 2024) for 1950–94", "2025 release (data generated 12 Feb 2026) for 1995–2024", "2026 release (data generated 18 May 2026) for 2025"):
        assert part in source, source
    assert "latest 30 in 2024" in description(spec), "SIPRI's own 2024 value (the even split gave about 207)"
    hovers = " ".join(h for t in spec["data"] for h in t.get("hovertext") or []).replace("<br>", " ")
    assert "2025 release (data generated 12 Feb 2026)" in hovers and "2026 release (data generated 18 May 2026)" in hovers, "each bar names its release"


def test_release_in_the_url_changes_the_chart_and_its_source_line(database):
    at = open_page(PAGE, params={"release": "2022"})
    assert at.selectbox(key="release").value == "2022" and at.query_params["release"] == "2022"
    spec = chart(at, BY_YEAR)
    assert source_line(spec) == "Source: SIPRI Arms Transfers Database, 2022 release (data generated 28 Jul 2022)"
    assert "latest 773 in 2021" in description(spec), "the 2022 release's own 2021 value"
    at = open_page(PAGE, params={"release": "2024"})
    spec = chart(at, BY_YEAR)
    assert source_line(spec) == "Source: SIPRI Arms Transfers Database, 2024 release (data generated 13 Apr 2024–16 Apr 2024)"
    assert "latest 466.8 in 2023" not in description(spec) and "in 2023" in description(spec)
    assert "2025 release" not in " ".join(source_line(s) for t, s in charts(at).items() if "category" not in t and "deals" not in t and "documents" not in t.lower())


def test_an_unknown_release_in_the_url_falls_back_to_the_newest(database):
    at = open_page(PAGE, params={"release": "1999; drop table x"})
    assert at.selectbox(key="release").value == "newest"


def test_estimates_are_hatched_and_say_why(database):
    at = open_page(PAGE)
    spec = chart(at, BY_YEAR)
    estimates = [t for t in spec["data"] if t["name"].endswith("(estimate)")]
    assert estimates and all(t["marker"]["pattern"]["shape"] == "/" for t in estimates)
    assert all(t["marker"]["pattern"]["shape"] == "" for t in spec["data"] if not t["name"].endswith("(estimate)")), "SIPRI's values solid"
    assert "register's delivered TIV minus deliveries to 2024" in " ".join(estimates[0]["hovertext"]).replace("<br>", " ")
    notes = " ".join(c.value for c in at.caption)
    assert "Hatched: 2025, Estimate (this project)" in notes
    assert any("Hatched bars are this project's estimates" in i.value for i in at.info)


def test_the_share_chart_divides_one_release_and_marks_its_estimate(database):
    at = open_page(PAGE)
    spec = chart(at, "Share of China's arms imports")
    names = [t["name"] for t in spec["data"]]
    assert any(n.endswith("(estimate)") for n in names), names
    assert "Estimates (open markers, dotted): Russia + Soviet Union share of China's imports: 15.7 in 2025." in description(spec), description(spec)
    solid = next(t for t in spec["data"] if not t["name"].endswith("(estimate)"))
    assert "<b>Year</b>: 2024<br><b>Share (%)</b>: 41.7" in " ".join(solid["hovertext"]), "30 of China's 72 in the 2025 release"
    pairs = chart(open_page(PAGE, params={"view": "Another pair"}), "Russia → China beside Russia → India")
    assert {"Russia → China (estimate)", "Russia → India (estimate)"} <= {t["name"] for t in pairs["data"]}
    assert all(t["line"]["dash"] == "dot" for t in pairs["data"] if t["name"].endswith("(estimate)"))


def test_the_five_year_panel_gives_sipri_published_figures(database):
    at = open_page(PAGE, params={"view": FIVE_YEARS})
    metrics = [m.value.replace("\\", "") for m in at.metric]  # shown as text: Markdown escapes removed
    assert "-64%" in metrics, metrics  # China's imports 2020–24 against 2015–19 (SIPRI, March 2025)
    spec = chart(at, "five-year window")
    assert source_line(spec) == "Source: SIPRI Arms Transfers Database, 2025 release (data generated 12 Feb 2026)"
    at = open_page(PAGE, params={"release": "2024", "window": "2019–23", "view": FIVE_YEARS})
    metrics = [m.value.replace("\\", "") for m in at.metric]  # shown as text: Markdown escapes removed
    assert "77%" in metrics and "21%" in metrics and "10 of 170" in metrics, metrics  # SIPRI Fact Sheet, March 2024
    at = open_page(PAGE, params={"release": "2026", "view": FIVE_YEARS})
    assert any("The 2026 release has no five-year window here" in c.value for c in at.caption)


def test_the_fact_sheet_check_is_sent_when_opened_and_lists_every_figure(db):
    at = open_page(PAGE, params={"view": FIVE_YEARS})
    (check,) = [e for e in at.expander if e.label.startswith("Checked against SIPRI's Fact Sheets")]
    (rows,) = db.execute("select count(*) from sipri_fact_sheet_check").fetchone()
    assert f"of {rows} figures reproduced" in check.label
    assert not at.dataframe, "no table on the page until the reader opens the check (a table's code is ~1.5 MB)"
    at.session_state["fact_sheet_check"] = True  # the reader opens it
    at.run()
    (table,) = at.dataframe
    assert len(table.value) == rows and "Published value" not in table.value.columns  # headers in words are set by column_config
    assert {"published_value", "computed_value", "agrees"} <= set(table.value.columns)


def test_each_tab_is_in_the_url_and_sends_only_its_own_panels(database):
    """The page's tabs (?view=): the first opens by default and an unknown one falls back to it;
    each tab sends its own charts and not the others' (the page's seven at once were its cost)."""
    from dashboard.outputs.panels import PANELS, VIEWS

    views = VIEWS["arms-transfers"]
    shown = {view: set(charts(open_page(PAGE, params={"view": view}))) for view in views}
    assert set(charts(open_page(PAGE))) == shown[views[0]] == set(charts(open_page(PAGE, params={"view": "<b>nope</b>"})))
    assert all(shown.values()), "a tab with no chart"
    for a in views:
        for b in views:
            assert a == b or not shown[a] & shown[b], (a, b, shown[a] & shown[b])
    for panel in (p for p in PANELS.values() if p.page == "arms-transfers"):  # each panel is on the tab it names
        at = open_page(PAGE, params=panel.url_params())
        assert any(b.proto.id.endswith(f"image_png_{panel.id}") for b in at.get("download_button")), f"{panel.id} is not on its tab {panel.view}"
