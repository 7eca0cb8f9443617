"""Briefing: tick panels and a period, then download them as a slide deck, an offline HTML pack or
a PDF — the same files as `python -m dashboard brief`."""

from functools import partial

import streamlit as st

from dashboard.core import style
from dashboard.outputs import brief, panels
from dashboard.web import ui
from dashboard.web.panel_images import briefing_file

FILES = (
    ("pptx", "Slide deck (PPTX)", "A 16:9 deck: a cover with the data vintage, then one slide per panel with its chart, title, units, period and source line; the speaker notes hold the quotes and citations behind it."),
    ("html", "Offline pack (HTML)", "One file that opens from a disk or an e-mail attachment with no server and fetches nothing: every chart (interactive), its quotes and sources, each an anchor within the file."),
    ("pdf", "PDF", "The pack printed: every chart with its quotes and sources."),
)

period = ui.period()
ui.page_header("Briefing", "Chosen panels as slides, an offline pack or a PDF, each chart with its source line and the quotes behind it.")

ids = ui.url_multichoice(
    "Panels", list(panels.PANELS), key="panels", format_func=lambda i: panels.PANELS[i].title,
    help="In the order chosen. None chosen: the default briefing of the main panels.",
)
if not ids:
    st.caption("No panel chosen, so the default briefing: " + "; ".join(ui.plain(panels.PANELS[i].title) for i in panels.DEFAULT_BRIEFING) + ".")
st.caption(f"Period: **{style.period_label(period)}** (the sidebar's). A panel with no rows in this period is left out; the file's cover names it. The files are made when you click, which takes a few seconds.")

columns = st.columns(len(FILES))
for where, (fmt, label, what) in zip(columns, FILES):
    where.download_button(
        label, data=partial(briefing_file, ids, period, fmt), file_name=brief.file_name(ids, period, fmt), mime=brief.MIME[fmt],
        on_click="ignore", key=f"brief_{fmt}", help=what, icon=":material/download:",
    )

st.caption("The same files from a script:")
st.code(
    "python -m dashboard brief" + (f" --panels {','.join(ids)}" if ids else "") + (f" --period {period}" if period != "all" else "") + f" --out {brief.file_name(ids, period, 'pptx')}",
    language=None, wrap_lines=True,  # no highlighting: its colours fail contrast on the light theme
)
