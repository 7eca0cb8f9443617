"""Browser timings in headless Chromium: page loads beside the bare page, period changes, and
the server's memory with 1 and 10 sessions.

How a sample is timed (in the page, with ``performance.now()``, so Playwright's polling adds
nothing): an init script watches the DOM with a MutationObserver and, every animation frame,
tests whether the page is done:

- the script has run since the start of the sample (``data-test-script-state`` went to
  ``running``) and has finished (``notRunning``); no status widget, no stale element, and no
  skeleton: Streamlit mounts an element as a ``stSkeleton`` placeholder until its code has
  loaded;
- every chart (tests.helpers.browser.CHARTS: the dashboard's chart elements, and the bare page's
  st.plotly_chart) has drawn its traces (a map: its land paths), as tests.browser.WAIT_FOR_CHARTS;
- for a page load, the number of charts equals the number counted on the warm-up visit, so a
  page cannot look done while later charts are still on their way.

Page load = navigation start → the first frame where that holds. Period change = the click on
the radio option → the later of (the script's end, the last DOM change inside any chart), once
the charts have been quiet for a moment; charts redraw with Plotly.react after the new figure
arrives, and a chart that is already drawn would otherwise look done at once. Period changes are
timed twice: the first change to each period after the server started (cold caches, no target),
then with every period seen by the server before (the target's figure).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from bench.server import LogTail, rss_mb
from tests.helpers.browser import with_charts

QUIET_MS = 600  # charts unchanged this long → the redraw is over
TIMEOUT_MS = 90_000
PERIOD_TIMEOUT_MS = 20_000  # a period change that has not settled by then is reported as an error
VIEWPORT = {"width": 1366, "height": 768}

INIT = with_charts(r"""
(() => {
  if (window.__bench) return;
  const B = window.__bench = {armedAt: 0, clickAt: null, states: [], chartMut: 0, drawnAt: null, expected: __EXPECTED__};
  const app = () => document.querySelector('[data-testid="stApp"]');
  const state = () => { const a = app(); return a ? a.getAttribute('data-test-script-state') : null; };
  const note = () => {
    const s = state(), last = B.states[B.states.length - 1];
    if (s && (!last || last[0] !== s)) B.states.push([s, performance.now()]);
  };
  const inChart = n => { const el = n && (n.nodeType === 1 ? n : n.parentElement); return !!(el && el.closest && el.closest(__CHARTS__)); };
  new MutationObserver(records => {
    const now = performance.now();
    note();
    for (const r of records) { if (inChart(r.target)) { B.chartMut = now; break; } }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('click', () => { if (B.clickAt === null) B.clickAt = performance.now(); }, true);
  B.error = () => {
    const e = document.querySelector('[data-testid="stException"]');
    if (e) return (e.innerText || 'exception').trim().split('\n').slice(0, 3).join(' | ');
    const d = [...document.querySelectorAll('[role="dialog"]')].find(x => /Page not found/i.test(x.innerText || ''));
    return d ? 'Page not found' : null;
  };
  B.charts = () => [...document.querySelectorAll(__CHARTS__)];
  B.ready = (useExpected) => {
    note();
    if (!B.states.some(([s, t]) => s === 'running' && t >= B.armedAt)) return false;
    if (state() !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;  // an element still loading its code
    const charts = B.charts();
    if (useExpected && B.expected !== null && charts.length !== B.expected) return false;
    if (charts.length === 0) return document.querySelector('[data-testid="stMainBlockContainer"] h1') !== null || B.expected === 0;
    return charts.every(c => {
      const plot = c.querySelector('.js-plotly-plot');
      if (!plot || !plot.querySelector('.main-svg')) return false;
      if (plot.querySelector('.geo')) return plot.querySelectorAll('.geo path.land, .geo .layer.land path').length > 0;
      return plot.querySelectorAll('.plot .trace, .plot path, .scatterlayer .trace, .barlayer .trace').length > 0;
    });
  };
  // A period change may change how many charts a page has (a period with no rows shows a note
  // instead of a chart), so only a page load checks the count seen on the warm-up visit.
  B.useExpected = true;
  B.arm = (useExpected) => { B.armedAt = performance.now(); B.clickAt = null; B.drawnAt = null; B.errorAt = null; B.useExpected = useExpected; };
  const tick = () => {
    if (B.drawnAt === null && B.ready(B.useExpected)) B.drawnAt = performance.now();
    if (B.errorAt === null && state() === 'notRunning' && B.error()) B.errorAt = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
""")

# done (or failed) and the charts quiet for QUIET_MS
SETTLED = """
(quiet) => {
  const B = window.__bench;
  if (!B) return false;
  const now = performance.now();
  if (B.errorAt !== null && now - B.errorAt > quiet) return true;
  return B.drawnAt !== null && now - Math.max(B.drawnAt, B.chartMut) > quiet;
}
"""

SNAPSHOT = """
() => {
  const B = window.__bench;
  const finished = B.states.filter(([s, t]) => s === 'notRunning' && t >= B.armedAt).map(([s, t]) => t);
  const running = B.states.filter(([s, t]) => s === 'running' && t >= B.armedAt).map(([s, t]) => t);
  return {runningAt: running.length ? running[0] : null, armedAt: B.armedAt, clickAt: B.clickAt, drawnAt: B.drawnAt, chartMut: B.chartMut, errorAt: B.errorAt,
          finishedAt: finished.length ? finished[finished.length - 1] : null, charts: B.charts().length, error: B.error(),
          states: B.states.slice(-8)};
}
"""


@dataclass
class Sample:
    ms: float | None
    error: str | None = None
    settled_ms: float | None = None
    charts: int | None = None
    ws_kb: float | None = None
    script_start_ms: float | None = None  # when the page showed the script running
    script_end_ms: float | None = None  # when it showed it finished


@dataclass
class Series:
    name: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def values(self) -> list[float]:
        return [s.ms for s in self.samples if s.ms is not None and s.error is None]

    @property
    def median(self) -> float | None:
        v = self.values
        return statistics.median(v) if v else None

    @property
    def error(self) -> str | None:
        return next((s.error for s in self.samples if s.error), None)

    def as_dict(self) -> dict:
        def med(values):
            values = [v for v in values if v is not None]
            return round(statistics.median(values), 1) if values else None

        ok = [s for s in self.samples if s.error is None]
        return {
            "median_ms": self.median, "samples_ms": [s.ms for s in self.samples], "settled_ms": [s.settled_ms for s in self.samples],
            "charts": [s.charts for s in self.samples], "ws_kb": [s.ws_kb for s in self.samples], "error": self.error,
            # where the time goes (medians): until the script starts, the script, after it (drawing)
            "phases_ms": {
                "until_script_start": med([s.script_start_ms for s in ok]),
                "script": med([s.script_end_ms - s.script_start_ms for s in ok if s.script_end_ms is not None and s.script_start_ms is not None]),
                "after_script_end": med([s.ms - s.script_end_ms for s in ok if s.script_end_ms is not None]),
            },
        }


class Browser:
    def __init__(self, chromium: str, args: list[str]):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=chromium, args=args)

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()

    def start(self, url: str, expected: int | None):
        """A fresh context and page with the timing script, navigation started; returns (context, page, bytes received)."""
        context = self.browser.new_context(viewport=VIEWPORT)
        context.add_init_script(INIT.replace("__EXPECTED__", "null" if expected is None else str(int(expected))))
        page = context.new_page()
        received = [0]
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload))))
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        return context, page, received

    def finish(self, page, received, expected: int | None) -> Sample:
        """Wait until the page is done (or failed) and quiet; the sample, timed from navigation start."""
        try:
            page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=TIMEOUT_MS, polling=50)
            snap = page.evaluate(SNAPSHOT)
        except Exception as e:  # a timeout or a crash of the page is a result, not a crash of the bench
            return Sample(None, error=f"{type(e).__name__}: {str(e).splitlines()[0][:200]}")
        if snap["error"]:
            return Sample(snap["errorAt"], error=snap["error"], charts=snap["charts"], ws_kb=received[0] / 1024)
        if expected is not None and snap["charts"] != expected:
            return Sample(snap["drawnAt"], error=f"{snap['charts']} charts, expected {expected}", charts=snap["charts"])
        return Sample(snap["drawnAt"], settled_ms=max(snap["drawnAt"], snap["chartMut"]), charts=snap["charts"], ws_kb=received[0] / 1024,
                      script_start_ms=snap["runningAt"], script_end_ms=snap["finishedAt"])

    def open(self, url: str, expected: int | None):
        """A fresh context with the page loaded; returns (context, page, sample)."""
        try:
            context, page, received = self.start(url, expected)
        except Exception as e:
            return None, None, Sample(None, error=f"{type(e).__name__}: {str(e).splitlines()[0][:200]}")
        return context, page, self.finish(page, received, expected)

    def load(self, url: str, expected: int | None) -> Sample:
        context, _, sample = self.open(url, expected)
        if context is not None:
            context.close()
        return sample

    def change_period(self, page, label: str) -> Sample:
        """Click a period option in the sidebar and time the rerun until every chart has redrawn."""
        try:
            page.evaluate("() => window.__bench.arm(false)")
            group = page.locator('[data-testid="stSidebar"] [role="radiogroup"]').first
            group.locator("label").filter(has_text=label).first.click(timeout=10_000)
            page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=PERIOD_TIMEOUT_MS, polling=50)
            snap = page.evaluate(SNAPSHOT)
        except Exception as e:
            return Sample(None, error=f"{type(e).__name__}: {str(e).splitlines()[0][:200]}")
        if snap["error"]:
            return Sample(None, error=snap["error"])
        start = snap["clickAt"] if snap["clickAt"] is not None else snap["armedAt"]
        chart_end = snap["chartMut"] if snap["chartMut"] > start else 0
        end = max(snap["finishedAt"] or 0, snap["drawnAt"] or 0, chart_end)
        return Sample(end - start, settled_ms=end - start, charts=snap["charts"],
                      script_start_ms=snap["runningAt"] - start if snap["runningAt"] else None,
                      script_end_ms=snap["finishedAt"] - start if snap["finishedAt"] else None)


class _Skip(Exception):
    pass


# References beside the bare page: as many charts as the busiest dashboard page (the stack's own
# cost of charts), and its one chart drawn as the dashboard draws its charts (web.chart_view).
BARE_CHARTS = 6
BARE_MORE = lambda base: {f"bare, {BARE_CHARTS} charts": f"{base}/?charts={BARE_CHARTS}", "bare, dashboard chart": f"{base}/?draw=dashboard"}

PERIOD_SEQUENCE = ("Before 2014", "2014 – 23 Feb 2022", "Since 24 Feb 2022", "All periods", "Before 2014")


def measure_site(browser: Browser, app_base: str, bare_base: str, app_pid: int, pages: dict[str, str], *,
                 samples: int = 5, period_samples: int = 5, sessions: int = 10, server_log=None, log=print) -> dict:
    """Warm-up, memory with 1 and `sessions` sessions, page loads (interleaved with the bare
    page), period changes. Returns a dict for the report."""
    urls = {title: f"{app_base}/{path}" for title, path in pages.items()}
    out: dict = {"rss_mb": {"idle_after_start": round(rss_mb(app_pid), 1)}}

    # Warm-up: one visit per page (fills the server's caches), counting each page's charts.
    expected: dict[str, int | None] = {}
    first: dict[str, dict] = {}
    tail = LogTail(server_log) if server_log else None
    causes: dict[str, str] = {}

    def explain(sample: Sample, title: str) -> Sample:
        # The page shows a redacted message (client.showErrorDetails = "none"); the server log has the cause.
        new = tail.new_errors() if tail else []
        if sample.error and "redacted" in sample.error:
            if new:
                causes[title] = "; ".join(new)
            sample.error = causes.get(title, sample.error)
        return sample

    for title, url in {"bare": bare_base + "/", **BARE_MORE(bare_base), **urls}.items():
        s = explain(browser.load(url, None), title)
        expected[title] = s.charts if s.error is None else None
        first[title] = {"ms": s.ms, "charts": s.charts, "error": s.error, "ws_kb": s.ws_kb}
        log(f"    warm-up {title}: {fmt(s.ms)} ms, {s.charts} charts" + (f", ERROR {s.error}" if s.error else ""))
    out["first_visit"] = first
    out["rss_mb"]["after_warm_up"] = round(rss_mb(app_pid), 1)

    # Memory: 1, then `sessions` sessions open at once, each a context with a page loaded
    # (pages in turn; the other sessions navigate together, as visitors would).
    titles = list(urls)
    chosen = [titles[i % len(titles)] for i in range(sessions)]
    open_contexts = []
    try:
        if not chosen:
            raise _Skip
        ctx, _, s = browser.open(urls[chosen[0]], expected.get(chosen[0]))
        open_contexts.append(ctx)
        time.sleep(1.0)
        out["rss_mb"]["1_session"] = round(rss_mb(app_pid), 1)
        started = []
        for title in chosen[1:]:
            ctx, page, received = browser.start(urls[title], expected.get(title))
            open_contexts.append(ctx)
            started.append((title, page, received))
        failed = [t for t, page, received in started if browser.finish(page, received, expected.get(t)).error]
        time.sleep(1.0)
        out["rss_mb"][f"{sessions}_sessions"] = round(rss_mb(app_pid), 1)
        out["rss_mb"]["sessions_pages"] = chosen
        out["rss_mb"]["sessions_failed"] = failed
    except _Skip:
        pass
    finally:
        for ctx in open_contexts:
            if ctx is not None:
                ctx.close()
    if tail:
        tail.new_errors()  # errors of the memory sessions are the pages' known ones
    log(f"    memory: {out['rss_mb']}")

    # Page loads: a fresh context per sample, pages interleaved with the bare page.
    loads = {title: Series(title) for title in ["bare", *BARE_MORE(bare_base), *urls]}
    for i in range(samples):
        for title, url in {"bare": bare_base + "/", **BARE_MORE(bare_base), **urls}.items():
            if title != "bare" and expected.get(title) is None and first[title]["error"]:
                loads[title].samples.append(Sample(None, error=first[title]["error"]))
                continue
            loads[title].samples.append(explain(browser.load(url, expected.get(title)), title))
        log(f"    page loads, round {i + 1}/{samples}: " + ", ".join(f"{t} {fmt(s.samples[-1].ms)}" for t, s in loads.items()))
    out["page_load"] = {t: s.as_dict() for t, s in loads.items()}

    # Period changes, twice per page, each time in a session of its own. First the first change to
    # each other period since the server started: the warm-up opened every page with all periods,
    # so the server computes that period's panels, queries and files now (no target: a reader
    # pays this once per page and period after a restart). Then `period_samples` changes in a row
    # with every period already seen by the server, as page loads are timed after a warm-up: the
    # target's figure.
    out["period_change_first"] = _period_changes(browser, urls, expected, PERIOD_SEQUENCE[:3], explain, log, "first change to each period")
    out["period_change"] = _period_changes(browser, urls, expected, PERIOD_SEQUENCE[:period_samples], explain, log, "period change")
    out["rss_mb"]["end"] = round(rss_mb(app_pid), 1)
    return out


def _period_changes(browser: Browser, urls: dict[str, str], expected: dict, labels: tuple[str, ...], explain, log, what: str) -> dict:
    """For each page, a session that opens it and clicks the sidebar's period radio to each of
    `labels` in turn, timing each change."""
    changes = {}
    for title, url in urls.items():
        series = Series(title)
        context, page, s = browser.open(url, expected.get(title))
        try:
            if context is None or s.error:
                series.samples = [Sample(None, error=s.error)]
            else:
                for label in labels:
                    series.samples.append(browser.change_period(page, label))
        finally:
            if context is not None:
                context.close()
        for smp in series.samples:
            explain(smp, title)
        changes[title] = series
        log(f"    {what} {title}: " + ", ".join(fmt(x.ms) for x in series.samples) + (f" ERROR {series.error}" if series.error else ""))
    return {t: s.as_dict() for t, s in changes.items()}


def fmt(ms: float | None) -> str:
    return "—" if ms is None else f"{ms:.0f}"
