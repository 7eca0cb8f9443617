"""The app's script, which dashboard/server.py serves (`streamlit run dashboard/server.py`):
navigation, the shared period selector, and the presentation mode; each page lives in
dashboard/web/pages/."""

import streamlit as st

from dashboard.core.paths import STATIC_DIR
from dashboard.web import data, ui

APP_TITLE = "Russia–China military cooperation"

# No page_title here: a title set once would be every page's tab title (st.set_page_config's
# title is inherited by later runs); each page's own is set below, once navigation chose it.
st.set_page_config(page_icon=str(STATIC_DIR / "icon.png"), layout="wide")

PAGES = [
    st.Page("web/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("web/pages/arms_transfers.py", title="Arms transfers", icon=":material/flight:", url_path="arms-transfers"),
    st.Page("web/pages/dual_use.py", title="Dual-use supply", icon=":material/memory:", url_path="dual-use"),
    st.Page("web/pages/exercises.py", title="Exercises and diplomacy", icon=":material/sailing:", url_path="exercises"),
    st.Page("web/pages/incidents.py", title="Incidents", icon=":material/cable:", url_path="incidents"),
    st.Page("web/pages/limits.py", title="Limits of the partnership", icon=":material/block:", url_path="limits"),
    st.Page("web/pages/data_explorer.py", title="Data explorer", icon=":material/table:", url_path="data"),
    st.Page("web/pages/sources.py", title="Sources and method", icon=":material/menu_book:", url_path="sources"),
    st.Page("web/pages/briefing.py", title="Briefing", icon=":material/slideshow:", url_path="briefing"),
    st.Page("web/pages/claim.py", title="Claim card", icon=":material/bookmark:", url_path="claim", visibility="hidden"),
]


def page_title(page) -> str:
    """The browser tab's title: the page's own name first, then the app's."""
    return f"{page.title} · {APP_TITLE}"


def leave_presentation() -> None:
    ui.url_forget("present")


data.ready()  # build the database if data/ or queries/ changed; warn and serve the last good one on error
page = st.navigation(PAGES, position="hidden" if ui.presenting() else "sidebar")
st.set_page_config(page_title=page_title(page))
# Static CSS only (no data): a keyboard focus ring that shows on the app's own background in
# both themes (links, radios, toggles, buttons, the navigation), and in print no exit control.
st.html(
    "<style>"
    "a:focus-visible,button:focus-visible,input:focus-visible,[role='radio']:focus-visible,[role='switch']:focus-visible,"
    "[role='checkbox']:focus-visible,[role='option']:focus-visible,[tabindex]:focus-visible,"
    "[data-testid='stSidebarNavLink']:focus-visible,label:has(input:focus-visible)"
    "{outline:3px solid #D55E00 !important;outline-offset:2px !important;border-radius:2px}"
    "@media print{.st-key-exit_presentation{display:none !important}}"
    "</style>"
)
if ui.presenting():
    # Static CSS only (no data): hide the sidebar and its toggle for clean screenshots.
    st.html("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stExpandSidebarButton']{display:none}</style>")
    ui.period_from_url()
    st.button("Exit presentation mode", key="exit_presentation", on_click=leave_presentation, type="tertiary", icon=":material/close:", help="Shows the sidebar and the controls again (removes present=1 from the link).")
else:
    ui.period_selector()
    st.sidebar.toggle("Presentation mode", key="_present", help="Hides the sidebar and controls for clean screenshots (adds ?present=1 to the link; an “Exit presentation mode” button at the top brings them back).", on_change=lambda: st.query_params.update(present="1"))
page.run()
