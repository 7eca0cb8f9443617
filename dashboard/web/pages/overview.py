"""Overview: headline figures per period, a period comparison, and a timeline of key events."""

import streamlit as st

from dashboard.web import data, ui

period = ui.period()
ui.page_header("Russia–China military cooperation at a glance", "From an arms trade in the 1990s to a partnership in which China supplies Russia's war economy, across three periods.")

headlines = data.load("overview_headlines", period)
shown = headlines if period != "all" else headlines[headlines["period_id"] == "all"]
cols = st.columns(max(1, min(4, len(shown))))
for i, r in enumerate(shown.itertuples()):
    with cols[i % len(cols)]:
        ui.tile(r.label, r.value_text, r.help_text)

ui.registry_panel("ru-cn-period-comparison")

ui.record_up_to("key_events")
events = ui.registry_panel("ru-cn-key-events").rows

ui.period_legend()
st.caption("Use the period selector in the sidebar to filter every page.")
ui.footer(sorted({"cepa_2025", "rabdan_2025", "sipri_at_2025", "sipri_tiv_2025_04", *events["source_id"]}))
