"""What a reader reads (issue #12), in headless Chromium: every page × every period × light and
dark, and the phone viewport for two pages. Once every chart is drawn and the quote lists are
opened (they are sent on opening), the test reads the text of each element (closed expanders
included), every chart's SVG text, the hover templates, hover texts, texts and custom data of its
traces, its tick labels and x range, the data grids, the accessible names and every link
(tests/helpers/browser.py READ_PAGE), and fails on what a reader should never see (the checks are tests/helpers/reader.py, themselves tested in
tests/test_reader_checks.py):

- a missing value shown as a word (nan, NaN, None, NaT, null, undefined);
- a Markdown escape (a backslash before punctuation);
- a time of day on a date ("00:00:00", "10:02:49 AM");
- an internal snake_case id, except where the Data explorer shows ids on purpose (below);
- a link that is not an http(s) URL with a valid host (app links resolve against the page);
- a fractional or digit-grouped year tick ("2,021.5");
- a time axis reaching past the period shown (reader.PERIOD_LIMITS gives the margin per period).

Where ids are allowed (tests/helpers/reader.py id_exempt and page_findings, kept narrow), on the Data
explorer only: its data grid (cells and column headers are the rows and column names of the
table the analyst chose, drawn on a canvas whose fallback table is read), the "Table or view"
picker (it names the relation) and the command line shown for scripts (it must carry the
relation's name). Every other check still applies there; a grid on any other page (e.g. the
periods table of Sources and method) is reader text like the rest.
"""

from __future__ import annotations

import pytest

from dashboard.core import style
from tests.helpers.browser import APP_BACKGROUND, PAGE_PATHS, VIEW_PATHS, open_page, open_quote_lists, page_url, read_page
from tests.helpers.reader import page_findings, parse_colour, relative_luminance, report

pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api")

PERIODS = ("all", "before_2014", "2014_2022", "since_2022")
THEMES = ("light", "dark")
DESKTOP = (1366, 768)
PHONE = (390, 844)
PHONE_PAGES = ("Overview", "Dual-use supply")
CHOSEN_PERIOD = """() => { const r = document.querySelector('[data-testid="stRadio"] input[type="radio"]:checked');
  return r ? r.closest('label').textContent.trim() : null; }"""


@pytest.fixture(scope="module")
def tab(browser):
    """`tab(theme, size)`: one browser context (with one page) per theme and viewport, reused by
    every test of the module."""
    made = {}

    def get(theme: str, size: tuple[int, int] = DESKTOP):
        if (theme, size) not in made:
            context = browser.new_context(viewport={"width": size[0], "height": size[1]}, color_scheme=theme)
            made[theme, size] = (context, context.new_page())
        return made[theme, size][1]

    yield get
    for context, _ in made.values():
        context.close()


def _check(page, url: str, page_title: str, period: str, theme: str) -> None:
    open_page(page, url)
    open_quote_lists(page)  # sent once opened: a reader opens them
    assert page.locator('[data-testid="stException"]').count() == 0, f"{page_title} · {period} · {theme}: the page shows an exception"
    # Streamlit follows the browser's prefers-color-scheme (the settings menu's default, "Use
    # system setting"); if it stopped doing so, the dark runs would silently test the light theme.
    background = page.evaluate(APP_BACKGROUND)
    lum = relative_luminance(parse_colour(background)[:3])
    assert (lum > 0.7) if theme == "light" else (lum < 0.1), f"{page_title} · {theme}: the app's background is {background}, not the {theme} theme"
    # The period comes from the link (?period=…): the sidebar must show it chosen, or every period
    # would silently be tested as "all".
    chosen = page.evaluate(CHOSEN_PERIOD)
    assert chosen == style.period_label(period), f"{page_title} · {period}: the sidebar shows the period {chosen!r}, not {style.period_label(period)!r}"
    found = page_findings(read_page(page), page_title, period)
    if found:
        pytest.fail(report(f"{page_title} · period={period} · {theme} · {page.viewport_size['width']}x{page.viewport_size['height']}", found), pytrace=False)


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("page_title", list(VIEW_PATHS))  # every page, and every tab of a page with tabs
@pytest.mark.parametrize("theme", THEMES)
def test_reader_text(theme, page_title, period, app_url, tab):
    _check(tab(theme), page_url(app_url, VIEW_PATHS[page_title], period=period), page_title, period, theme)


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("page_title", PHONE_PAGES)
def test_reader_text_on_a_phone(page_title, period, app_url, tab):
    _check(tab("light", PHONE), f"{app_url}/{PAGE_PATHS[page_title]}?period={period}", page_title, period, "light")
