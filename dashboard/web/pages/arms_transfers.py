"""Arms transfers: SIPRI TIV of Russia (and the Soviet Union) → China by year, by category, the
largest deals, the documents' figures beside SIPRI's, and Russia → China in context."""

import streamlit as st

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.web import data, ui

REGISTER = "Source: SIPRI Arms Transfers Database, trade register, data generated 13 March 2025 (yearly values estimated from it)"
TABLES = "Source: SIPRI Arms Transfers Database, import table (data generated 13 Oct 2024) and trade register (13 Mar 2025)"

period = ui.period()
ui.page_header("Arms transfers", "Deliveries of major conventional arms recorded by SIPRI, and what the two documents say about them.")
st.info(
    "**TIV measures volume, not money.** SIPRI's trend-indicator value is based on unit production costs in constant prices, "
    "in millions of TIV; it is not the price paid. Yearly values for Russia → China are **estimates** (each deal's TIV spread "
    "evenly over its delivery years), drawn hatched; SIPRI's own exact yearly figure, where available, is a black diamond.",
    icon=":material/info:",
)

by_year = data.load("arms_tiv_by_year", period)
fig = ui.chart(charts.tiv_by_year, by_year, Caption("Russia and Soviet Union → China: arms delivered per year", "Millions of TIV (estimated from the register; Soviet Union to 1991, Russia from 1992)", period, REGISTER + "; 2024 exact figure: SIPRI table of 24 April 2025"))
ui.panel(fig, by_year, name="ru-cn-arms-tiv-by-year", note="The register's even split gives about 207 million TIV for Russia → China in 2024; SIPRI's own yearly table gives 30. The estimate can differ a lot from SIPRI's yearly figures.")

by_category = data.load("arms_tiv_by_category", period)
fig = ui.chart(
    charts.horizontal_bars, by_category.assign(category_label=by_category["category"].map(charts.style.series_name), row=by_category["category"].str.replace("_", " ") + " · " + by_category["period_id"].map(lambda p: charts.style.period_label(p))),
    Caption("What was delivered: TIV by weapon category and period", "Millions of TIV (estimate)", period, REGISTER + "; categories assigned by this project"),
    x="tiv_mtiv", y="row", colour_by="period_id", label="tiv_mtiv", estimate_col="is_estimate", hover=["Category:category_label", "Period:period_label", "TIV (millions, estimate):tiv_mtiv", "Deals:deals", "Systems:systems"],
)
ui.panel(fig, by_category, name="ru-cn-arms-tiv-by-category")

deals = data.load("arms_deals_by_period", equals={"period_scope": period}, order_by=("-tiv_in_scope_mtiv",), limit=15)
row = deals["designation"] + " (" + deals["order_year"].astype(str) + ", " + deals["supplier"] + ")"
deals = deals.assign(row=row.where(~row.duplicated(keep=False), row + " · SIPRI deal " + deals["deal_id"].astype(str)))  # one row per deal
fig = ui.chart(
    charts.horizontal_bars, deals, Caption("Largest deals", "Millions of TIV delivered" + (" in the period (estimate)" if period != "all" else " (SIPRI's total per deal)"), period, REGISTER),
    x="tiv_in_scope_mtiv", y="row", colour_by="category", label="tiv_in_scope_mtiv", estimate_col="is_estimate",
    hover=["Designation:designation", "Description:description", "Ordered:number_ordered", "Delivered:number_delivered", "Delivery years:delivery_years", "Status:status", "SIPRI comments:comments", "TIV of the whole deal (millions):tiv_deal_total_mtiv"],
)
ui.panel(fig, deals, name="ru-cn-arms-largest-deals", note="A “?” flag in SIPRI's data (columns *_uncertain) marks an uncertain year or number.")

named = data.load("arms_named_systems", period)
if not named.empty:
    fig = ui.chart(
        charts.hedged_bars, named, Caption("Systems the documents name: their figures beside SIPRI's", "Units delivered or stated (≥, > and ≈ mark hedged figures; dotted bars)", period, "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025); SIPRI trade register (13 Mar 2025)"),
        x="units", y="system_family", label="units_label", colour_by="reading", orientation="h",
        hover=["System:system_family", "Reading:reading", "Units:units_label", "Years:years", "Qualifier:qualifier_label", "Quote or register rows:evidence", "Note:note"],
    )
    ui.panel(fig, named, name="ru-cn-arms-documents-vs-sipri", quotes=named[named["evidence_kind"] == "quote"].assign(label=named["system_family"]))

st.header("Russia → China in context")
share = data.load("arms_china_import_share", period)
fig = ui.chart(
    charts.lines, share.assign(series="Russia + Soviet Union share of China's imports"), Caption("Share of China's arms imports supplied by Russia (Soviet Union before 1992)", "Percent of China's total TIV imports (estimate)", period, TABLES),
    x="year", y="share_pct_estimate", series="series", hover=["Year:year", "Share (%, estimate):share_pct_estimate", "From Russia/Soviet Union (millions TIV, estimate):russia_soviet_union_mtiv_estimate", "China's total imports (millions TIV):china_imports_mtiv", "Method:method"],
)
ui.panel(fig, share, name="ru-cn-share-of-china-arms-imports")

pairs = data.load("arms_pairs")
options = list(pairs["pair"])
chosen = ui.url_choice("Compare with another supplier → recipient pair", options, key="pair", default="Russia → India") if not ui.presenting() else st.query_params.get("pair", "Russia → India")
if chosen not in options:
    chosen = "Russia → India"
compare = data.load("arms_pair_by_year", period, equals={"pair": ["Russia → China", chosen]})
fig = ui.chart(
    charts.lines, compare, Caption(f"Russia → China beside {chosen}", "Millions of TIV per year (estimate from the register)", period, REGISTER),
    x="year", y="tiv_mtiv", series="pair", hover=["Pair:pair", "Year:year", "TIV (millions, estimate):tiv_mtiv", "Deals delivering:deals"],
)
ui.panel(fig, compare, name=f"arms-{chosen}-vs-ru-cn")

ui.footer(["sipri_at_2025", "sipri_tiv_2024_10", "sipri_tiv_2025_04", "cepa_2025", "rabdan_2025"])
