"""Helpers for the browser tests: serve the app on a free localhost port, drive Debian's Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from dashboard.core.paths import ROOT
from dashboard.core.style import QUOTES_HEADING

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE_PATHS = {"Overview": "", "Arms transfers": "arms-transfers", "Dual-use supply": "dual-use", "Exercises and diplomacy": "exercises", "Incidents": "incidents", "Limits of the partnership": "limits", "Data explorer": "data", "Sources and method": "sources", "Briefing": "briefing"}
SCREENSHOTS = ROOT / "tests" / "screenshots"
#: A chart's element in the page, drawn or not yet: the dashboard's (web.chart_view keys each
#: chart's element "chart_<name>", and Streamlit classes an element with its key) or, should a
#: page draw one, st.plotly_chart's. Its plot, once drawn, is the .js-plotly-plot inside.
CHARTS = '[data-testid="stElementContainer"][class*="st-key-chart_"], [data-testid="stPlotlyChart"]:not([class*="st-key-chart_"] *)'


def with_charts(script: str) -> str:
    """A page script with `__CHARTS__` standing for CHARTS (as a JavaScript string)."""
    return script.replace("__CHARTS__", json.dumps(CHARTS))


def _tab_views() -> dict[str, str]:
    """A page's tabs after its first (dashboard.outputs.panels.VIEWS: only the open tab's content
    is sent), by "<page title> · <tab>", as URL paths with their ?view=: read like pages."""
    from urllib.parse import quote

    from dashboard.outputs.panels import VIEWS

    titles = {path: title for title, path in PAGE_PATHS.items()}
    return {f"{titles[path]} · {view}": f"{path}?view={quote(view)}" for path, views in VIEWS.items() for view in views[1:]}


#: Every page and every tab of a page, by title: what the reader-text and axe tests read.
VIEW_PATHS = {**PAGE_PATHS, **_tab_views()}


def page_url(base: str, path: str, **params: str) -> str:
    """The app's URL for a page path (which may carry a query string already) with `params`."""
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{base}/{path}" + (("&" if "?" in path else "?") + extra if extra else "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served(str):
    """The base URL of a running server (a plain string, so `with serve(db) as base:` works),
    carrying what the benchmark needs: .base, .pid, .started_s (seconds from `streamlit run`
    until /_stcore/health answered) and .log (the file holding the server's output)."""

    base: str
    pid: int
    started_s: float
    log: Path

    def __new__(cls, base: str, pid: int, started_s: float, log: Path) -> Served:
        self = super().__new__(cls, base)
        self.base, self.pid, self.started_s, self.log = base, pid, started_s, log
        return self

    def log_tail(self, chars: int = 4000) -> str:
        return _tail(self.log, chars)


def _tail(path: Path, chars: int) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


@contextlib.contextmanager
def serve(db: Path | None = None, port: int | None = None, *, script: str = "dashboard/server.py", log: Path | None = None, root: Path = ROOT, timeout_s: float = 60):
    """`python -m streamlit run <script>` from the project root (so .streamlit/config.toml applies)
    on a free localhost port until the block ends; yield its base URL (a `Served`).

    DASHBOARD_DB is set to ``db`` unless it is None. The server's output goes to ``log`` (or to a
    temporary file, removed afterwards), never to an unread pipe: a pipe fills up when pages log
    tracebacks under load, and then the server blocks."""
    port = port or free_port()
    env = {**os.environ}
    if db is not None:
        env["DASHBOARD_DB"] = str(db)
    own_log = log is None
    if own_log:
        fd, name = tempfile.mkstemp(prefix="streamlit-", suffix=".log")
        os.close(fd)
        log = Path(name)
    log = Path(log)
    log.parent.mkdir(parents=True, exist_ok=True)
    out = log.open("wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.headless", "true"],
        cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
    )
    base = f"http://localhost:{port}"
    try:
        deadline = time.time() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                out.flush()
                state = f"exited with status {proc.returncode}" if proc.poll() is not None else f"no answer from {base}/_stcore/health after {timeout_s:.0f} s"
                raise RuntimeError(f"streamlit did not start ({script}: {state}); the end of {log}:\n{_tail(log, 4000)}")
            time.sleep(0.1)
        yield Served(base, proc.pid, time.perf_counter() - t0, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()
        if own_log:
            log.unlink(missing_ok=True)


WAIT_FOR_CHARTS = with_charts("""
() => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running') return false;
  // Streamlit mounts a chart (a widget, a dataframe) as a skeleton until that element's code has
  // loaded: right after the script ends, a page can hold no chart yet.
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...document.querySelectorAll(__CHARTS__)];
  if (charts.length === 0) return document.querySelector('[data-testid="stMainBlockContainer"] h1') !== null;
  return charts.every(c => {
    const plot = c.querySelector('.js-plotly-plot');
    if (!plot || !plot.querySelector('.main-svg')) return false;
    if (plot.querySelector('.geo')) return plot.querySelectorAll('.geo path.land, .geo .layer.land path').length > 0;
    return plot.querySelectorAll('.plot .trace, .plot path, .scatterlayer .trace, .barlayer .trace').length > 0;
  });
}
""")


# ----------------------------------------------------------------------------- what a reader reads

# Everything a reader of the page can read, as JSON: the text of each Streamlit element (closed
# expanders included: a reader opens them), every chart's SVG text, traces and axes, the cells of
# every data grid, the accessible names and every link. Left out of "text" (read apart, or not
# text at all): scripts and styles, Plotly charts (read as "charts"), data grids (a <canvas>
# whose fallback table is read as "grids") and Material icons, an expander's too (ligature names
# such as "keyboard_arrow_right", drawn as icons and hidden from assistive technology).
READ_PAGE = """
() => {
  const SKIP = 'script, style, noscript, template, canvas, .js-plotly-plot, [data-testid="stIconMaterial"], [data-testid="stExpanderIcon"]';
  const inline = new Map();
  const isInline = el => {
    if (!inline.has(el)) { const d = getComputedStyle(el).display; inline.set(el, d.startsWith('inline') || d === 'contents'); }
    return inline.get(el);
  };
  const block = el => { while (el && el !== document.body && isInline(el)) el = el.parentElement; return el; };
  const chunks = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: n => (n.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim()) continue;
    const box = n.parentElement.closest('[data-testid="stElementContainer"]') || document.body;
    if (!chunks.has(box)) {
      const inner = box === document.body ? null : box.querySelector('[data-testid]');
      const label = box === document.body ? null : box.querySelector('[data-testid="stWidgetLabel"]');
      chunks.set(box, {kind: inner ? inner.dataset.testid : 'page', label: label ? label.textContent.trim() : '', text: '', last: null});
    }
    const c = chunks.get(box), b = block(n.parentElement);
    c.text += (c.last && c.last !== b ? '\\n' : '') + n.nodeValue;
    c.last = b;
  }
  const text = [...chunks.values()].map(({kind, label, text}) => ({kind, label, text}));
  const names = [...document.querySelectorAll('[aria-label], [title], img[alt]')]
    .filter(el => !el.closest('.js-plotly-plot'))
    .flatMap(el => ['aria-label', 'title', 'alt'].map(a => el.getAttribute(a)).filter(v => v && v.trim()));
  const strings = v => (Array.isArray(v) ? v.flat(3) : [v]).filter(s => typeof s === 'string');
  const charts = [...document.querySelectorAll('.js-plotly-plot')].map((gd, i) => {
    const full = gd._fullLayout || {};
    const axes = Object.keys(full).filter(k => /^[xy]axis\\d*$/.test(k)).map(k => {
      const ax = full[k];
      return {name: k, id: ax._id, type: ax.type, range: (gd.layout[k] && gd.layout[k].range) || ax.range,
              ticks: [...gd.querySelectorAll(`g.${ax._id}tick text`)].map(t => t.textContent)};
    });
    const traces = (gd.data || []).map((t, j) => ({
      index: j, type: t.type, name: typeof t.name === 'string' ? t.name : '',
      hovertemplate: [...new Set(strings(t.hovertemplate))], hovertext: [...new Set(strings(t.hovertext))].slice(0, 2000),
      text: [...new Set(strings(t.text))].slice(0, 2000), customdata: [...new Set(strings(t.customdata))].slice(0, 4000),
    }));
    const title = full.title && full.title.text ? full.title.text : '';
    return {index: i, title, svg: [...gd.querySelectorAll('svg text')].map(t => t.textContent).filter(s => s.trim()), axes, traces};
  });
  const grids = [...document.querySelectorAll('canvas table')].map(t => ({
    header: [...t.querySelectorAll('th')].map(c => c.textContent), cells: [...t.querySelectorAll('td')].map(c => c.textContent).filter(s => s),
  }));
  const hrefs = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
  return {url: location.href, text, names, charts, grids, hrefs};
}
"""

# The app's background colour, to tell which theme Streamlit drew.
APP_BACKGROUND = "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"


def open_page(page, url: str, *, timeout_ms: int = 60_000, settle_ms: int = 300) -> None:
    """Go to ``url`` and wait until the script has run and every chart is drawn (WAIT_FOR_CHARTS)."""
    page.goto(url)
    page.wait_for_function(WAIT_FOR_CHARTS, timeout=timeout_ms, polling=250)
    page.wait_for_timeout(settle_ms)


def open_quote_lists(page, *, timeout_ms: int = 60_000) -> int:
    """Open every panel's quote list (web.ui.panel's "Sources and verbatim quotes") as a reader
    does, one click each, and wait until each list has arrived (a lazy expander: its list is sent
    on the rerun the click starts) and the charts are drawn again. Returns how many were opened."""
    boxes = page.locator('[data-testid="stExpander"]').filter(has=page.locator("summary", has_text=QUOTES_HEADING))
    n = boxes.count()
    for i in range(n):
        box = boxes.nth(i)
        box.locator("summary").click()
        box.locator('[data-testid="stExpanderDetails"] [data-testid="stMarkdown"]').first.wait_for(timeout=timeout_ms)
    if n:
        page.wait_for_function(WAIT_FOR_CHARTS, timeout=timeout_ms, polling=250)
    return n


def read_page(page) -> dict:
    """What a reader reads on the open page (see READ_PAGE)."""
    return page.evaluate(READ_PAGE)


# ----------------------------------------------------------------------------- keyboard focus

# Marks the keyboard targets matched by each selector (data-focus-target="<i>") and, for each,
# the elements that can show its focus (data-focus-part="<i>"): the target, its descendants and,
# for a visually hidden input, its <label> and everything in it. Returns one name per target.
MARK_FOCUS_TARGETS = """
(selectors) => {
  const names = [];
  let i = 0;
  for (const [kind, selector] of Object.entries(selectors)) {
    for (const el of document.querySelectorAll(selector)) {
      el.setAttribute('data-focus-target', String(i));
      const label = el.closest('label');
      for (const part of new Set([el, ...el.querySelectorAll('*'), ...(label ? [label, ...label.querySelectorAll('*')] : [])])) {
        const had = part.getAttribute('data-focus-part');
        part.setAttribute('data-focus-part', had ? had + ' ' + i : String(i));
      }
      const shown = e => { if (!e) return ''; const c = e.cloneNode(true); c.querySelectorAll('[data-testid="stIconMaterial"]').forEach(x => x.remove()); return c.textContent; };
      names.push(`${kind} «${(shown(el) || el.getAttribute('aria-label') || shown(label)).replace(/\\s+/g, ' ').trim().slice(0, 40)}»`);
      i += 1;
    }
  }
  return names;
}
"""

# The styles that can show focus on each part of target <i>, and the colour behind each part
# (the backgrounds of its ancestors, blended, over white at the root).
FOCUS_STYLES = """
(i) => {
  const parse = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const v = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const behind = el => {
    const layers = [];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const c = parse(getComputedStyle(a).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let out = [255, 255, 255];
    for (const c of layers.reverse()) out = out.map((v, k) => c[k] * c[3] + v * (1 - c[3]));
    return out;
  };
  return [...document.querySelectorAll('[data-focus-part]')].filter(el => el.getAttribute('data-focus-part').split(' ').includes(String(i))).map((el, j) => {
    const cs = getComputedStyle(el);
    // The part's box as drawn: cut by every ancestor that clips (overflow, clip, clip-path), so a
    // visually hidden input (1 px, clipped) counts as not visible.
    let r = el.getBoundingClientRect(), [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflow !== 'visible' || s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) {
        const q = a.getBoundingClientRect();
        if (s.clipPath !== 'none' && /inset\\(50%\\)/.test(s.clipPath)) { right = left; break; }
        [left, top, right, bottom] = [Math.max(left, q.left), Math.max(top, q.top), Math.min(right, q.right), Math.min(bottom, q.bottom)];
      }
    }
    return {
      part: j, tag: el.tagName.toLowerCase(),
      visible: right - left >= 3 && bottom - top >= 3 && el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
      outline_style: cs.outlineStyle, outline_width: parseFloat(cs.outlineWidth) || 0, outline_color: cs.outlineColor,
      box_shadow: cs.boxShadow, background: cs.backgroundColor,
      borders: ['Top', 'Right', 'Bottom', 'Left'].map(s => [parseFloat(cs['border' + s + 'Width']) || 0, cs['border' + s + 'Color']]),
      behind: behind(el),
    };
  });
}
"""

# The element that has focus: which marked target it is (or null), and where it is.
ACTIVE_ELEMENT = """
() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  return {target: a.getAttribute('data-focus-target'), tag: a.tagName.toLowerCase(), in_main: !!a.closest('[data-testid="stMain"]'),
          name: (a.getAttribute('aria-label') || a.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 40)};
}
"""

# Every Plotly chart's Streamlit container: its text alternative (role="img" with a name, on the
# container, the plot or an element between them; or a description it points to with
# aria-describedby; or the text of one of the next two elements on the page when it starts with
# "Chart description:", the caption the web helper writes under each chart).
CHART_ALTERNATIVES = with_charts("""
() => [...document.querySelectorAll(__CHARTS__)].map((chart, i) => {
  const plot = chart.querySelector('.js-plotly-plot');
  const box = chart.closest('[data-testid="stElementContainer"]') || chart;
  const text = ids => (ids || '').split(/\\s+/).map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent).join(' ').trim();
  const holders = [box, ...box.querySelectorAll('*')].filter(e => e === box || e.contains(plot) || e === plot || (plot && plot.contains(e) && e.getAttribute('role') === 'img'));
  let img = null, described = '';
  for (const e of holders) {
    const name = (e.getAttribute('aria-label') || text(e.getAttribute('aria-labelledby')) || '').trim();
    if (e.getAttribute('role') === 'img' && name && !img) img = name;
    if (!described) described = text(e.getAttribute('aria-describedby'));
  }
  let caption = '', seen = 0;
  for (let next = box.nextElementSibling; next && seen < 2 && !caption; next = next.nextElementSibling) {
    if (!next.textContent.trim()) continue;
    seen += 1;
    if (/^\\s*Chart description:/.test(next.textContent)) caption = next.textContent.trim();
  }
  const title = plot && plot._fullLayout && plot._fullLayout.title ? (plot._fullLayout.title.text || '').replace(/<[^>]*>/g, ' ') : '';
  return {index: i, title: title.replace(/\\s+/g, ' ').trim().slice(0, 60), img_name: img || '', described, caption};
})
""")

# For chart <i>: focus the last keyboard stop before it (returns false when there is none),
# marking the chart's container with data-chart-under-test.
FOCUS_BEFORE_CHART = with_charts("""
(i) => {
  const chart = document.querySelectorAll(__CHARTS__)[i];
  const box = chart.closest('[data-testid="stElementContainer"]') || chart;
  document.querySelectorAll('[data-chart-under-test]').forEach(e => e.removeAttribute('data-chart-under-test'));
  box.setAttribute('data-chart-under-test', '');
  const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({visibilityProperty: true}) && !(e.type === 'radio' && !e.checked));
  const before = stops.filter(e => !box.contains(e) && (e.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING));
  const after = stops.filter(e => !box.contains(e) && (box.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
  const skip = [...box.querySelectorAll('a[href^="#"]'), ...(box.previousElementSibling ? box.previousElementSibling.querySelectorAll('a[href^="#"]') : [])]
    .map(a => document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))))
    .some(t => t && !box.contains(t) && (box.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING));
  if (!before.length || !after.length) return {focused: false, skip};
  before[before.length - 1].focus();
  return {focused: document.activeElement === before[before.length - 1], skip};
}
""")

# Where the focus is relative to the chart marked by FOCUS_BEFORE_CHART: "before", "inside" or "after".
FOCUS_VS_CHART = """
() => {
  const box = document.querySelector('[data-chart-under-test]'), a = document.activeElement;
  if (!a || a === document.body) return 'none';
  if (box.contains(a)) return 'inside';
  return box.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
}
"""
