"""Entry point: `streamlit run dashboard/app.py`. Navigation, the shared period selector, and the
presentation mode; each page lives in dashboard/web/pages/."""

import streamlit as st

from dashboard.core.paths import STATIC_DIR
from dashboard.web import data, ui

st.set_page_config(page_title="Russia–China military cooperation", page_icon=str(STATIC_DIR / "icon.png"), layout="wide")

PAGES = [
    st.Page("web/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("web/pages/arms_transfers.py", title="Arms transfers", icon=":material/flight:", url_path="arms-transfers"),
    st.Page("web/pages/dual_use.py", title="Dual-use supply", icon=":material/memory:", url_path="dual-use"),
    st.Page("web/pages/exercises.py", title="Exercises and diplomacy", icon=":material/sailing:", url_path="exercises"),
    st.Page("web/pages/incidents.py", title="Incidents", icon=":material/cable:", url_path="incidents"),
    st.Page("web/pages/limits.py", title="Limits of the partnership", icon=":material/block:", url_path="limits"),
    st.Page("web/pages/data_explorer.py", title="Data explorer", icon=":material/table:", url_path="data"),
    st.Page("web/pages/sources.py", title="Sources and method", icon=":material/menu_book:", url_path="sources"),
]

data.ready()  # build the database if data/ or queries/ changed; warn and serve the last good one on error
page = st.navigation(PAGES, position="hidden" if ui.presenting() else "sidebar")
if ui.presenting():
    # Static CSS only (no data): hide the sidebar and its toggle for clean screenshots.
    st.html("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stExpandSidebarButton']{display:none}</style>")
    ui.period_from_url()
else:
    ui.period_selector()
    st.sidebar.toggle("Presentation mode", key="_present", help="Hides the sidebar and controls for clean screenshots (adds ?present=1 to the link).", on_change=lambda: st.query_params.update(present="1"))
page.run()
