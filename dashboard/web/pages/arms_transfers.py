"""Arms transfers: SIPRI's yearly TIV of Russia (and the Soviet Union) → China, release by release,
Russia's share of China's imports, SIPRI's five-year view checked against its Fact Sheets, what was
delivered by category, the largest deals, the documents' figures beside SIPRI's, and any pair beside
Russia → China."""

import streamlit as st

from dashboard.core import charts_sipri
from dashboard.core.charts import Caption
from dashboard.outputs import panels
from dashboard.web import data, ui

NEWEST = panels.arms.NEWEST
VIEWS = panels.VIEWS["arms-transfers"]  # the tabs; each registry panel names its own (Panel.view)

period = ui.period()
ui.page_header("Arms transfers", "Deliveries of major conventional arms recorded by SIPRI, and what the two documents say about them.")

everything = data.load("arms_tiv_by_year")  # every release's Russia/Soviet Union → China rows: the selector's labels
labels = {NEWEST: "Newest release for each year (default)"}
for view, rows in everything[everything["release_view"] != NEWEST].groupby("release_view"):
    labels[view] = f"{rows['release_label'].iloc[0]}: Russia → China {charts_sipri.year_span(int(rows['year'].min()), int(rows['year'].max()))}"
release = ui.url_choice_or_link(
    "SIPRI release", [NEWEST, *sorted((v for v in labels if v != NEWEST), reverse=True)], key="release", default=NEWEST, format_func=labels.get,
    help="SIPRI revises its whole database at every annual release. The default takes each year from the newest release that covers it and names that release on every bar and in the source line (a year that release records no deliveries for stays empty, never filled from an older release); a release chosen here is shown alone.",
)
st.info(
    "**TIV measures volume, not money.** SIPRI's trend-indicator value is based on unit production costs in constant prices, in millions of TIV; "
    "it is not the price paid. **Solid bars are SIPRI's own yearly values. Hatched bars are this project's estimates**: SIPRI's 2026 release gives "
    "2025 only as deal totals, so a deal's 2025 value is its delivered TIV in the 2026 register minus what the 2025 release had delivered to 2024 "
    "(matched deal by deal), or, where no deal matches, its TIV split evenly over its delivery years. The method is in every hover box and in the data. "
    + ("Each year comes from the newest release that covers it; the source line names every release used with its data generation date."
       if release == NEWEST else f"Shown: the {release} release alone."),
    icon=":material/info:",
)

# Tabs, each in the URL (?view=...), and only the open one's content is computed and sent: the
# page's seven panels at once were 1.6-1.9x the bare page's time in Chromium; one tab's 1.3x.
yearly, five_years, delivered, documents, another = ui.url_tabs(VIEWS, key="view")

with yearly:
    if yearly.open:
        ui.registry_panel("ru-cn-arms-tiv-by-year", release=release)
        st.header("Russia → China in context")
        ui.registry_panel("ru-cn-share-of-china-arms-imports", release=release)

with five_years:
    if five_years.open:
        st.header("SIPRI's five-year view")
        five, five_release = panels.arms.five_year_rows(data.load, release)
        if five_release is None:
            st.caption("No release here has yearly values for every pair over five years.")
        else:
            if release != NEWEST and int(release) != five_release:
                st.caption(f"The {release} release has no five-year window here (its yearly values for every pair do not cover five years); shown: the {five_release} release.")
            window = ui.url_choice_or_link("Five-year window", list(five["window_label"]), key="window", default=five["window_label"].iloc[0])
            chosen = five[five["window_label"] == window].iloc[0]
            previous = f" (from {chosen['previous_window_label']})" if not ui.missing(chosen["previous_window_label"]) else ""
            tiles = st.columns(3)
            with tiles[0]:
                ui.tile(f"Russia's share of China's arms imports, {window}", charts_sipri.sipri_rounded(chosen["russia_share_of_china_imports_pct"], "percent"), "Russia with the Soviet Union before 1992, as SIPRI counts it.")
                ui.tile(f"China's share of Russia's arms exports, {window}", charts_sipri.sipri_rounded(chosen["china_share_of_russia_exports_pct"], "percent"))
            with tiles[1]:
                ui.tile(f"China's rank among Russia's recipients, {window}", f"{charts_sipri.sipri_rounded(chosen['china_rank_russia_recipients'], 'rank')} of {chosen['russia_recipients']}", "States only.")
                ui.tile(f"China's rank among the world's arms importers, {window}", f"{charts_sipri.sipri_rounded(chosen['china_rank_world_importers'], 'rank')} of {chosen['world_importers']}", "States only: SIPRI's non-state and unknown recipients are not ranked (they stay in the world total).")
            with tiles[2]:
                ui.tile(f"China's share of world arms imports, {window}", charts_sipri.sipri_rounded(chosen["china_share_of_world_imports_pct"], "percent"))
                ui.tile(f"Change in China's arms imports{previous}", charts_sipri.sipri_rounded(chosen["china_imports_change_pct"], "percent change") or "no earlier window in this release")
            ui.registry_panel("ru-cn-sipri-five-year", release=release, window=window)
        if not ui.presenting():  # the check is for readers who audit, not for a slide
            check = data.load("sipri_fact_sheet_check")
            # Lazy: a table's code (~1.5 MB of JavaScript) is loaded only where a page shows one.
            with ui.lazy_expander(f"Checked against SIPRI's Fact Sheets ({int(check['agrees'].fillna(False).sum())} of {len(check)} figures reproduced)", key="fact_sheet_check") as is_open:
                if is_open:
                    st.caption("Each figure SIPRI published, beside what the same release's yearly values give at SIPRI's rounding. A figure marked not reproducible cannot be computed from the data here; the note says why.")
                    ui.table(check[["fact_sheet", "measure_label", "window_label", "qualifier", "published_value", "computed_value", "agrees", "reproducible", "evidence", "source_url", "note"]])

with delivered:
    if delivered.open:
        ui.registry_panel("ru-cn-arms-tiv-by-category")
        ui.registry_panel("ru-cn-arms-largest-deals")

with documents:
    if documents.open:
        ui.registry_panel("ru-cn-arms-documents-vs-sipri")

with another:
    if another.open:
        pairs = data.load("arms_pairs")
        options = list(pairs["pair"])
        chosen_pair = ui.url_choice_or_link("Compare with another supplier → recipient pair", options, key="pair", default="Russia → India")
        compare = data.load("arms_pair_by_year", period, equals={"release_view": release, "pair": ["Russia → China", chosen_pair]})
        fig = ui.chart(
            charts_sipri.estimated_lines, compare, Caption(f"Russia → China beside {chosen_pair}", "Millions of TIV per year (SIPRI's yearly values; estimates dotted, open markers)", period, charts_sipri.release_source(compare)),
            x="year", y="tiv_mtiv", series="pair", hover=["Pair:pair", "Year:year", "TIV (millions):tiv_mtiv", "Release:release_label", "Method:method_label"],
        )
        ui.panel(fig, compare, name=f"arms-{chosen_pair}-vs-ru-cn")

ui.footer(["sipri_at_2026", "sipri_at_2025_per_year", "sipri_at_2024_per_year", "sipri_tiv_2026_07", "sipri_tiv_2022_07", "sipri_tiv_2016_07", "sipri_at_2025", "cepa_2025", "rabdan_2025"])
