"""Incidents: damage to undersea cables and a pipeline by ships linked to China or Russia, on a map and in a table."""

import streamlit as st

from dashboard.outputs import panels
from dashboard.web import data, ui

period = ui.period()
ui.page_header("Infrastructure incidents", "Civilian ships linked to China or Russia damaging undersea cables and a pipeline, as the sources describe them.")
st.caption("The documents find no published evidence of Moscow–Beijing cooperation behind these incidents; they record a similar tactic. Incidents since the documents come from public pages, each paraphrased with its page.")
ui.record_up_to("incidents")

if ui.registry_panel("ru-cn-infrastructure-incidents-map") is None:
    st.info("No incident is recorded in this period (all incidents in the sources date from October 2023 onwards).")
else:
    incidents = panels.incidents.incident_rows(data.load, period)
    ui.static_table(
        incidents,
        {"date_label": "When", "ship": "Ship", "sea_area": "Where", "what_damaged": "What was damaged", "admitted_label": "Responsibility admitted", "quote_or_paraphrase": "Quote or paraphrase", "source_title": "Source", "source_url": "Source page"},
        links=("source_url",),
    )

ui.footer(sorted({"cepa_2025", *data.load("incident_list", period)["source_id"].unique()}))
