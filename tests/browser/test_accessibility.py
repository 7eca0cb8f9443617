"""Accessibility in headless Chromium (issue #12): axe-core's WCAG 2.1 A and AA rules on every
page in light and dark, and what axe cannot check:

- every chart has a text alternative that says what it measures and when: role="img" with an
  accessible name, a description it points to (aria-describedby), or the "Chart description: …"
  caption right under it;
- keyboard focus is visible at 3:1 at least on the sidebar's page links, the period radio and the
  presentation toggle, in both themes;
- a keyboard reader gets past a chart (and its modebar's buttons) in at most two Tab presses, or
  through a skip link.

axe-core comes inside the PyPI package axe-playwright-python (axe.min.js, injected into the
page); nothing is fetched: the test fails on any request outside localhost while axe runs.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from dashboard.core import style
from tests.helpers.browser import (
    ACTIVE_ELEMENT,
    CHART_ALTERNATIVES,
    CHARTS,
    FOCUS_BEFORE_CHART,
    FOCUS_STYLES,
    FOCUS_VS_CHART,
    MARK_FOCUS_TARGETS,
    PAGE_PATHS,
    VIEW_PATHS,
    open_page,
    open_quote_lists,
    page_url,
)
from tests.helpers.reader import FOCUS_CONTRAST, focus_indicator_contrast

pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api")
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

THEMES = ("light", "dark")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TARGETS_SHOWN = 3  # selectors listed per axe rule in a failure message
FOCUS_TARGETS = {
    "page link": '[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]',
    "period radio": '[data-testid="stRadio"] input[type="radio"]:checked',  # Tab reaches the chosen one; arrows move the choice
    "presentation toggle": '[data-testid="stSidebar"] [data-testid="stCheckbox"] input',
}
MAX_TABS = 60
# A text alternative says what is measured (a unit or a count) and over what time (a period or
# a year): words the descriptions of this dashboard's charts use.
UNIT = re.compile(r"TIV|million|billion|thousand|%|per ?cent|share|tonnes?|USD|US\$|\$|count|number|events?|exercises?|patrols?|deals?|incidents?|agreements?|meetings?|per year|days?|units?\b", re.I)
WHEN = re.compile("|".join([re.escape(label) for label in style.PERIOD_LABELS.values()] + [r"\b(?:19|20)\d{2}\b"]), re.I)


@pytest.fixture(scope="module")
def tab(browser):
    """`tab(theme)`: one context and page per theme, reused by every test of the module; the
    URLs of requests outside localhost are collected in page.outside."""
    made = {}

    def get(theme: str):
        if theme not in made:
            context = browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme=theme)
            page = context.new_page()
            page.outside = []
            page.on("request", lambda r, page=page: page.outside.append(r.url) if urlparse(r.url).hostname not in ("localhost", "127.0.0.1", None) and not r.url.startswith(("data:", "blob:")) else None)
            made[theme] = (context, page)
        return made[theme][1]

    yield get
    for context, _ in made.values():
        context.close()


def _axe_report(where: str, violations: list[dict]) -> str:
    lines = [f"{where}: {len(violations)} axe-core rule(s) violated (WCAG 2.1 A/AA)"]
    for v in violations:
        nodes = v["nodes"]
        more = f" (+{len(nodes) - TARGETS_SHOWN} more)" if len(nodes) > TARGETS_SHOWN else ""
        lines.append(f"  - {v['id']} [{v.get('impact')}] {len(nodes)} element(s): {v.get('help', '')[:90]}{more}")
        for n in nodes[:TARGETS_SHOWN]:
            target = " ".join(map(str, n.get("target", [])))
            why = " ".join((n.get("failureSummary") or "").split("\n")[1:2]).strip()
            lines.append(f"      {target[:90]}  {' '.join(n.get('html', '').split())[:70]}  {why[:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_title", list(VIEW_PATHS))  # every page, and every tab of a page with tabs
@pytest.mark.parametrize("theme", THEMES)
def test_axe_finds_no_violation(theme, page_title, app_url, tab):
    page = tab(theme)
    open_page(page, page_url(app_url, VIEW_PATHS[page_title]))
    open_quote_lists(page)  # sent once opened: axe checks them as a reader sees them
    page.outside.clear()
    results = axe_sync.Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert not page.outside, f"requests outside localhost while axe ran: {page.outside[:5]}"
    response = results.response
    assert response.get("testEngine", {}).get("name") == "axe-core" and response.get("passes") is not None, "axe-core did not run"
    violations = response["violations"]
    if violations:
        pytest.fail(_axe_report(f"{page_title} · {theme}", violations), pytrace=False)


@pytest.mark.parametrize("page_title", list(VIEW_PATHS))  # every page, and every tab of a page with tabs
def test_every_chart_has_a_text_alternative(page_title, app_url, tab):
    page = tab("light")
    open_page(page, page_url(app_url, VIEW_PATHS[page_title]))
    charts = page.evaluate(CHART_ALTERNATIVES)
    if not charts:
        pytest.skip(f"{page_title} draws no chart")
    problems = []
    for c in charts:
        alternative = " ".join(x for x in (c["img_name"], c["described"], c["caption"]) if x)
        what = f"chart {c['index'] + 1} «{c['title']}»"
        if not alternative:
            problems.append(f"{what}: no text alternative (no role=img with a name, no aria-describedby, no 'Chart description:' caption under it)")
            continue
        missing = [w for w, pattern in (("a unit", UNIT), ("a period or year", WHEN)) if not pattern.search(alternative)]
        if missing:
            problems.append(f"{what}: its text alternative names no {' and no '.join(missing)}: «{alternative[:120]}»")
    if problems:
        pytest.fail(f"{page_title}: {len(problems)} of {len(charts)} chart(s) without a useful text alternative\n" + "\n".join(f"  - {p}" for p in problems), pytrace=False)


@pytest.mark.parametrize("theme", THEMES)
def test_keyboard_focus_is_visible(theme, app_url, tab):
    """Tab from the top of the Overview through the sidebar; at each page link, the period radio
    and the presentation toggle, what changed on screen when it took focus must stand out at
    3:1 (tests/helpers/reader.py focus_indicator_contrast)."""
    page = tab(theme)
    open_page(page, f"{app_url}/")
    names = page.evaluate(MARK_FOCUS_TARGETS, FOCUS_TARGETS)
    assert len(names) >= len(PAGE_PATHS) + 2, f"keyboard targets not found: {names}"
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    unfocused = {i: page.evaluate(FOCUS_STYLES, i) for i in range(len(names))}
    focused, path = {}, []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE_ELEMENT)
        path.append(active and active["name"])
        if active and active["target"] is not None:
            i = int(active["target"])
            page.wait_for_timeout(120)  # transitions on focus styles
            focused[i] = page.evaluate(FOCUS_STYLES, i)
        if len(focused) == len(names) or (active and active["in_main"]):
            break
    problems = [f"{names[i]}: Tab never reaches it (Tab stops: {path[:20]})" for i in range(len(names)) if i not in focused]
    for i, styles in sorted(focused.items()):
        ratio, what = focus_indicator_contrast(unfocused[i], styles)
        if ratio < FOCUS_CONTRAST:
            problems.append(f"{names[i]}: focus indicator {ratio:.2f}:1 < {FOCUS_CONTRAST:g}:1 (best: {what[:120]})")
    if problems:
        pytest.fail(f"focus in the {theme} theme: {len(problems)} of {len(names)} keyboard target(s) without a visible focus\n" + "\n".join(f"  - {p}" for p in problems), pytrace=False)


@pytest.mark.parametrize("page_title", list(VIEW_PATHS))  # every page, and every tab of a page with tabs
def test_tab_gets_past_each_chart(page_title, app_url, tab):
    """From the last keyboard stop before a chart, at most two Tab presses reach one after it
    (or a skip link jumps past it): the modebar's eight buttons are not a trap of eight stops."""
    page = tab("light")
    open_page(page, page_url(app_url, VIEW_PATHS[page_title]))
    count = page.locator(CHARTS).count()
    if not count:
        pytest.skip(f"{page_title} draws no chart")
    problems, checked = [], 0
    for i in range(count):
        start = page.evaluate(FOCUS_BEFORE_CHART, i)
        if start["skip"]:
            checked += 1
            continue
        if not start["focused"]:
            continue  # no keyboard stop before or after this chart
        checked += 1
        where = []
        for _ in range(2):
            page.keyboard.press("Tab")
            where.append(page.evaluate(FOCUS_VS_CHART))
            if where[-1] == "after":
                break
        if where[-1] != "after":
            stops = 2
            while page.evaluate(FOCUS_VS_CHART) == "inside" and stops < 30:
                page.keyboard.press("Tab")
                stops += 1
            problems.append(f"chart {i + 1}: two Tab presses leave the focus {where[-1]} it ({stops} presses to get past it), and no skip link")
    assert checked, f"{page_title}: no chart with keyboard stops around it to test"
    if problems:
        pytest.fail(f"{page_title}: {len(problems)} of {count} chart(s) a keyboard reader cannot get past quickly\n" + "\n".join(f"  - {p}" for p in problems), pytrace=False)
