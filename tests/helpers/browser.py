"""Helpers for the browser tests: serve the app on a free localhost port, drive Debian's Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from dashboard.core.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE_PATHS = {"Overview": "", "Arms transfers": "arms-transfers", "Dual-use supply": "dual-use", "Exercises and diplomacy": "exercises", "Incidents": "incidents", "Limits of the partnership": "limits", "Data explorer": "data", "Sources and method": "sources"}
SCREENSHOTS = ROOT / "tests" / "screenshots"


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
def serve(db: Path | None = None, port: int | None = None, *, script: str = "dashboard/app.py", log: Path | None = None, root: Path = ROOT, timeout_s: float = 60):
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


WAIT_FOR_CHARTS = """
() => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running') return false;
  // Streamlit mounts a chart (a widget, a dataframe) as a skeleton until that element's code has
  // loaded: right after the script ends, a page can hold no chart yet.
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  if (charts.length === 0) return document.querySelector('[data-testid="stMainBlockContainer"] h1') !== null;
  return charts.every(c => {
    const plot = c.querySelector('.js-plotly-plot');
    if (!plot || !plot.querySelector('.main-svg')) return false;
    if (plot.querySelector('.geo')) return plot.querySelectorAll('.geo path.land, .geo .layer.land path').length > 0;
    return plot.querySelectorAll('.plot .trace, .plot path, .scatterlayer .trace, .barlayer .trace').length > 0;
  });
}
"""


# ----------------------------------------------------------------------------- what a reader reads

# Everything a reader of the page can read, as JSON: the text of each Streamlit element (closed
# expanders included: a reader opens them), every chart's SVG text, traces and axes, the cells of
# every data grid, the accessible names and every link. Left out of "text" (read apart, or not
# text at all): scripts and styles, Plotly charts (read as "charts"), data grids (a <canvas>
# whose fallback table is read as "grids") and Material icons (ligature names such as
# "keyboard_arrow_right", drawn as icons and hidden from assistive technology).
READ_PAGE = """
() => {
  const SKIP = 'script, style, noscript, template, canvas, .js-plotly-plot, [data-testid="stIconMaterial"]';
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


def read_page(page) -> dict:
    """What a reader reads on the open page (see READ_PAGE)."""
    return page.evaluate(READ_PAGE)
