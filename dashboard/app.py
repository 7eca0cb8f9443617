"""Entry point: `streamlit run dashboard/app.py`. Navigation, the shared period selector, and the
presentation mode; each page lives in dashboard/pages/."""

import streamlit as st

from dashboard import data, ui
from dashboard.paths import STATIC_DIR

st.set_page_config(page_title="Russia–China military cooperation", page_icon=str(STATIC_DIR / "icon.png"), layout="wide")

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("app_pages/arms_transfers.py", title="Arms transfers", icon=":material/flight:", url_path="arms-transfers"),
    st.Page("app_pages/dual_use.py", title="Dual-use supply", icon=":material/memory:", url_path="dual-use"),
    st.Page("app_pages/exercises.py", title="Exercises and diplomacy", icon=":material/sailing:", url_path="exercises"),
    st.Page("app_pages/incidents.py", title="Incidents", icon=":material/cable:", url_path="incidents"),
    st.Page("app_pages/limits.py", title="Limits of the partnership", icon=":material/block:", url_path="limits"),
    st.Page("app_pages/data_explorer.py", title="Data explorer", icon=":material/table:", url_path="data"),
    st.Page("app_pages/sources.py", title="Sources and method", icon=":material/menu_book:", url_path="sources"),
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
