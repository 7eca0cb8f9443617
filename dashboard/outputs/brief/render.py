"""Figures as PNG, SVG or PDF on the server: Plotly's static export through kaleido, driving the
system Chromium, with nothing fetched from outside the machine.

Kaleido's own page would load MathJax from a CDN unless told not to (its default), and plotly.js
from plotly.py's bundled copy (its default; passed here explicitly, so a missing file is an error
rather than a quiet CDN fallback). Maps read their topojson from a script written beside it
(window.PlotlyGeoAssets, which plotly.js reads before it would fetch), not from cdn.plot.ly.
Chromium is also given a proxy that goes nowhere: whatever else it might try to reach fails
on the machine.

One browser serves the whole process (started on first use, ~3–6 s, closed at exit): a deck or
a pack renders every chart in it, and the page's image downloads reuse it.
"""

from __future__ import annotations

import asyncio
import atexit
import re
import tempfile
import threading
from pathlib import Path

import plotly
import plotly.graph_objects as go

from dashboard.core.paths import STATIC_DIR

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
TOPOJSON = {"world_110m": STATIC_DIR / "world_110m.json"}
NOWHERE_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, every fetch fails at once
TIMEOUT_S = 120


def geo_assets_script() -> str:
    """JavaScript that hands plotly.js the map outlines it would otherwise fetch from its CDN."""
    parts = ["window.PlotlyGeoAssets=window.PlotlyGeoAssets||{topojson:{}};window.PlotlyGeoAssets.topojson=window.PlotlyGeoAssets.topojson||{};"]
    for name, path in TOPOJSON.items():
        parts.append(f"window.PlotlyGeoAssets.topojson[{name!r}]={path.read_text(encoding='utf-8')};")
    return "".join(parts)


class _Renderer:
    """A kaleido session on its own event loop in a daemon thread; calls from any thread."""

    def __init__(self) -> None:
        import kaleido
        from kaleido import PageGenerator

        self._dir = tempfile.TemporaryDirectory(prefix="dashboard-kaleido-")
        geo = Path(self._dir.name) / "geo_assets.js"
        geo.write_text(geo_assets_script(), encoding="utf-8")
        page = PageGenerator(plotly=str(PLOTLY_JS), mathjax=False, others=[str(geo)])
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kaleido", daemon=True)
        self.thread.start()
        self.kaleido = kaleido.Kaleido(page_generator=page, n=1, timeout=90, proxy_server=NOWHERE_PROXY)
        self._call(self.kaleido.open())

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(TIMEOUT_S)

    def render(self, fig: dict, fmt: str, width: int, height: int, scale: float) -> bytes:
        return self._call(self.kaleido.calc_fig(fig, opts={"format": fmt, "width": width, "height": height, "scale": scale}))

    def close(self) -> None:
        try:
            self._call(self.kaleido.close())
        except Exception:  # noqa: BLE001 - closing at exit: nothing more to do
            pass
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._dir.cleanup()


_lock = threading.Lock()
_renderer: _Renderer | None = None


def _session() -> _Renderer:
    global _renderer
    with _lock:
        if _renderer is None:
            _renderer = _Renderer()
            atexit.register(_renderer.close)
        return _renderer


def image(fig: go.Figure, fmt: str, *, width: int, height: int, scale: float = 1) -> bytes:
    """The figure drawn by plotly.js in headless Chromium, as png, svg or pdf bytes. SVG ids that
    plotly.js draws at random are replaced by fixed ones, so the same figure gives the same bytes."""
    global _renderer
    spec = fig.to_dict()
    for i, trace in enumerate(spec["data"]):
        trace.setdefault("uid", f"t{i}")  # else plotly.js names each trace's group at random
    try:
        data = _session().render(spec, fmt, width, height, scale)
    except Exception:
        with _lock:  # a dead browser: start a new one next time
            if _renderer is not None:
                atexit.unregister(_renderer.close)
                _renderer.close()
                _renderer = None
        raise
    return steady_svg(data) if fmt == "svg" else data


_UID = re.compile(rb"(?:clip|legend|topbar|bottombar|topojson)([0-9a-f]{6})")
_PATTERN_ID = re.compile(rb'id="p000000-[a-z-]*?([0-9a-f]{6})"')


def steady_svg(svg: bytes) -> bytes:
    """plotly.js names clip paths and similar with a random six-hex id per plot (`clip1a2b3cxyplot`),
    and each fill pattern with another (`p1a2b3c-legend-f48d76`): replaced by fixed ones (000000,
    then 000001, 000002, … in order of appearance)."""
    found = _UID.search(svg)
    if not found:
        return svg
    svg = svg.replace(found.group(1), b"000000")
    for i, suffix in enumerate(dict.fromkeys(_PATTERN_ID.findall(svg)), start=1):
        svg = svg.replace(suffix, b"%06x" % i)
    return svg
