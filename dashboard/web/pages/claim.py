"""A claim card (?claim=ID): one figure or statement with its qualifier and unit, its year or period,
the quote (or SIPRI's register rows and release) behind it, its source's citation ready to copy,
SIPRI's credit line, the other reading where sources disagree, where the dashboard shows it, and
its as-of date."""

import streamlit as st

from dashboard import __version__
from dashboard.core import citations
from dashboard.outputs import panels
from dashboard.web import claims, data, ui

wanted = str(st.query_params.get(claims.PARAM) or "").strip()[:200]
found = data.load("claim_cards", equals={"claim_id": wanted}) if wanted else None

if found is None or found.empty:
    st.title("Claim card")
    if wanted:
        st.warning(f"No claim card has the id “{ui.plain(wanted)}”. The link may be cut short, or the figure may have been corrected or removed since it was made.", icon=":material/help:")
    else:
        st.info("A claim card shows one figure with the sentence or SIPRI register rows behind it and its citation. Open one from a panel's “Claims behind this chart” list or a headline figure.", icon=":material/info:")
    st.page_link(claims.PAGE_FILES["/data"], label="Every figure is in the Data explorer", icon=":material/table:")
    st.page_link(claims.PAGE_FILES["/sources"], label="Every source is on Sources and method", icon=":material/book:")
    st.stop()

card = found.iloc[0].to_dict()
value = lambda column: None if ui.missing(card.get(column)) else card[column]  # noqa: E731
sources = data.load("source_list", equals={"source_id": value("source_id") or ""})
source = sources.iloc[0].to_dict() if not sources.empty else {}

st.title(ui.plain(value("label") or "Claim card"))
st.caption("Claim card · " + ui.plain(value("period_text") or "no date given") + (" · " + ui.plain(value("qualifier_label")) if value("qualifier") not in (None, "exact") else ""))
with st.container(border=True):
    if value("value_text"):
        st.metric("Value", ui.plain(value("value_text")), label_visibility="collapsed")
    facts = [f"**Year or period:** {ui.plain(value('period_text') or 'no date given')}"]
    if value("unit"):
        facts.append(f"**Unit:** {ui.plain(value('unit'))}")
    if value("qualifier_label"):
        facts.append(f"**Qualifier:** {ui.plain(value('qualifier_label'))}")
    if value("is_estimate"):
        facts.append("**An estimate by this dashboard, not SIPRI's figure.**")
    st.markdown("  \n".join(facts))

    kind = value("evidence_kind")
    if kind == "quote" and value("quote"):
        st.markdown("**Verbatim quote**")
        st.markdown("> “" + ui.linked(value("quote")) + "”")
    elif value("evidence") or value("quote"):
        st.markdown("**" + {"paraphrase": "Paraphrase of the source (in our words)", "method": "How the figure is made"}.get(kind, "What SIPRI's data say") + "**")
        st.markdown(ui.linked(value("evidence") or value("quote")))
    if value("note"):
        st.caption("Note: " + ui.linked(value("note")))

if value("claim_kind") == "sipri":
    deals = data.load("claim_sipri_rows", equals={"claim_id": wanted}, order_by=("-tiv_in_year_mtiv", "sipri_deal_id"))
    st.subheader(f"SIPRI register rows behind the value ({len(deals)})")
    if deals.empty:
        st.caption(f"A cell of SIPRI's own table (file {ui.plain(value('sipri_file'))}): it lists no deals.")
    else:
        ui.table(deals.rename(columns={"sipri_deal_id": "SIPRI deal", "register_line": "register line"}), hide=("release",))
    st.caption(f"SIPRI release {int(value('release'))}, file {ui.plain(value('sipri_file'))}. TIV measures the volume of arms transfers, not their price.")

st.subheader("Cite")
st.markdown("**The source** — " + citations.STYLE)
st.code(citations.source_citation(source) if source else "Source not recorded", language=None, wrap_lines=True)
if value("release") is not None or str(value("source_id") or "").startswith("sipri"):
    st.markdown("**SIPRI's credit line** (the date of data generation)")
    release = {"release": value("release"), "data_generated": value("data_generated") or source.get("published")}
    st.code(citations.sipri_credit(release) + ". " + citations.SIPRI_SOURCE_LINE, language=None, wrap_lines=True)
st.markdown("**This card**")
st.code(citations.dashboard_citation(value("label") or wanted, (st.context.url or claims.PAGE_PATH) + "?" + claims.url(wanted).split("?", 1)[1], claims.accessed_today(), __version__, str(value("release")) if value("release") else None), language=None, wrap_lines=True)

if value("other_reading"):
    st.subheader("The other reading")
    if value("disagreement_topic"):
        st.markdown("**" + ui.plain(value("disagreement_topic")) + "**")
    st.markdown(ui.linked(value("other_reading")))
    other = data.load("source_list", equals={"source_id": value("other_reading_source_id") or ""})
    if not other.empty:
        st.caption("Source of the other reading: " + ui.plain(citations.source_citation(other.iloc[0].to_dict())))
    if value("disagreement_assessment"):
        st.caption("Assessment: " + ui.linked(value("disagreement_assessment")))

st.subheader("Where the dashboard shows it")
places = data.load("claim_places", equals={"claim_id": wanted}, order_by=("place_order", "page_path", "panel_id"))
for p in places.drop_duplicates(["page_path", "panel_id"]).to_dict("records"):
    shown = p["panel_title"] if p["page_path"] == "/data" else ("headline figure “" if p["panel_id"] == "headline" else "panel “") + p["panel_title"] + "”"
    if p["page_path"] == "/data":
        params = {"relation": p["panel_id"]}
    else:  # a panel on a page with tabs: the link opens its tab
        params = panels.PANELS[p["panel_id"]].url_params() if p["panel_id"] in panels.PANELS else {}
    st.page_link(claims.PAGE_FILES[p["page_path"]], label=ui.plain(f"{p['page_title']}: {shown}"), icon=":material/undo:", query_params=params or None)
as_of = value("as_of") or "the database build of " + ui.reader_date(data.database().build_info()["built_at"])
st.caption(f"As of: {ui.plain(as_of)}.")
