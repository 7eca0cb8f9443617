"""What a reader reads in a chart (issue #12): whole-year ticks, an x range that fits the period
shown, one colour per series whatever else is drawn, dates of month or year precision drawn as
spans, a text alternative generated from the data, reader labels in legends, and layouts that
hold on a phone. Each test builds a figure from a small DataFrame."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.core import charts, style
from dashboard.core.charts import Caption

SOURCE = "Source: SIPRI Arms Transfers Database, trade register"


def cap(period: str = "all", title: str = "Arms delivered per year") -> Caption:
    return Caption(title, "Millions of TIV (estimate)", period, SOURCE)


def _tiv(years) -> pd.DataFrame:
    years = list(years)
    period = lambda y: "before_2014" if y < 2014 else ("2014_2022" if y < 2022 else "since_2022")  # noqa: E731
    rows = pd.DataFrame({
        "year": years, "supplier": "Russia", "tiv_mtiv": [100.0 + 10 * i + 0.4 for i in range(len(years))], "is_estimate": True,
        "method": "even split", "deals": 2, "systems": "Su-35", "period_id": [period(y) for y in years],
    })
    return rows


def _with_exact(frame: pd.DataFrame, year: int = 2024, value: float = 30.0) -> pd.DataFrame:
    exact = pd.DataFrame({"year": [year], "supplier": ["Russia"], "tiv_mtiv": [value], "is_estimate": [False], "method": ["SIPRI table"], "deals": [None], "systems": [None], "period_id": ["since_2022"]})
    return pd.concat([frame, exact], ignore_index=True)


def _counts(years, domains=("naval", "air")) -> pd.DataFrame:
    return pd.DataFrame([{"year": y, "domain": d, "exercises": 1 + (y + i) % 3, "kind": "exercise", "names": "x", "period_id": "since_2022"} for y in years for i, d in enumerate(domains)])


def _shares(years) -> pd.DataFrame:
    return pd.DataFrame({"year": list(years), "share_pct_estimate": [60.0 + i for i in range(len(years))], "series": "Russia share"})


def _year_builders(years, period):
    yield "tiv_by_year", charts.tiv_by_year(_with_exact(_tiv(years), year=max(years)), cap(period))
    yield "period_bars", charts.period_bars(_tiv(years), cap(period), x="year", y="tiv_mtiv", hover=["Year:year"])
    yield "stacked_counts", charts.stacked_counts(_counts(years), cap(period), x="year", y="exercises", stack="domain", hover=["Year:year"])
    yield "lines", charts.lines(_shares(years), cap(period), x="year", y="share_pct_estimate", series="series", hover=["Year:year"])


# ----------------------------------------------------------------------------- 1. year axes


@pytest.mark.parametrize("years, period", [(range(2022, 2025), "since_2022"), (range(2014, 2022), "2014_2022"), (range(1950, 2025), "all"), ([2023], "since_2022")])
def test_year_axes_tick_whole_years_without_a_thousands_separator(years, period):
    for name, fig in _year_builders(list(years), period):
        axis = fig.layout.xaxis
        assert axis.tickformat == "d", (name, "integer ticks: never '2,021.5'")
        assert axis.dtick is not None and float(axis.dtick) >= 1 and float(axis.dtick).is_integer(), (name, axis.dtick)
        assert axis.tick0 is not None and float(axis.tick0).is_integer(), name
        assert axis.separatethousands is not True, name
        low, high = axis.range
        assert (high - low) / float(axis.dtick) <= charts.MOST_YEAR_TICKS + 1, (name, "few enough ticks for a phone")


def test_vertical_bars_over_years_as_text_are_categories_not_numbers():
    frame = pd.DataFrame({"year": ["2022", "2023", "2024"], "tons": [700.0, 1300.0, 200.0], "label": ["≈ 700", "> 1,300", "200"], "qualifier": ["approximately", "more_than", "exact"], "reading": ["NHK World"] * 3})
    fig = charts.hedged_bars(frame, cap("since_2022"), x="year", y="tons", label="label", colour_by="reading", hover=[])
    assert fig.layout.xaxis.type == "category", "'2022' as text is a category: plotly would otherwise make it a number axis with 2,022.5 ticks"


# ----------------------------------------------------------------------------- 2. the x range fits the period


def test_a_yearly_chart_since_2022_spans_the_period_not_the_whole_record():
    for name, fig in _year_builders([2022, 2023, 2024], "since_2022"):
        low, high = fig.layout.xaxis.range
        assert 2021 <= low <= 2022 and 2024 <= high <= 2025.5, (name, low, high)
        cut_lines = [s for s in fig.layout.shapes if s.type == "line"]
        assert not cut_lines, (name, "no cut marker at or outside the edge of the range")
        assert not [a for a in fig.layout.annotations if a.text in {m["short"] for m in style.EVENT_MARKERS}], name


def test_a_yearly_chart_of_2014_2022_marks_only_the_cut_inside_it():
    fig = charts.tiv_by_year(_tiv(range(2014, 2022)), cap("2014_2022"))
    low, high = fig.layout.xaxis.range
    assert (low, high) == (2013.5, 2021.5)
    assert not [s for s in fig.layout.shapes if s.type == "line"], "both cuts are the range's edges"
    bands = [s for s in fig.layout.shapes if s.type == "rect"]
    assert all(low <= b.x0 < b.x1 <= high for b in bands), "bands are clipped to the range"


def test_a_timeline_since_2022_does_not_span_2013_to_2025():
    frame = pd.DataFrame({"plot_date": pd.to_datetime(["2022-03-01", "2024-06-01"]), "lane": ["Trade", "Trade"], "period_id": ["since_2022"] * 2, "name": ["a", "b"]})
    fig = charts.timeline(frame, cap("since_2022"), date="plot_date", label="name", lane="lane", hover=["Name:name"])
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert pd.Timestamp("2021-06-01") < low <= pd.Timestamp("2022-02-24"), low
    assert pd.Timestamp("2024-06-01") < high < pd.Timestamp("2025-06-01"), high
    labels = [a for a in fig.layout.annotations if a.text in {m["short"] for m in style.EVENT_MARKERS}]
    assert [a.text for a in labels] == [style.EVENT_MARKERS[1]["short"]], "only the cut inside the range is marked"
    assert labels[0].xanchor == "left", "the invasion label at the left edge runs into the chart, not off it"


def test_markers_at_the_ends_of_a_long_timeline_are_drawn_whole():
    frame = pd.DataFrame({"plot_date": pd.to_datetime(["1969-01-01", "2000-01-01", "2025-01-01"]), "lane": ["History"] * 3, "period_id": ["before_2014", "before_2014", "since_2022"], "name": ["a", "b", "c"]})
    fig = charts.timeline(frame, cap(), date="plot_date", label="name", lane="lane", hover=["Name:name"])
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    span = high - low
    assert pd.Timestamp("1969-01-01") - low >= span * 0.02 and high - pd.Timestamp("2025-01-01") >= span * 0.02, "padded in proportion to the range"
    assert all(t.cliponaxis is False for t in fig.data if t.mode and "markers" in t.mode)
    assert fig.layout.xaxis.tickformat == "%Y" and fig.layout.xaxis.dtick == "M240", "a tick every 20 years: 1980, 2000, 2020 fit a phone"


def test_sipri_values_are_solid_bars_and_estimates_hatched():
    fig = charts.tiv_by_year(_with_exact(_tiv(range(1992, 2024)), year=2024), cap())
    solid = [t for t in fig.data if not t.name.endswith("(estimate)")]
    hatched = [t for t in fig.data if t.name.endswith("(estimate)")]
    assert [t.name for t in solid] == ["Since 24 Feb 2022"] and all(t.marker.pattern.shape == "" for t in solid)
    assert hatched and all(t.marker.pattern.shape == style.ESTIMATE_PATTERN for t in hatched)
    assert fig.layout.xaxis.range[1] >= 2024.5


# ----------------------------------------------------------------------------- 3. one colour per series


def _flows(readings) -> pd.DataFrame:
    return pd.DataFrame({"year": ["2023"] * len(readings), "tons": [1300.0] * len(readings), "label": ["1,300"] * len(readings), "qualifier": ["exact"] * len(readings), "reading": list(readings)})


def _colours(fig) -> dict:
    return {t.name.replace("<br>", " "): t.marker.color for t in fig.data}


def test_a_series_keeps_its_colour_whatever_other_series_are_drawn():
    nhk, cepa = "NHK World", "Center for European Policy Analysis (CEPA)"
    everything = _colours(charts.hedged_bars(_flows([nhk, cepa]), cap(), x="year", y="tons", label="label", colour_by="reading", hover=[]))
    recent = _colours(charts.hedged_bars(_flows([cepa, nhk]), cap("since_2022"), x="year", y="tons", label="label", colour_by="reading", hover=[]))
    alone = _colours(charts.hedged_bars(_flows([cepa]), cap("since_2022"), x="year", y="tons", label="label", colour_by="reading", hover=[]))
    assert everything[nhk] == recent[nhk] and everything[cepa] == recent[cepa] == alone[cepa], "order of appearance must not pick the colour"
    assert everything[nhk] != everything[cepa]
    for key in ("Some source nobody listed", "Russia → Algeria", "United States → Japan"):
        one = _colours(charts.lines(pd.DataFrame({"year": [2020, 2021] * 2, "v": [1, 2, 3, 4], "s": ["Russia → China"] * 2 + [key] * 2}), cap(), x="year", y="v", series="s", hover=[]))
        other = _colours(charts.lines(pd.DataFrame({"year": [2020, 2021] * 3, "v": [1, 2, 3, 4, 5, 6], "s": ["Zeta"] * 2 + ["Alpha"] * 2 + [key] * 2}), cap(), x="year", y="v", series="s", hover=[]))
        assert one[key] == other[key], key
        assert one[key] != one["Russia → China"], "an unknown series never takes a known source's colour"


def test_a_category_keeps_its_colour_in_ranked_bars_and_maps():
    first = charts.horizontal_bars(pd.DataFrame({"tiv": [3.0, 2.0], "row": ["a", "b"], "category": ["aircraft", "ships"]}), cap(), x="tiv", y="row", colour_by="category", hover=[])
    second = charts.horizontal_bars(pd.DataFrame({"tiv": [3.0, 2.0], "row": ["a", "b"], "category": ["ships", "missiles"]}), cap(), x="tiv", y="row", colour_by="category", hover=[])
    assert _colours(first)["Ships"] == _colours(second)["Ships"]
    assert style.series_colour("ships") == style.series_colour("ships", 5), "the position is ignored"
    assert style.series_colour("anything", colours={"anything": "#123456"}) == "#123456", "an explicit mapping wins"


# ----------------------------------------------------------------------------- 4. dates of month or year precision


def _events(with_precision: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame({
        "plot_date": pd.to_datetime(["2019-06-05", "2022-01-01", "2022-02-01", "2023-03-21"]),
        "lane": ["Diplomacy", "Trade", "Trade", "Diplomacy"], "title": ["Summit", "Trade grew", "Deal signed", "Visit"],
        "period_id": ["2014_2022", "since_2022", "since_2022", "since_2022"],
    })
    if with_precision:
        frame = frame.assign(
            date_from=pd.to_datetime(["2019-06-05", "2022-01-01", "2022-02-01", "2023-03-21"]).date,
            date_to=pd.to_datetime(["2019-06-05", "2022-12-31", "2022-02-28", "2023-03-21"]).date,
            straddles_cut=[False, True, True, False],
            precision_note=[None, "Dated only to 2022: may fall before or after 24 Feb 2022", "Dated only to February 2022: may fall before or after 24 Feb 2022", None],
        )
    return frame


def test_a_date_known_only_to_a_month_or_year_is_a_span_and_the_chart_says_it_straddles_the_cut():
    fig = charts.timeline(_events(), cap(), date="plot_date", label="title", lane="lane", hover=["What:title"])
    points = [t for t in fig.data if t.mode == "markers"]
    assert sum(len(t.x) for t in points) == 2, "only the rows dated to the day are points"
    spans = [t for t in fig.data if t.mode == "lines+markers" and t.x and t.x[0] is not None]
    drawn = [(pd.Timestamp(a), pd.Timestamp(b)) for t in spans for a, b in zip(t.x[0::3], t.x[1::3])]
    assert sorted(drawn) == [(pd.Timestamp("2022-01-01"), pd.Timestamp("2022-12-31")), (pd.Timestamp("2022-02-01"), pd.Timestamp("2022-02-28"))]
    hover = " ".join(h for t in spans for h in t.hovertext if h).replace("<br>", " ")
    assert "Dated only to 2022: may fall before or after 24 Feb 2022" in hover
    title = fig.layout.title.text.replace("<br>", " ")
    assert "2 items dated only to a month or year that includes 24 Feb 2022 are drawn as spans and shown under both periods" in title
    assert any(t.name == "Month or year only (span)" for t in fig.data), "the legend says what a span is"
    assert "nan" not in charts.description(fig).lower()


def test_a_timeline_without_the_precision_columns_draws_points_as_before():
    fig = charts.timeline(_events(with_precision=False), cap(), date="plot_date", label="title", lane="lane", hover=["What:title"])
    assert all(t.mode == "markers" for t in fig.data) and sum(len(t.x) for t in fig.data) == 4
    assert "drawn as span" not in fig.layout.title.text and "span" not in charts.description(fig)


def test_the_range_of_a_filtered_timeline_holds_the_spans():
    frame = _events()
    fig = charts.timeline(frame[frame["period_id"] == "since_2022"], cap("since_2022"), date="plot_date", label="title", lane="lane", hover=["What:title"])
    low, _ = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert low < pd.Timestamp("2022-01-01"), "the span of 2022 starts inside the chart"


# ----------------------------------------------------------------------------- 5. a text alternative from the data


def test_a_chart_carries_a_description_generated_from_its_data():
    frame = _with_exact(_tiv(range(2022, 2025)), year=2024, value=30.0)
    fig = charts.tiv_by_year(frame, cap("since_2022"))
    text = charts.description(fig)
    assert text == charts.describe(frame, cap("since_2022"), "tiv_by_year"), "the page can build it without the figure"
    for part in ("Arms delivered per year.", "Millions of TIV (estimate)", "Since 24 Feb 2022", "Years 2022 to 2024", "SIPRI's values (solid bars): largest 30 in 2024; latest 30 in 2024", "Estimates (hatched): 100.4 in 2022; 110.4 in 2023; 120.4 in 2024", "Source: SIPRI Arms Transfers Database, trade register."):
        assert part in text, (part, text)
    assert text.count("Source:") == 1, "the source is named once"


@pytest.mark.parametrize("source", ["Source: CEPA (2025)", "CEPA (2025)", "Source: Source: CEPA (2025)"])
def test_the_source_is_named_once_however_the_caption_spells_it(source):
    text = charts.describe(_shares([2020, 2021]), Caption("T", "U", "all", source), "lines", x="year", y="share_pct_estimate", series="series")
    assert text.endswith("Source: CEPA (2025).") and text.count("Source") == 1, text


def test_descriptions_of_every_builder_name_no_missing_values():
    shares = pd.DataFrame({"share_pct": [47.0, 89.0, None, 58.0], "row_label": ["chips", "microchips", "parts", "equipment"], "share_label": ["≈ 47.0%", "89.0%", None, "≈ 58.0%"], "qualifier": ["approximately", "exact", None, "approximately"], "period_id": ["since_2022"] * 4})
    hedged = charts.hedged_bars(shares, cap("since_2022"), x="share_pct", y="row_label", label="share_label", colour_by="period_id", orientation="h", hover=[])
    text = charts.description(hedged)
    assert "Largest: microchips (89.0%), equipment (≈ 58.0%) and chips (≈ 47.0%)." in text, text
    flows = charts.hedged_bars(pd.DataFrame({"year": ["2022", "2023"], "tons": [700.0, 1300.0], "label": ["≈ 700", "> 1,300"], "qualifier": ["approximately", "more_than"], "reading": ["NHK World", None]}), cap(), x="year", y="tons", label="label", colour_by="reading", hover=[])
    assert "NHK World: 2022 ≈ 700." in charts.description(flows)
    counts = charts.stacked_counts(_counts([2022, 2023]), cap("since_2022"), x="year", y="exercises", stack="domain", hover=[])
    assert "Years 2022 to 2023" in charts.description(counts)
    comparison = pd.DataFrame({"indicator": ["Arms"] * 2, "unit": ["millions of TIV per year", None], "period_id": ["before_2014", "since_2022"], "period_label": ["a", "b"], "years": ["x", "y"], "value": [1381.5, None], "value_label": ["≈ 1381.5", None], "is_estimate": [True, False], "note": [None, None]})
    compared = charts.period_comparison(comparison, cap(), highlight="since_2022")
    assert "Arms, in millions of TIV per year: Before 2014 ≈ 1381.5." in charts.description(compared)
    mapped = charts.map_points(pd.DataFrame({"lat": [40.0, 40.0, 50.0], "lon": [130.0, 130.0, 10.0], "period_id": ["since_2022"] * 3, "name": ["x", None, "z"]}), cap(), lat="lat", lon="lon", colour_by="period_id", label="name", hover=[])
    assert "3 rows at 2 places" in charts.description(mapped)
    events = charts.timeline(_events(), cap(), date="plot_date", label="title", lane="lane", hover=[])
    assert "4 items from 5 Jun 2019 to 21 Mar 2023" in charts.description(events)
    assert "Trade grew (2022)" not in charts.description(events) and "Latest: Visit (21 Mar 2023)." in charts.description(events)
    labelled = _events(with_precision=False).assign(date_label=["5 June 2019", "2022", "February 2022", "21 March 2023"])
    assert "from 5 June 2019 to 21 March 2023" in charts.describe(labelled, cap(), "timeline", date="plot_date", label="title", lane="lane"), "the source's words for a date, not a made-up day"
    empty = charts.lines(_shares([]), cap(), x="year", y="share_pct_estimate", series="series", hover=[])
    for fig in (hedged, flows, counts, compared, mapped, events, empty):
        text = charts.description(fig)
        assert text and not re.search(r"\b(nan|None|NaT)\b", text), text
        assert "<" not in text and "&lt;" not in text, "plain text: the page renders it as text"


def test_large_numbers_are_written_as_the_chart_writes_them():
    frame = _tiv([1952, 1953]).assign(tiv_mtiv=[3725.7, 3367.0])
    text = charts.describe(frame, cap(), "period_bars", x="year", y="tiv_mtiv")
    assert "Largest 3,725.7 in 1952; latest 3,367 in 1953." in text, text
    assert "1,952" not in text


# ----------------------------------------------------------------------------- 6. labels


def test_legends_show_reader_labels_not_raw_ids():
    frame = pd.DataFrame({"lat": [40.0, 41.0], "lon": [130.0, 131.0], "source_id": ["web_nhk_2024_05_16", "cepa_2025"], "name": ["x", "y"]})
    fig = charts.map_points(frame, cap(), lat="lat", lon="lon", colour_by="source_id", label="name", hover=[], labels={"web_nhk_2024_05_16": "NHK World", "cepa_2025": "CEPA (2025)"})
    assert [t.name for t in fig.data] == ["NHK World", "CEPA (2025)"]
    assert style.series_name("cepa_2025", {"cepa_2025": "CEPA (2025)"}) == "CEPA (2025)"
    assert style.series_name("since_2022") == "Since 24 Feb 2022"


def test_the_source_line_is_drawn_once():
    fig = charts.tiv_by_year(_tiv([2022, 2023]), cap())
    texts = [str(a.text) for a in fig.layout.annotations]
    assert sum("Source:" in t for t in texts) == 1 and not any("Source:" in t and t.count("Source") > 1 for t in texts)


def test_period_swatches_give_label_and_colour_pairs():
    assert style.period_swatches() == [("Before 2014", "#0072B2"), ("2014 – 23 Feb 2022", "#E69F00"), ("Since 24 Feb 2022", "#CC79A7")]
    assert style.period_swatches(["since_2022"]) == [("Since 24 Feb 2022", style.PERIOD_COLOURS["since_2022"])]


# ----------------------------------------------------------------------------- 7. a phone's width


def test_long_category_labels_wrap_short_enough_to_leave_the_bars_room_on_a_phone():
    label = "chip-making equipment (2023) · Center for European Policy Analysis (CEPA)"
    fig = charts.hedged_bars(pd.DataFrame({"share_pct": [47.0], "row_label": [label], "share_label": ["≈ 47.0%"], "qualifier": ["approximately"], "period_id": ["since_2022"]}), cap(), x="share_pct", y="row_label", label="share_label", colour_by="period_id", orientation="h", hover=[], value_range=(0, 105))
    assert max(len(line) for line in fig.layout.yaxis.ticktext[0].split("<br>")) <= 24, "the axis draws it wrapped"
    assert fig.layout.margin.l <= 200, "at 390 px the bars keep half the card"
    assert fig.layout.margin.r >= 48 and fig.data[0].cliponaxis is False, "the value label beside the longest bar is not cut"
    assert fig.layout.xaxis.nticks and fig.layout.xaxis.nticks <= 6, "ticks do not pile up"


def test_titles_subtitles_and_sources_wrap_to_fit_a_phone():
    long = Caption("China's share of Russia's imports: chips and chip-making inputs", "Percent, as each source states it (dotted bars: hedged figures)", "since_2022",
                   "Source: Hrytsenko & Racz, CEPA (2025); NHK/WSJ summary (Abachy, 2023); SCMP (2023, IIF estimate); Export Compliance Daily (2024, US government claim)")
    fig = charts.lines(_shares([2022, 2023]), long, x="year", y="share_pct_estimate", series="series", hover=[])
    title = re.sub(r"<[^>]+>", "\n", fig.layout.title.text.replace("<br>", "\n"))
    assert max(len(line) for line in title.split("\n")) <= charts.SUBTITLE_CHARS
    source = next(a for a in fig.layout.annotations if str(a.text).startswith("Source:"))
    assert max(len(line) for line in source.text.split("<br>")) <= charts.SOURCE_CHARS
    assert fig.layout.legend.y < 0 and fig.layout.legend.yanchor == "top", "the legend is below the plot"
    assert source.yshift <= -(44 + charts.LEGEND_ROW_PX), "the source line is below the legend row"
    assert fig.layout.modebar.orientation == "v", "the modebar runs down the edge, not over the title"
    assert fig.layout.margin.t >= 30 + 21 * 2 + 17 * 2, "the top margin holds the wrapped title and subtitle"


def test_subplot_titles_of_the_period_comparison_are_wrapped():
    frame = pd.DataFrame({"indicator": ["Arms delivered, Russia → China"] * 3 + ["Joint exercises and patrols"] * 3, "unit": ["u"] * 6, "period_id": ["before_2014", "2014_2022", "since_2022"] * 2,
                          "period_label": ["a"] * 6, "years": ["y"] * 6, "value": [1381.5, 854.1, 310.2, 0.4, 2.6, 6.0], "value_label": ["≈ 1381.5", "≈ 854.1", "≈ 310.2", "0.4", "2.6", "6.0"], "is_estimate": [True] * 3 + [False] * 3, "note": ["n"] * 6})
    fig = charts.period_comparison(frame, cap())
    titles = [a.text for a in fig.layout.annotations][:2]
    assert all(max(len(line) for line in t.split("<br>")) <= 22 for t in titles), titles
    assert all("<br>" in x or len(x) <= 10 for t in fig.data for x in t.x), "period names wrapped under narrow panels"


def test_a_long_legend_entry_is_wrapped_not_cut_at_the_cards_edge():
    title = "[No title in the source text] Policy paper on Russian–Chinese military and military-technical cooperation before 2014"
    frame = pd.DataFrame({"units": [20.0, 23.0], "system": ["Il-76", "Il-76"], "label": ["> 20", "23"], "qualifier": ["more_than", "exact"], "reading": [title, "SIPRI register (units delivered)"]})
    fig = charts.hedged_bars(frame, cap(), x="units", y="system", label="label", colour_by="reading", orientation="h", hover=[])
    assert all(max(len(line) for line in t.name.split("<br>")) <= charts.LEGEND_CHARS for t in fig.data)
    assert fig.layout.legend.traceorder == "normal", "entries in the order drawn, not reversed"


def test_hover_lines_are_short_enough_for_a_phone():
    frame = pd.DataFrame({"year": [2022], "v": [1.0], "s": ["a"], "quote": ["a long quotation from the source that runs on well beyond what a phone's plot can hold in one line of a hover box"]})
    fig = charts.lines(frame, cap(), x="year", y="v", series="s", hover=["Quote:quote"])
    assert max(len(re.sub(r"<[^>]+>", "", line)) for line in fig.data[0].hovertext[0].split("<br>")) <= charts.HOVER_WRAP + len("Quote: ")


def test_a_map_says_when_its_rows_straddle_a_cut():
    frame = _events().assign(lat=40.0, lon=130.0)
    fig = charts.map_points(frame, cap(), lat="lat", lon="lon", colour_by="period_id", label="title", hover=[])
    title = fig.layout.title.text.replace("<br>", " ")
    assert "2 items dated only to a month or year that includes 24 Feb 2022 are shown under both periods" in title
    assert "spans" not in title
    assert "shown under both periods" in charts.description(fig)
    plain = charts.map_points(_events(with_precision=False).assign(lat=40.0, lon=130.0), cap(), lat="lat", lon="lon", colour_by="period_id", label="title", hover=[])
    assert "both periods" not in plain.layout.title.text


def test_a_span_reaching_far_outside_the_period_does_not_stretch_the_axis():
    """Key events under Before 2014 ended in 2021 because a 2001–2021 span was drawn whole."""
    import pandas as pd

    from dashboard.core import charts

    dates = pd.Series(pd.to_datetime(["1969-01-01", "2001-07-16", "2021-12-31"]))
    lo, hi = charts.date_range(dates, "before_2014")
    assert lo <= pd.Timestamp("1969-01-01") and hi <= pd.Timestamp("2014-12-31")
    lo, hi = charts.date_range(pd.Series(pd.to_datetime(["2014-01-01", "2024-06-01"])), "since_2022")
    assert lo >= pd.Timestamp("2021-01-01") and hi >= pd.Timestamp("2024-06-01")
    lo, hi = charts.date_range(pd.Series(pd.to_datetime(["2009-01-01", "2025-01-01"])), "2014_2022")
    assert lo >= pd.Timestamp("2013-01-01") and hi <= pd.Timestamp("2023-12-31")
