"""Sources and method: every source with its details and vintage, the definitions, and where
sources disagree."""

import streamlit as st

from dashboard.web import data, ui

ui.page_header("Sources and method", "Where every figure comes from, how the periods are cut, and where sources disagree.")

st.header("Sources")
ui.table(data.load("source_list"), column_config={"url": st.column_config.LinkColumn("Link")})

st.header("Definitions")
st.markdown(
    "**TIV (trend-indicator value).** SIPRI's measure of the *volume* of transfers of major conventional "
    "arms, based on a unit production cost in constant prices, in millions of TIV. It is **not** the "
    "price paid or a financial value, and must not be compared with money. Yearly Russia → China TIV "
    "drawn from the register is an estimate (each deal's delivered TIV spread evenly over its delivery "
    "years) and is drawn hatched; SIPRI's own yearly figures are drawn solid."
)
st.markdown(
    "**Periods.** Dated rows fall in the period that holds their date; yearly rows in the period that holds their year "
    "(so 2022 counts with the period from 24 February 2022). A date known only to a month or a year that holds a cut "
    "(for example \"2022\" or \"February 2022\") is not put on one side: it is shown under both periods it may belong to, "
    "marked as such, and drawn on timelines as a span."
)
ui.table(data.load("period_definitions"))
st.markdown("**Qualifiers.** How a source hedges a figure; charts show the mark beside the value and the words in the hover text.")
ui.table(data.load("qualifier_definitions"), hide=("qualifier",))

st.header("Where sources disagree")
st.caption("Both readings are kept; nothing is corrected silently. Rows concerned carry the disagreement's id.")
ui.table(data.load("source_disagreement_list"))

ui.footer(["cepa_2025", "rabdan_2025", "sipri_at_2025", "sipri_tiv_2024_10", "sipri_tiv_2025_04"])
