"""What a chart sends to the browser does not grow with the data (issue #6): beyond charts.MAX_BARS
rows a category chart draws its first bars, beyond charts.MAX_MARKERS a timeline or map groups its
markers, and the chart says so on itself. Nothing is lost: grouped markers account for every row,
and the rows stay whole in the data behind the chart. Checked on the pure builders and on every
page over a ×7 copy of the data (bench/scale.py), where every such chart is past its limit."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from bench.scale import write_scaled
from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.pipeline.build import build
from dashboard.web import ui
from tests.helpers.apptest import charts as page_charts
from tests.helpers.apptest import open_page_views

CAP = Caption("Title", "Units", "all", "Source: test")
FIGURE_BUDGET = 150_000  # bytes of figure JSON; the largest chart at real size is about 75 kB


def _marks(fig) -> int:
    return sum(len(t.lat if t.type == "scattergeo" else t.x) for t in fig.data)


def _events(n: int) -> pd.DataFrame:
    periods = ["before_2014", "2014_2022", "since_2022"]
    years = [2005, 2017, 2023]
    return pd.DataFrame({
        "name": [f"<b>Exercise</b> {i}" for i in range(n)],
        "period_id": [periods[i % 3] for i in range(n)],
        "plot_date": pd.to_datetime([f"{years[i % 3]}-0{1 + i % 9}-15" for i in range(n)]),
        "lane": [["Naval · exercise", "Air · patrol"][i % 2] for i in range(n)],
        "lat": [40.0 + (i % 5) for i in range(n)], "lon": [130.0 + (i % 4) * 0.01 for i in range(n)],
        "where": ["Sea of Japan"] * n,
        "qualifier": ["exact"] * n, "value": range(n), "label": [str(i) for i in range(n)],
    })


def test_a_timeline_draws_one_marker_per_event_up_to_the_limit():
    frame = _events(charts.MAX_MARKERS)
    fig = charts.timeline(frame, CAP, date="plot_date", label="name", lane="lane", hover=["Name:name"])
    assert _marks(fig) == charts.MAX_MARKERS
    assert "grouped" not in fig.layout.title.text


def test_a_long_timeline_groups_by_lane_and_year_and_keeps_every_event():
    frame = _events(10 * charts.MAX_MARKERS)
    fig = charts.timeline(frame, CAP, date="plot_date", label="name", lane="lane", hover=["Name:name", "Where:where"])
    assert _marks(fig) == frame.groupby(["period_id", "lane", frame["plot_date"].dt.year]).ngroups == 6
    hover = [h for t in fig.data for h in t.hovertext]
    assert sum(int(re.match(r"<b>([\d,]+) rows</b>", h).group(1).replace(",", "")) for h in hover) == len(frame)
    assert all("&lt;b&gt;Exercise&lt;/b&gt;" in h and "<b>Exercise" not in h for h in hover), "names are text, not markup"
    assert all("Sea of Japan" in h for h in hover), "a field every row of a group shares is shown once"
    assert f"{len(frame):,} events grouped by year" in fig.layout.title.text
    assert len(fig.to_json()) < FIGURE_BUDGET


def test_a_map_groups_places_beyond_the_limit_and_keeps_every_row():
    frame = _events(4 * charts.MAX_MARKERS)
    fig = charts.map_points(frame, CAP, lat="lat", lon="lon", colour_by="period_id", label="name", hover=["Name:name"])
    assert _marks(fig) == frame.groupby(["period_id", frame["lat"].round(1), frame["lon"].round(1)]).ngroups
    assert sum(sum(t.marker.size) for t in fig.data) == len(frame)
    assert f"{len(frame):,} rows grouped by place" in fig.layout.title.text
    small = charts.map_points(frame.head(10), CAP, lat="lat", lon="lon", colour_by="period_id", label="name", hover=["Name:name"])
    assert _marks(small) == 10 and "grouped" not in small.layout.title.text


def test_a_bar_chart_draws_its_first_categories_whole_and_says_so():
    frame = _events(500).assign(system=lambda f: [f"System {i // 3}" for i in range(len(f))])  # 3 readings per system
    fig = charts.hedged_bars(frame, CAP, x="value", y="system", label="label", colour_by="period_id", hover=["Name:name"], orientation="h")
    drawn = [y for t in fig.data for y in t.y]
    assert len(drawn) <= charts.MAX_BARS and len(drawn) % 3 == 0, "a system's readings are drawn together or not at all"
    assert sorted(set(drawn)) == sorted({f"System {i}" for i in range(len(drawn) // 3)}), "the first ones, in the frame's order"
    assert f"the first {len(drawn)} of 500 rows drawn" in fig.layout.title.text
    ranked = charts.horizontal_bars(frame, CAP, x="value", y="name", colour_by="period_id", hover=["Name:name"])
    assert _marks(ranked) == charts.MAX_BARS and "of 500 rows drawn" in ranked.layout.title.text
    few = charts.hedged_bars(frame.head(charts.MAX_BARS), CAP, x="label", y="value", label="label", colour_by="period_id", hover=["Name:name"])
    assert _marks(few) == charts.MAX_BARS and "drawn" not in few.layout.title.text


# ----------------------------------------------------------------------------- pages at ×7

FACTOR = 7  # every chart that draws rows is past its limit: 385 exercises, 427 key events, 126 named-system rows...
PAGES = ["web/pages/overview.py", "web/pages/arms_transfers.py", "web/pages/dual_use.py", "web/pages/exercises.py", "web/pages/incidents.py", "web/pages/limits.py"]


@pytest.fixture(scope="module")
def scaled_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("scaled")
    write_scaled(root / "data", FACTOR, log=lambda _: None)
    return build(root / "scaled.duckdb", data_dir=root / "data").db_path


@pytest.fixture
def on_scaled_db(scaled_db, use_db):
    return use_db(scaled_db)


@pytest.mark.parametrize("page", PAGES)
def test_pages_send_bounded_charts_over_7x_the_data(page, on_scaled_db):
    views = open_page_views(page, timeout=120)  # a page with tabs: each tab
    limited = 0
    for chart in (c for at in views for c in page_charts(at)):
        spec = chart.spec
        fig = json.loads(spec)
        marks = sum(len(t.get("lat") or t.get("x") or []) for t in fig["data"])
        title = fig["layout"]["title"]["text"]
        assert len(spec) < FIGURE_BUDGET, (title[:80], len(spec))
        assert marks <= max(charts.MAX_BARS, charts.MAX_MARKERS) + 60, (title[:80], marks)  # + SIPRI's exact diamonds and yearly lines
        limited += bool(re.search(r"rows drawn|grouped by", title))
    expanders = " ".join(e.proto.label for at in views for e in at.expander)
    captions = " ".join(c.value for at in views for c in at.caption)
    expected = {"overview.py": 1, "arms_transfers.py": 1, "dual_use.py": 2, "exercises.py": 2}.get(page.rsplit("/", 1)[1], 0)
    assert limited >= expected, "a chart past its limit does not say so on itself"
    if page.endswith(("limits.py", "dual_use.py")):
        assert f"The first {ui.CARDS_SHOWN} of" in captions, "a long list of cards says it lists the first ones"
        assert "Data behind this" in expanders
