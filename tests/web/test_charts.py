"""The chart builders draw what the page asks for: values on the value axis, readable legends,
distinct colours for distinct series, and labels and source lines inside the card."""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts, style
from dashboard.core.charts import Caption

CAP = Caption("Title", "Units", "all", "Source: a source line long enough to matter " * 3)


def _shares() -> pd.DataFrame:
    return pd.DataFrame({
        "share_pct": [47.0, 89.0, 58.0],
        "row_label": ["chip-making equipment (2023) · Center for European Policy Analysis (CEPA)", "microchips (2023) · CEPA", "spare parts (2023) · CEPA"],
        "share_label": ["≈ 47.0%", "89.0%", "≈ 58.0%"],
        "qualifier": ["approximately", "exact", "approximately"],
        "period_id": ["since_2022"] * 3,
    })


def test_horizontal_hedged_bars_put_values_on_x_and_categories_on_y():
    fig = charts.hedged_bars(_shares(), CAP, x="share_pct", y="row_label", label="share_label", colour_by="period_id", hover=[], orientation="h")
    bars = fig.data[0]
    assert bars.orientation == "h"
    assert list(bars.x) == [47.0, 89.0, 58.0], "values go along x in a horizontal bar chart"
    assert all(isinstance(v, str) for v in bars.y)
    assert [y.replace("<br>", " ") for y in fig.layout.yaxis.categoryarray][::-1] == list(_shares()["row_label"]), "top to bottom in the frame's order"
    assert list(bars.marker.pattern.shape) == [style.HEDGED_PATTERN, "", style.HEDGED_PATTERN]


def test_vertical_hedged_bars_put_categories_on_x():
    frame = pd.DataFrame({"year": ["2022", "2023"], "tons": [700.0, 1300.0], "label": ["≈ 700", "> 1,300"], "qualifier": ["approximately", "more_than"], "reading": ["NHK World", "NHK World"]})
    fig = charts.hedged_bars(frame, CAP, x="year", y="tons", label="label", colour_by="reading", hover=[])
    assert list(fig.data[0].x) == ["2022", "2023"] and list(fig.data[0].y) == [700.0, 1300.0]


def test_series_that_are_not_periods_get_distinct_colours_and_readable_names():
    frame = pd.DataFrame({"year": ["2023", "2023"], "tons": [1300.0, 1300.0], "label": ["> 1,300", "1,300"], "qualifier": ["more_than", "exact"], "reading": ["NHK World", "Center for European Policy Analysis (CEPA)"]})
    fig = charts.hedged_bars(frame, CAP, x="year", y="tons", label="label", colour_by="reading", hover=[])
    assert fig.data[0].marker.color != fig.data[1].marker.color, "two readings in one legend must not share a swatch"
    ranked = charts.horizontal_bars(
        pd.DataFrame({"tiv": [3.0, 2.0, 1.0], "row": ["a", "b", "c"], "period_id": ["2014_2022", "before_2014", "since_2022"], "category": ["armoured_vehicles", "aircraft", "aircraft"]}),
        CAP, x="tiv", y="row", colour_by="period_id", hover=[],
    )
    assert [t.name for t in ranked.data] == [style.PERIOD_LABELS[p] for p in ("2014_2022", "before_2014", "since_2022")], "periods by their labels, not their ids"
    by_category = charts.horizontal_bars(ranked_frame := pd.DataFrame({"tiv": [3.0, 2.0], "row": ["a", "b"], "category": ["armoured_vehicles", "aircraft"]}), CAP, x="tiv", y="row", colour_by="category", hover=[])
    assert [t.name for t in by_category.data] == ["Armoured vehicles", "Aircraft"] and len(ranked_frame) == 2


def test_long_category_labels_are_wrapped_and_given_room():
    fig = charts.hedged_bars(_shares(), CAP, x="share_pct", y="row_label", label="share_label", colour_by="period_id", hover=[], orientation="h")
    assert list(fig.data[0].y) == list(_shares()["row_label"]), "the bars keep the whole label"
    longest_line = max(len(line) for label in fig.layout.yaxis.ticktext for line in label.split("<br>"))
    assert longest_line <= charts.LABEL_CHARS
    assert fig.layout.margin.l >= 6 * longest_line, "the left margin holds the longest label line"


def test_the_source_line_starts_at_the_cards_left_edge_whatever_the_margin():
    for fig in (
        charts.hedged_bars(_shares(), CAP, x="share_pct", y="row_label", label="share_label", colour_by="period_id", hover=[], orientation="h"),
        charts.lines(pd.DataFrame({"year": [2020, 2021], "v": [1, 2], "s": ["a", "a"]}), CAP, x="year", y="v", series="s", hover=[]),
        charts.map_points(pd.DataFrame({"lat": [40.0], "lon": [130.0], "period_id": ["since_2022"], "name": ["x"]}), CAP, lat="lat", lon="lon", colour_by="period_id", label="name", hover=[]),
    ):
        source = [a for a in fig.layout.annotations if str(a.text).startswith("Source:")]
        assert len(source) == 1
        assert fig.layout.margin.l + source[0].xshift == 12, "the source line is 12 px from the card's edge, like the title"


def test_timeline_lanes_have_room_and_headroom_for_the_cut_date_labels():
    frame = pd.DataFrame({
        "plot_date": pd.to_datetime(["2010-05-01", "2020-05-01", "2023-05-01"]), "lane": ["Naval · exercise", "Air · bomber patrol", "Air · bomber patrol"],
        "period_id": ["before_2014", "2014_2022", "since_2022"], "name": ["a", "b", "c"],
    })
    fig = charts.timeline(frame, CAP, date="plot_date", label="name", lane="lane", hover=["Name:name"])
    assert fig.layout.margin.l >= 6 * len("Air · bomber patrol")
    low, high = fig.layout.yaxis.range
    assert high - (2 - 0.5) >= 0.89, "room above the top lane, where the cut-date labels are"
    labels = {a.text: a for a in fig.layout.annotations if a.text in {m["short"] for m in style.EVENT_MARKERS}}
    assert len(labels) == 2, "both cuts fall inside 2010–2023"
    assert labels[style.EVENT_MARKERS[0]["short"]].xanchor == "left", "2014, in the left half: its label runs right, into the chart"
    assert labels[style.EVENT_MARKERS[1]["short"]].xanchor == "right", "2022, in the right half: its label runs left, into the chart"
