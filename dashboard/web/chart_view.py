"""A chart on a page: the figure a chart builder made, drawn in the page by the dashboard's own
plotly.js bundle (a Streamlit custom component, no iframe: chart_view.js).

Why not st.plotly_chart: it loads the whole of plotly.js, 4.6 MB of JavaScript that Chromium took
about a second of the page's main thread to evaluate before any chart was drawn, on every page
view. The dashboard draws three trace types (scatter, bar, scattergeo); its bundle holds just
those (1.4 MB, dashboard/static/vendor/, built by `make plotly-bundle` from vendor/plotly/, where
its versions, licences and checksum are recorded). The figure and Plotly's config are the same
as st.plotly_chart was given; Streamlit's own chart toolbar (its full-screen button) is gone,
Plotly's own (the PNG camera) stays.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

#: The bundle, as a path under the app's root URL (Streamlit serves dashboard/static/ at app/static/).
BUNDLE = "app/static/vendor/plotly-dashboard-4.1.1.min.js"
#: The component's name (its elements in Streamlit's messages carry it).
COMPONENT = "ru_cn_chart"

_draw = st.components.v2.component(
    COMPONENT, js=(Path(__file__).with_name("chart_view.js")).read_text(encoding="utf-8"), isolate_styles=False,
)
_json: dict[int, tuple[weakref.ref, str]] = {}


def figure_json(fig: go.Figure) -> str:
    """The figure as plotly.js reads it, serialised once per figure object: the figures are shared
    by every rerun and session (web.ui.chart), and a page's figures were 30–70 kB of JSON each."""
    key = id(fig)
    known = _json.get(key)
    if known is not None and known[0]() is fig:
        return known[1]
    text = pio.to_json(fig, validate=False)
    # The entry goes with its figure (the callback runs as the figure is freed, before its id can
    # be another object's).
    _json[key] = (weakref.ref(fig, lambda _, key=key: _json.pop(key, None)), text)
    return text


def plotly_chart(fig: go.Figure, *, config: dict, key: str) -> None:
    """Draw `fig` across the width of its column, with Plotly's `config`."""
    _draw(data={"figure": figure_json(fig), "config": config, "src": BUNDLE}, key=key, width="stretch", height="content")
