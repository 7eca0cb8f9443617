"""Data text never reaches the page as raw HTML or Markdown (issue #7).

(a) statically: every `unsafe_allow_html=True` and every `st.html` in dashboard/ passes only
    constant text or names from dashboard/core/style.py, never data;
(b) with a database whose data values carry markup: every page (AppTest) shows it only escaped,
    in Markdown elements and in the Plotly figures' text; and in Chromium the text is visible
    literally, no element is created from it, and no script of it runs.
"""

from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

import pytest

from dashboard.core.paths import ROOT
from dashboard.pipeline.build import build
from tests.helpers.apptest import charts, is_chart, open_page_views

PAYLOAD = '<img src=x onerror="window.__pwned=1"><b>bold</b> **stars** [link](javascript:alert(1))'
# the payload's markup, not backslash-escaped: what must never reach a Markdown renderer
RAW = re.compile(r"(?<!\\)<img|(?<!\\)<b>|(?<!\\)\*(?<!\\)\*stars|\](?<!\\)\(javascript:")
PAGES = [
    "web/pages/overview.py", "web/pages/arms_transfers.py", "web/pages/dual_use.py", "web/pages/exercises.py",
    "web/pages/incidents.py", "web/pages/limits.py", "web/pages/data_explorer.py", "web/pages/sources.py",
]


# ----------------------------------------------------------------------------- (a) static


def _calls():
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield path, node


PROJECT_MODULES = {p.stem for p in (ROOT / "dashboard").rglob("*.py")}


def _project_function(call: ast.Call) -> bool:
    """A call of one of the project's own modules' functions (module.name(...)), not Streamlit's."""
    return isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and call.func.value.id in PROJECT_MODULES - {"st", "streamlit"}


def _constant(node: ast.AST) -> bool:
    """Constant text: a literal, a concatenation or f-string of literals, or a name from style."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) or (isinstance(v, ast.FormattedValue) and _constant(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _constant(node.left) and _constant(node.right)
    if isinstance(node, ast.Attribute):
        return isinstance(node.value, ast.Name) and node.value.id == "style"
    if isinstance(node, ast.Subscript):  # style.PERIOD_COLOURS["before_2014"]: a constant of style
        return _constant(node.value) and isinstance(node.slice, ast.Constant)
    return False


def test_raw_html_is_only_ever_constant_text():
    found = []
    for path, call in _calls():
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if _project_function(call):  # e.g. brief's pack.html(briefing): writes a file, not Streamlit markup
            continue
        unsafe = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False) for k in call.keywords)
        if name == "html" or unsafe:
            args = list(call.args) + [k.value for k in call.keywords if k.arg in ("body", "html")]
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            found.append(where)
            assert args and all(_constant(a) for a in args), f"{where} passes non-constant text as raw HTML"
            if unsafe:
                assert all(isinstance(k.value, ast.Constant) for k in call.keywords if k.arg == "unsafe_allow_html"), where
    assert found == ["dashboard/app.py:26"] or all(f.startswith("dashboard/") for f in found)


def test_only_the_projects_own_functions_are_skipped():
    calls = [n for n in ast.walk(ast.parse("pack.html(briefing)\nst.html(x)\nst.sidebar.html(x)\ncontainer.html(x)")) if isinstance(n, ast.Call)]
    assert [_project_function(c) for c in calls] == [True, False, False, False]


def test_the_static_check_catches_data():
    bad = ast.parse("st.html(row.title)\nst.markdown(f'<b>{name}</b>', unsafe_allow_html=True)")
    calls = [n for n in ast.walk(bad) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert not _constant(calls[0].args[0]) and not _constant(calls[1].args[0])
    assert _constant(ast.parse("'<style>' + style.NEUTRAL + f'{style.PAPER}'", mode="eval").body)
    assert _constant(ast.parse("f'<b>{style.PERIOD_COLOURS[\"x\"]}</b>'", mode="eval").body)
    assert not _constant(ast.parse("f'<b>{style.PERIOD_COLOURS[key]}</b>'", mode="eval").body)
    assert not _constant(ast.parse("f'<b>{row[\"title\"]}</b>'", mode="eval").body)


# ----------------------------------------------------------------------------- (b) a database with markup


def _edit(path: Path, match: dict[str, str] | None, changes: dict[str, str]) -> None:
    """Append the payload to the given columns of the first row that fits `match` (all rows if None)."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    done = False
    for row in body:
        if (match is None or all(row[header.index(c)] == v for c, v in match.items())) and not (done and match is not None):
            for column, text in changes.items():
                row[header.index(column)] = (row[header.index(column)] + " " + text).strip()
            done = True
    assert done, (path.name, match)
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *body])


def _largest_ru_cn_deal(path: Path) -> str:
    with path.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["supplier"] == "Russia" and r["recipient"] == "China"]
    return max(rows, key=lambda r: float(r["tiv_delivered_mtiv"] or 0))["deal_id"]


@pytest.fixture(scope="module")
def markup_db(tmp_path_factory) -> Path:
    """The real data with the payload appended to text the pages show: an exercise's name and note,
    the CEPA paper's title and citation, every partnership limit's statement and note, a key event's
    title, the largest Russia → China deal's designation, and every source disagreement's topic."""
    import shutil

    from dashboard.core.paths import DATA_DIR, QUERIES_DIR

    root = tmp_path_factory.mktemp("markup")
    shutil.copytree(DATA_DIR, root / "data")
    shutil.copytree(QUERIES_DIR, root / "queries")
    data = root / "data"
    _edit(data / "exercises.csv", None, {"name": PAYLOAD, "note": PAYLOAD})
    _edit(data / "sources.csv", {"source_id": "cepa_2025"}, {"title": PAYLOAD, "citation": PAYLOAD})
    _edit(data / "partnership_limits.csv", None, {"statement": PAYLOAD, "note": PAYLOAD})
    _edit(data / "events.csv", None, {"title": PAYLOAD})
    _edit(data / "sipri_register.csv", {"deal_id": _largest_ru_cn_deal(data / "sipri_register.csv")}, {"designation": PAYLOAD})
    db = root / "markup.duckdb"
    build(db, data, root / "queries")
    return db


def _strings(message, path=""):
    """Every string field of a protobuf message, with its dotted field path."""
    for field, value in message.ListFields():
        items = value if isinstance(value, (list, tuple)) or (hasattr(value, "__len__") and not isinstance(value, (str, bytes)) and not hasattr(value, "ListFields")) else [value]
        for item in items:
            if isinstance(item, str):
                yield f"{path}{field.name}", item
            elif hasattr(item, "ListFields"):
                yield from _strings(item, f"{path}{field.name}.")


def _elements(node):
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _elements(child)
    elif hasattr(node, "proto") and node.proto is not None:
        yield node


# Fields that hold data but are drawn as plain text, never as Markdown or HTML: the text box's
# value (the Data explorer) and options of select boxes, the code block (a shell command).
PLAIN_FIELDS = {"value", "default", "options", "raw_value", "code_text"}


def _plotly_texts(spec: str):
    """The strings of a figure that Plotly draws through its pseudo-HTML renderer."""
    fig = json.loads(spec)
    layout = fig.get("layout", {})
    yield "layout.title", str((layout.get("title") or {}).get("text", ""))
    for a in layout.get("annotations", []):
        yield "layout.annotations", str(a.get("text", ""))
    for trace in fig.get("data", []):
        yield "trace.name", str(trace.get("name", ""))
        for key in ("text", "hovertext", "x", "y"):
            values = trace.get(key)
            for v in values if isinstance(values, list) else [values]:
                if isinstance(v, str):
                    yield f"trace.{key}", v


@pytest.fixture
def on_markup_db(markup_db, use_db):
    return use_db(markup_db)


@pytest.mark.parametrize("page", PAGES)
def test_markup_in_data_is_escaped_in_every_element(page, on_markup_db):
    views = open_page_views(page, timeout=90)  # every tab of a page with tabs
    raw = []
    for element in (e for at in views for e in _elements(at._tree)):
        for field, text in _strings(element.proto):
            if field.rsplit(".", 1)[-1] in PLAIN_FIELDS or field.endswith("spec") or (is_chart(element) and field == "json"):
                continue  # a chart's figure (a Plotly chart's spec, the dashboard chart's data): read by the chart tests below
            raw += [(type(element).__name__, field, m.group(0), text[max(0, m.start() - 60):m.end() + 60]) for m in RAW.finditer(text)]
    assert not raw, raw
    if not page.endswith("data_explorer.py"):  # the payload is on the page (escaped): the check bites
        assert any("\\<img src=x" in text for at in views for e in _elements(at._tree) for _, text in _strings(e.proto)), "the payload is not shown"


CHART_FIELDS_UNESCAPED = ("trace.x", "trace.y", "trace.text", "trace.name")  # see charts.py: only titles and hover text pass _esc


@pytest.mark.parametrize("page", ["web/pages/overview.py", "web/pages/exercises.py", "web/pages/arms_transfers.py"])
def test_markup_in_data_is_escaped_in_chart_titles_and_hover_text(page, on_markup_db):
    seen = []
    for chart in (c for at in open_page_views(page, timeout=90) for c in charts(at)):  # every tab
        for field, text in _plotly_texts(chart.spec):
            if field in CHART_FIELDS_UNESCAPED:
                continue
            assert not any(m in text for m in ("<img", "&lt;b&gt;bold&lt;/b&gt;</b>")), (field, text[:200])
            seen += [field] if "&lt;img src=x" in text else []
    assert seen, "the payload reached no chart (hover text) on this page"


def test_markup_in_data_is_escaped_in_chart_axes_and_labels(on_markup_db):
    drawn = [c for at in open_page_views("web/pages/arms_transfers.py", timeout=90) for c in charts(at)]  # every tab
    raw = [(f, t[:120]) for chart in drawn for f, t in _plotly_texts(chart.spec) if "<img" in t or "<b>bold" in t]
    assert not raw, raw


# ----------------------------------------------------------------------------- (b) in Chromium

FIND_HOVER_POINT = """
() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  for (const gd of plots) {
    const traces = [...gd.querySelectorAll('.scatterlayer .trace')];
    const scatters = (gd.data || []).filter(t => (t.type || 'scatter') === 'scatter');
    for (const [ci, t] of scatters.entries()) {
      const texts = t.hovertext || [];
      for (let i = 0; i < texts.length; i++) {
        if (String(texts[i]).includes('&lt;img src=x') && traces[ci]) {
          const point = traces[ci].querySelectorAll('.points path.point')[i];
          if (!point) continue;
          point.scrollIntoView({block: 'center'});
          const r = point.getBoundingClientRect();
          return [r.x + r.width / 2, r.y + r.height / 2];
        }
      }
    }
  }
  return null;
}
"""
NO_MARKUP_ELEMENTS = """
() => ({
  pwned: typeof window.__pwned !== 'undefined',
  img: document.querySelectorAll('img[src="x"]').length,
  bold: [...document.querySelectorAll('b, strong')].filter(e => e.textContent.trim() === 'bold').length,
  boldTspan: [...document.querySelectorAll('tspan')].filter(e => e.textContent.trim() === 'bold' && (e.getAttribute('style') || '').includes('bold')).length,
  jsLinks: document.querySelectorAll('a[href^="javascript"]').length,
})
"""


@pytest.mark.browser
def test_markup_in_data_shows_as_text_in_chromium(markup_db):
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, WAIT_FOR_CHARTS, open_quote_lists, serve

    with serve(markup_db) as base, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for path in ("limits", "exercises?view=Timeline%20and%20map"):  # the exercises' timeline tab
                page.goto(f"{base}/{path}")
                page.wait_for_function(WAIT_FOR_CHARTS, timeout=90_000, polling=500)
                assert page.locator('[data-testid="stException"]').count() == 0
                main = page.locator('[data-testid="stMain"]').inner_text()
                if path == "limits":
                    assert PAYLOAD in main, "the statement is not shown literally"
                else:
                    assert open_quote_lists(page), "the timeline has no quote list to open"
                    assert PAYLOAD in page.locator('[data-testid="stMain"]').inner_text(), "the exercise's name is not shown literally"
                    where = page.evaluate(FIND_HOVER_POINT)
                    assert where, "no timeline point carries the payload"
                    page.mouse.move(*where)
                    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
                    hover = page.locator(".hoverlayer .hovertext").first.text_content()
                    assert re.sub(r"\s", "", PAYLOAD) in re.sub(r"\s", "", hover), hover[:300]  # literal (lines wrap at spaces)
                state = page.evaluate(NO_MARKUP_ELEMENTS)
                assert state == {"pwned": False, "img": 0, "bold": 0, "boldTspan": 0, "jsLinks": 0}, (path, state)
            assert not dialogs, dialogs
        finally:
            browser.close()
