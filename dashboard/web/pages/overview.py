"""Overview: headline figures per period, a period comparison, and a timeline of key events."""

import streamlit as st

from dashboard.core import charts, style
from dashboard.core.charts import Caption
from dashboard.web import data, ui

period = ui.period()
ui.page_header("Russia–China military cooperation at a glance", "From an arms trade in the 1990s to a partnership in which China supplies Russia's war economy, across three periods.")

headlines = data.load("overview_headlines", period)
shown = headlines if period != "all" else headlines[headlines["period_id"] == "all"]
cols = st.columns(max(1, min(4, len(shown))))
for i, r in enumerate(shown.itertuples()):
    with cols[i % len(cols)]:
        ui.tile(r.label, r.value_text, r.help_text)

comparison = data.load("period_comparison")
fig = ui.chart(
    charts.period_comparison, comparison, Caption("How cooperation changed across the three periods", "Yearly average in each period (TIV: millions; counts: events per year)", "all", "Source: SIPRI Arms Transfers Database (data generated 13 Mar 2025; yearly TIV estimated from the register); joint exercises list; CEPA (2025); Rabdan INSIGHTS (2025)"),
    highlight=period,
)
ui.panel(fig, comparison, name="ru-cn-period-comparison", note="Averages per year make periods of different lengths comparable. Yearly arms TIV from the register is an estimate (each deal's TIV spread evenly over its delivery years).")

events = data.load("key_events", period)
ui.record_up_to("key_events")
fig = ui.chart(
    charts.timeline, events, Caption("Key events", "Dated statements of the sources; first day of the month or year where the source gives no day", period, "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025); since the documents, public pages (one cited page per row)"),
    date="plot_date", label="title", lane="lane", hover=["What:title", "When:date_label", "Quote:quote", "Paraphrase:evidence", "Source:source_title", "Note:note"], height=520,
)
ui.panel(fig, events, name="ru-cn-key-events", quotes=events.assign(label=events["title"]))

ui.period_legend()
st.caption("Use the period selector in the sidebar to filter every page.")
ui.footer(sorted({"cepa_2025", "rabdan_2025", "sipri_at_2025", "sipri_tiv_2025_04", *events["source_id"]}))
