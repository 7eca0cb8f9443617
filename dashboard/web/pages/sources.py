"""Sources and method: every source with its details and vintage, the definitions, and where
sources disagree."""

import streamlit as st

from dashboard.outputs import panels
from dashboard.web import data, ui

VIEWS = panels.VIEWS["sources"]  # the tabs

ui.page_header("Sources and method", "Where every figure comes from, how the periods are cut, and where sources disagree.")

# Tabs, each in the URL (?view=...): only the open one's tables are computed and sent.
listed, definitions, disagreements, releases_tab = ui.url_tabs(VIEWS, key="view")

with listed:
    if listed.open:
        st.header("Sources")
        ui.table(data.load("source_list"), column_config={"url": st.column_config.LinkColumn("Link")})

with definitions:
    if definitions.open:
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

with disagreements:
    if disagreements.open:
        st.header("Where sources disagree")
        st.caption("Both readings are kept; nothing is corrected silently. Rows concerned carry the disagreement's id.")
        ui.table(data.load("source_disagreement_list"))

with releases_tab:
    if releases_tab.open:
        st.header("What changed between releases")
        st.caption(
            "SIPRI revises its whole database with every annual release: past years' values, deals' unit TIV, numbers, "
            "delivery years and designations. The dashboard keeps every release and never mixes two in one number. "
            "TIV: millions of SIPRI trend-indicator values, a volume of major arms, not money."
        )
        releases = data.load("stg_sipri_releases")
        generated = {int(r.release): f"{r.release} release (data generated " + " to ".join(dict.fromkeys(ui.reader_date(d) for d in (r.data_generated_first, r.data_generated_last))) + ")"
                     for r in releases.itertuples()}
        register_files = data.load("sipri_release_files").dropna(subset=["export_scope"])
        scope = {int(r.release): r.export_scope for r in register_files.itertuples()}
        st.subheader("SIPRI releases in the database")
        ui.table(releases, hide=("is_newest",))
        st.caption("Source: SIPRI Arms Transfers Database (c) SIPRI; " + "; ".join(generated.values()) + ".")

        pair = ui.url_choice("Supplier → recipient", data.distinct(data.query("sipri_pair_year"), ("pair",)), key="changes_pair", default="Russia → China")
        supplier, recipient = pair.split(" → ", 1)
        st.subheader(f"Yearly values revised: {pair}, million TIV, each release against the previous one")
        revised = data.load("sipri_release_revisions", equals={"pair": pair, "revised": True}, order_by=("release_new", "year"))
        if revised.empty:
            st.info(f"SIPRI gives no year of {pair} two different values in the releases stored here.")
        ui.table(revised, hide=("pair", "supplier", "recipient", "revised"))
        st.caption(f"Source: SIPRI Arms Transfers Database (c) SIPRI; {'; '.join(generated.values())}. "
                   "Tables of the 2016 and 2022 releases are in whole millions; later values sum SIPRI's per-delivery-year register.")

        listing = [str(r) for r in sorted(scope)]
        left, right = st.columns(2)
        old = ui.url_choice("Older release", listing, key="changes_old", default=listing[-2], container=left)
        new = ui.url_choice("Newer release", listing, key="changes_new", default=listing[-1], container=right)
        st.subheader(f"Deals changed: {pair}, {old} release → {new} release (TIV in millions; numbers in items)")
        if int(old) >= int(new):
            st.info("Choose an older release on the left and a newer one on the right.")
        else:
            changes = data.load("stg_sipri_deal_changes", equals={"release_old": int(old), "release_new": int(new), "supplier": supplier, "recipient": recipient},
                                order_by=("change", "order_year", "designation"))
            if changes.empty:
                st.info(f"No deal of {pair} differs between the two releases.")
            ui.table(changes.rename(columns={"value_old": f"{old} release", "value_new": f"{new} release"}),
                     hide=("release_old", "release_new", "supplier", "recipient", "pair", "candidates_old", "candidates_new", "export_scope_old", "export_scope_new", "layout_old", "layout_new"))
            st.caption(
                f"Source: SIPRI Arms Transfers Database (c) SIPRI; {generated[int(old)]} and {generated[int(new)]}. Deals are paired by SIPRI's deal id "
                "where both releases carry it, else by (supplier, recipient, order year, designation) and then (…, delivery years) where exactly one deal "
                "of each release has the key; deals a key cannot tell apart are listed as ambiguous, not paired. "
                f"Export scope of the files compared: {old} '{scope[int(old)]}', {new} '{scope[int(new)]}'."
            )

ui.footer(["cepa_2025", "rabdan_2025", "sipri_at_2025", "sipri_tiv_2024_10", "sipri_tiv_2025_04",
           "sipri_tiv_2016_07", "sipri_tiv_2022_07", "sipri_at_2024_per_year", "sipri_at_2025_per_year", "sipri_at_2026"])
