"""Limits of the partnership: what has not happened, in the sources' own words."""

import streamlit as st

from dashboard.web import data, ui

period = ui.period()
ui.page_header("Limits of the partnership", "What the sources stress has not happened: no alliance, no troops, no heavy weapons, no recognition of annexations, no command-and-control exercises.")
st.caption("These statements describe absences as of each source's date, so they are shown under every period choice.")

limits = data.load("partnership_limit_list")
ui.record_up_to("limits")
disagreements = {r.disagreement_id: r.topic for r in data.load("source_disagreement_list").itertuples()}
for domain, rows in limits.groupby("domain_label", sort=False):
    st.header(domain)
    for r in ui.first_cards(rows, "statements").itertuples():
        with st.container(border=True):
            st.markdown(f"**{ui.plain(r.statement)}**")
            st.markdown("> " + ui.plain(r.quote))
            meta = [ui.plain(r.source_title or "Source not recorded")]
            if r.as_of_label:
                meta.append("as of " + ui.plain(r.as_of_label))
            if r.note:
                meta.append("note: " + ui.plain(r.note))
            if r.disagreement_id:
                topic = disagreements.get(r.disagreement_id)
                meta.append("sources disagree" + (" on “" + ui.plain(topic) + "”" if topic else "") + " (see Sources and method)")
            st.caption(" · ".join(meta))

if not ui.presenting():
    ui.data_expander(limits, "partnership_limits", "page", rows_period="all")  # not filtered by period

ui.footer(sorted(limits["source_id"].unique()))
