"""Exercises and military diplomacy: how far the exercise list reaches and what it counts, joint
exercises and patrols by year and domain, a timeline, a map of where they took place, published
counts of joint exercises beside ours, and the agreements and high-level meetings."""

import streamlit as st

from dashboard.core.db import ALL_PERIODS
from dashboard.outputs import panels
from dashboard.web import data, ui

VIEWS = panels.VIEWS["exercises"]  # the tabs; each registry panel names its own (Panel.view)

SOURCE_COUNTS = "Source: published counts as cited per row (CSIS ChinaPower, EUISS, NDU via Bloomberg, SCMP, Japan's Ministry of Defense, China's defence ministry, Tasnim); our count: the compiled exercise list and this project's additions"
COUNTS_SHOWN = {
    "counted_by": "Counted by", "period_label": "Span", "their_count_label": "Their count", "our_count": "Our count (same span and definition)",
    "difference": "Difference (theirs − ours)", "difference_note": "Why the numbers differ", "what_counted": "What they count", "scope_label": "Scope",
    "our_unplaced": "Ours dated too loosely to place", "our_definition": "Our count counts", "reported_by": "Read on", "published_label": "Published",
    "source_url": "Page", "confidence": "Confidence",
}

period = ui.period()
ui.page_header("Exercises and military diplomacy", "Joint exercises and patrols of Russia's and China's forces, and the agreements and meetings around them.")

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

# Tabs, each in the URL (?view=...): only the open one's panels are computed and sent.
per_year, timeline, others, agreements = ui.url_tabs(VIEWS, key="view")
none_recorded = "No joint exercise is recorded in this period."

with per_year:
    if per_year.open and ui.registry_panel("ru-cn-exercises-by-year") is None:
        st.info(none_recorded)

with timeline:
    if timeline.open:
        if ui.registry_panel("ru-cn-exercises-timeline") is None:
            st.info(none_recorded)
        else:
            ui.registry_panel("ru-cn-exercises-map")

comparison = data.load("exercise_count_comparison")
with others:
    if others.open:
        st.header("How others count")
        if comparison.empty:
            st.info("No published count of joint exercises is recorded.")
        else:
            st.subheader("Published counts of Russia–China joint exercises beside our count for the same span and definition")
            st.caption(f"Number of exercises (or patrols, or editions of a series) as each counter counts them · each count's own span, all periods · {SOURCE_COUNTS}")
            ui.static_table(comparison, COUNTS_SHOWN, links=("source_url",))
            st.caption(
                "Counts differ mostly in what they count: some take in military competitions, computer simulations or multilateral drills our list does not hold. "
                "Our count uses the counted rows of our list whose start lies in the published span; rows dated only to a year that may fall either side are shown apart. "
                "A published count with no stated end to its span is not matched."
            )
            if not ui.presenting():
                ui.data_expander(comparison, "ru-cn-exercise-counts-compared", what="table", rows_period=ALL_PERIODS)

with agreements:
    if agreements.open:
        st.header("Agreements and high-level meetings")
        ui.record_up_to("agreements_and_meetings")
        if ui.registry_panel("ru-cn-agreements-timeline") is None:
            st.info("No agreement or meeting is recorded in this period.")

ui.footer(sorted({"cepa_2025", "rabdan_2025", *exercises["source_id"].unique(), *comparison["source_id"].unique(), *data.load("agreement_list", period)["source_id"].unique()}))
