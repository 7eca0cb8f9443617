"""In Chromium, every page draws its charts with the dashboard's own plotly.js bundle
(web.chart_view, vendor/plotly/README.md) and never loads Streamlit's copy of the whole of
plotly.js (4.6 MB of JavaScript, about a second of a page's main thread); a chart follows its
column's width; and a chart whose bundle cannot be loaded says so in words, never a blank box."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.core.paths import ROOT
from dashboard.web import chart_view
from tests.helpers.browser import CHARTS, PAGE_PATHS, WAIT_FOR_CHARTS, open_page, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api")

RECORD = json.loads((ROOT / "vendor" / "plotly" / "BUNDLE.json").read_text(encoding="utf-8"))
CHART_PAGES = ["Overview", "Arms transfers", "Dual-use supply", "Exercises and diplomacy", "Incidents"]
STREAMLIT_PLOTLY = re.compile(r"/static/js/PlotlyChart\.[^/]*\.js$")
SIZES = """(selector) => [...document.querySelectorAll(selector)].map(c => ({
  column: Math.round(c.getBoundingClientRect().width), svg: Math.round(c.querySelector('.main-svg').getBoundingClientRect().width)}))"""
DRAWN = """(selector) => [...document.querySelectorAll(selector)].map(c => {
  const plot = c.querySelector('.js-plotly-plot');
  return plot && plot._fullLayout ? Math.round(plot.getBoundingClientRect().width) : 0;
})"""


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.requested, page.errors = [], []
    page.on("request", lambda r: page.requested.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.mark.parametrize("title", CHART_PAGES)
def test_a_page_draws_its_charts_with_the_dashboards_bundle(title, app_url, tab):
    open_page(tab, page_url(app_url, PAGE_PATHS[title]))
    widths = tab.evaluate(DRAWN, CHARTS)
    assert widths and all(widths), f"{title}: charts not drawn ({widths})"
    bundle = [u for u in tab.requested if u.endswith("/" + chart_view.BUNDLE)]
    assert len(bundle) == 1, f"{title}: the bundle was asked for {len(bundle)} times: {bundle}"
    streamlit = [u for u in tab.requested if STREAMLIT_PLOTLY.search(u)]
    assert not streamlit, f"{title} loaded Streamlit's own plotly.js: {streamlit}"
    assert tab.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces).sort()") == sorted(RECORD["traces"])
    assert not tab.errors, tab.errors


@pytest.mark.parametrize("change", ["sidebar closed", "window narrower"])
def test_a_chart_follows_its_columns_width(change, app_url, tab):
    """Closing the sidebar widens the page's column with no window resize (Plotly's own
    `responsive` follows the window only); a narrower window narrows it."""
    open_page(tab, page_url(app_url, PAGE_PATHS["Arms transfers"]))
    before = tab.evaluate(SIZES, CHARTS)
    assert all(s["svg"] == s["column"] for s in before), before
    if change == "sidebar closed":
        tab.locator('[data-testid="stSidebar"]').hover()
        tab.get_by_role("button", name="Collapse sidebar").click()
        wanted = f"s.column > {before[0]['column'] + 100}"
    else:
        tab.set_viewport_size({"width": 1000, "height": 768})
        wanted = f"s.column < {before[0]['column'] - 100}"
    try:
        tab.wait_for_function(f"(selector) => ({SIZES})(selector).every(s => {wanted} && Math.abs(s.svg - s.column) <= 2)", arg=CHARTS, timeout=10_000)
    except sync_api.TimeoutError:
        pytest.fail(f"{change}: the charts were not redrawn to their column: {tab.evaluate(SIZES, CHARTS)} (before: {before})")
    assert not tab.errors, tab.errors


def test_leaving_a_page_of_charts_raises_no_error(app_url, tab):
    """Charts taken off the page (another page chosen in the navigation) are not redrawn, and
    nothing fails in the page while they go."""
    open_page(tab, page_url(app_url, PAGE_PATHS["Arms transfers"]))
    for title in ("Overview", "Dual-use supply", "Arms transfers"):
        tab.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
        tab.wait_for_url(re.compile(re.escape(PAGE_PATHS[title]) + r"(\?|$)"), timeout=30_000)
        tab.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000, polling=250)
        tab.wait_for_timeout(500)
    assert not tab.errors, tab.errors


def test_a_chart_whose_bundle_cannot_load_says_so(app_url, tab):
    tab.route(re.compile(r".*/vendor/plotly-dashboard-[^/]*\.min\.js$"), lambda route: route.abort())
    tab.goto(page_url(app_url, PAGE_PATHS["Incidents"]))
    message = tab.locator(CHARTS).first.get_by_text("This chart could not be drawn")
    message.wait_for(timeout=60_000)
    assert "Data behind this chart" in message.inner_text()
