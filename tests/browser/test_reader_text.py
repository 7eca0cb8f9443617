"""What a reader reads (issue #12), in headless Chromium: every page × every period × light and
dark, and the phone viewport for two pages. Once every chart is drawn, the test reads the text of
each element (closed expanders included), every chart's SVG text, the hover templates, hover
texts, texts and custom data of its traces, its tick labels and x range, the data grids, the
accessible names and every link (tests/helpers/browser.py READ_PAGE), and fails on what a reader
should never see (the checks are tests/helpers/reader.py, themselves tested in
tests/test_reader_checks.py):

- a missing value shown as a word (nan, NaN, None, NaT, null, undefined);
- a Markdown escape (a backslash before punctuation);
- a time of day on a date ("00:00:00", "10:02:49 AM");
- an internal snake_case id, except where the Data explorer shows ids on purpose (below);
- a link that is not an http(s) URL with a valid host (app links resolve against the page);
- a fractional or digit-grouped year tick ("2,021.5");
- a time axis reaching past the period shown (reader.PERIOD_LIMITS gives the margin per period).

Where ids are allowed (ID_EXEMPT, kept narrow): the data grids (their cells and column headers
are the rows and column names of a table, drawn on a canvas), and on the Data explorer the
"Table or view" picker (it names the relation) and the command line shown for scripts (it must
carry the relation's name). Every other check still applies there.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers.browser import APP_BACKGROUND, CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS, open_page, read_page, serve
from tests.helpers.reader import bad_hrefs, check_text, find_snake_ids, fractional_year_ticks, looks_like_years, range_exceeds_period, relative_luminance

pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api")

PERIODS = ("all", "before_2014", "2014_2022", "since_2022")
THEMES = ("light", "dark")
DESKTOP = (1366, 768)
PHONE = (390, 844)
PHONE_PAGES = ("Overview", "Dual-use supply")
SHOWN = 12  # findings listed in a failure message; the rest are counted


def id_exempt(page_title: str, chunk: dict) -> bool:
    """Page text where snake_case ids are shown on purpose (see the module docstring)."""
    return page_title == "Data explorer" and (chunk["kind"] == "stCode" or (chunk["kind"] == "stSelectbox" and chunk["label"] == "Table or view"))


@pytest.fixture(scope="module")
def app_url(built_db):
    with serve(built_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


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


_TAG = re.compile(r"<br\s*/?>|<[^>]*>", re.I)
_PLACEHOLDER = re.compile(r"%\{[^}]*\}")


def _shown(template: str) -> str:
    """A hover template or label as the reader sees it: tags out (<br> as a new line), the
    %{...} placeholders out (their values are checked as the traces' data)."""
    return _PLACEHOLDER.sub(" ", _TAG.sub(lambda m: "\n" if m.group(0).lower().startswith("<br") else "", template))


def findings(read: dict, page_title: str, period: str) -> list[tuple[str, str, str]]:
    """Everything wrong with what the reader reads on one page: (where, what, detail) triples."""
    out: list[tuple[str, str, str]] = []

    def text(where: str, value: str, ids: bool = True) -> None:
        out.extend((where, name, str(f)) for name, f in check_text(value))
        if ids:
            out.extend((where, "internal id", str(f)) for f in find_snake_ids(value))

    for chunk in read["text"]:
        where = f"text ({chunk['kind']}{' «' + chunk['label'][:40] + '»' if chunk['label'] else ''})"
        text(where, chunk["text"], ids=not id_exempt(page_title, chunk))
    text("accessible names", "\n".join(read["names"]))
    for grid in read["grids"]:
        text("data grid", "\n".join(grid["header"] + grid["cells"]), ids=False)
    for chart in read["charts"]:
        title = " ".join(_shown(chart["title"]).split()) or "untitled"
        where = f"chart {chart['index'] + 1} «{title[:50]}»"
        text(f"{where} SVG", "\n".join(chart["svg"]))
        for t in chart["traces"]:
            trace = f"{where} trace {t['index']}{' «' + t['name'][:30] + '»' if t['name'] else ''}"
            for field in ("hovertemplate", "hovertext", "text"):
                if t[field]:
                    text(f"{trace} {field}", "\n".join(_shown(s) for s in t[field]))
            if t["customdata"]:
                text(f"{trace} customdata", "\n".join(t["customdata"]))
            if t["name"]:
                text(f"{trace} name", t["name"])
        for axis in chart["axes"]:
            bad = fractional_year_ticks(axis["ticks"])
            if bad:
                out.append((f"{where} {axis['name']}", "year tick", f"{bad[:6]} (ticks {axis['ticks'][:10]})"))
            if axis["name"].startswith("xaxis") and (axis["type"] == "date" or (axis["type"] == "linear" and looks_like_years(axis["ticks"]))):
                why = range_exceeds_period(axis["range"], period, "date" if axis["type"] == "date" else "year")
                if why:
                    out.append((f"{where} {axis['name']}", "range past the period", why))
    out.extend(("link", "broken link", h) for h in bad_hrefs(read["hrefs"], read["url"]))
    return list(dict.fromkeys(out))


def _report(what: str, found: list[tuple[str, str, str]]) -> str:
    """One line per kind of problem in one place, with its first example and a count: a failure
    stays a screenful however many rows repeat the defect."""
    groups: dict[tuple[str, str], list[str]] = {}
    for where, check, detail in found:
        groups.setdefault((where, check), []).append(detail)
    lines = [f"{what}: {len(found)} problem(s) a reader sees"]
    for (where, check), details in list(groups.items())[:SHOWN]:
        more = f" (×{len(details)}, e.g.)" if len(details) > 1 else ""
        lines.append(f"  - {where}: {check}{more}: {details[0][:200]}")
    if len(groups) > SHOWN:
        lines.append(f"  … and {len(groups) - SHOWN} more kinds in other places")
    return "\n".join(lines)


def _rgb(css: str) -> tuple[int, int, int]:
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])


def _check(page, url: str, page_title: str, period: str, theme: str) -> None:
    open_page(page, url)
    assert page.locator('[data-testid="stException"]').count() == 0, f"{page_title} · {period} · {theme}: the page shows an exception"
    # Streamlit follows the browser's prefers-color-scheme (the settings menu's default, "Use
    # system setting"); if it stopped doing so, the dark runs would silently test the light theme.
    background = page.evaluate(APP_BACKGROUND)
    lum = relative_luminance(_rgb(background))
    assert (lum > 0.7) if theme == "light" else (lum < 0.1), f"{page_title} · {theme}: the app's background is {background}, not the {theme} theme"
    found = findings(read_page(page), page_title, period)
    if found:
        pytest.fail(_report(f"{page_title} · period={period} · {theme} · {page.viewport_size['width']}x{page.viewport_size['height']}", found), pytrace=False)


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("page_title", list(PAGE_PATHS))
@pytest.mark.parametrize("theme", THEMES)
def test_reader_text(theme, page_title, period, app_url, tab):
    _check(tab(theme), f"{app_url}/{PAGE_PATHS[page_title]}?period={period}", page_title, period, theme)


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("page_title", PHONE_PAGES)
def test_reader_text_on_a_phone(page_title, period, app_url, tab):
    _check(tab("light", PHONE), f"{app_url}/{PAGE_PATHS[page_title]}?period={period}", page_title, period, "light")
