"""Dual-use supply since 2022: chips and chip-making inputs, critical minerals, nitrocellulose."""

import streamlit as st

from dashboard.web import data, ui

period = ui.period()


def recorded_years(view: str, **filters) -> str:
    """The years a view has rows for in any period, in words ("2022–2023"), for saying why a
    section has none in the chosen period."""
    years = sorted({int(y) for y in data.load(view, **filters)["year"].dropna()})
    if not years:
        return "no year"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


ui.page_header("Dual-use supply since 2022", "China's supply of chips, chip-making equipment, critical minerals and nitrocellulose to Russia, as each source states it.")
ui.record_up_to("dual_use")

if ui.registry_panel("ru-cn-dual-use-shares") is None:
    st.info("No share figure for chips and chip-making inputs is recorded in this period (the sources give shares for " + recorded_years("dual_use_shares") + "), so its chart is not shown.")

if ui.registry_panel("ru-cn-nitrocellulose-tonnes") is None:
    st.info("No nitrocellulose shipment is recorded in this period (the sources give tonnes for " + recorded_years("commodity_flow_list", equals={"commodity": "nitrocellulose"}) + "), so its chart is not shown.")

suppliers = data.load("dual_use_suppliers", period)
st.header("Critical minerals: China as sole or only supplier")
if suppliers.empty:
    st.info("No statement on critical-mineral suppliers is recorded in this period (the sources make them about " + recorded_years("dual_use_suppliers") + "), so no card is shown.")
else:
    for r in ui.first_cards(suppliers, "supplier statements").itertuples():
        with st.container(border=True):
            st.markdown(f"**{ui.plain(r.item)}** ({ui.plain(r.year)}): {ui.plain(r.supplier_status)}" + (f"; also: {ui.plain(r.other_suppliers)}" if r.other_suppliers else ""))
            st.markdown("> " + ui.plain(r.quote))
            st.caption(ui.plain(r.source_title or "Source not recorded") + (" · note: " + ui.linked(r.note) if r.note else ""))
    if not ui.presenting():
        ui.data_expander(suppliers, "ru-cn-critical-minerals-suppliers", "list")

ui.footer(sorted({"cepa_2025", *data.load("dual_use_shares", period)["source_id"], *data.load("commodity_flow_list", period, equals={"commodity": "nitrocellulose"})["source_id"]}))
