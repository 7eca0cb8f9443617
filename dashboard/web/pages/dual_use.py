"""Dual-use supply since 2022: chips and chip-making inputs, critical minerals, nitrocellulose."""

import streamlit as st

from dashboard.core import charts
from dashboard.core.charts import Caption
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

shares = data.load("dual_use_shares", period)
if shares.empty:
    st.info("No share figure for chips and chip-making inputs is recorded in this period (the sources give shares for " + recorded_years("dual_use_shares") + "), so its chart is not shown.")
else:
    fig = ui.chart(
        charts.hedged_bars, shares, Caption("China's share of Russia's chip imports, chip-making inputs and drone electronics", "Percent, as each source states it (dotted bars: hedged figures)", period, "Source: Hrytsenko & Racz, CEPA (2025); NHK/WSJ summary (Abachy, 2023); SCMP (2023, IIF estimate); EIR News (2024, US government claim); LIGA.net (2025, Ukrainian intelligence claim)"),
        x="share_pct", y="row_label", label="share_label", colour_by="period_id", orientation="h", value_range=(0, 105),
        hover=["Item:item", "Year:year", "Share:share_label", "Qualifier:qualifier_label", "Quote:quote", "Paraphrase:evidence", "URL:source_url", "Note:note"],
    )
    ui.panel(fig, shares, name="ru-cn-dual-use-shares", quotes=shares.assign(label=shares["row_label"]), note="The shares come from different data sets and definitions (microchips, chips and components, mainland China plus Hong Kong, microelectronics, the origin of drone electronics): they disagree and are shown side by side, not reconciled.")

flows = data.load("commodity_flow_list", period, equals={"commodity": "nitrocellulose"})
if flows.empty:
    st.info("No nitrocellulose shipment is recorded in this period (the sources give tonnes for " + recorded_years("commodity_flow_list", equals={"commodity": "nitrocellulose"}) + "), so its chart is not shown.")
else:
    plotted = flows[flows["year"].notna()]
    fig = ui.chart(
        charts.hedged_bars, plotted.assign(year=plotted["year"].astype(int).astype(str)), Caption("China → Russia: nitrocellulose shipped per year", "Tonnes, as each source states it (dotted bars: hedged; 2024 is January–March only)", period, "Source: Hrytsenko & Racz, CEPA (2025); NHK World (16 May 2024), from Chinese customs data"),
        x="year", y="quantity", label="quantity_label", colour_by="reading",
        hover=["Year:year_label", "Tonnes:quantity_label", "Qualifier:qualifier_label", "Quote:quote", "Paraphrase:evidence", "URL:source_url", "Note:note"],
    )
    ui.panel(fig, flows, name="ru-cn-nitrocellulose-tonnes", quotes=flows.assign(label=flows["reading"] + " · " + flows["year_label"]))

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

ui.footer(sorted({"cepa_2025", *shares["source_id"], *flows["source_id"]}))
