"""A panel's chart reaches the page as the dashboard's chart element (web.chart_view): the figure the
builder made, exactly, with the panel's Plotly config and the bundle to draw it with."""

from __future__ import annotations

import gc

import plotly.graph_objects as go
import plotly.io as pio
from streamlit.testing.v1 import AppTest

from dashboard.core import style
from dashboard.web import chart_view
from tests.helpers.apptest import charts


def _panel_app():
    import pandas as pd
    import plotly.graph_objects as go

    from dashboard.web import ui

    fig = go.Figure(go.Bar(x=[2021, 2022], y=[3, 4], name="Deliveries"), layout={"title": {"text": "TIV per year"}})
    ui.panel(fig, pd.DataFrame({"year": [2021, 2022], "tiv": [3, 4]}), name="test-chart")


def test_the_page_sends_the_figure_its_config_and_the_bundle():
    at = AppTest.from_function(_panel_app, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    [chart] = charts(at)
    assert chart.key == "chart_test-chart"
    assert chart.figure["data"][0]["type"] == "bar" and chart.figure["layout"]["title"]["text"] == "TIV per year"
    assert chart.config == style.png_config("test-chart_all")
    node = next(n for n in at.get("bidi_component"))
    assert '"src": "app/static/vendor/plotly-dashboard-' in node.proto.json


def test_a_figure_is_serialised_once_and_as_plotly_writes_it():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"title": {"text": "<b>A</b> & B"}})
    first = chart_view.figure_json(fig)
    assert first == pio.to_json(fig, validate=False)
    assert chart_view.figure_json(fig) is first
    other = go.Figure(go.Scatter(x=[1], y=[1]))
    assert chart_view.figure_json(other) != first


def test_a_figure_that_is_gone_leaves_the_cache():
    fig = go.Figure(go.Scatter(x=[5], y=[6]))
    chart_view.figure_json(fig)
    key = id(fig)
    del fig
    gc.collect()
    assert key not in chart_view._json  # gone with its figure, not at some later call
    chart_view.figure_json(go.Figure(go.Scatter(x=[7], y=[8])))  # another figure, which may take the freed id
    assert key not in chart_view._json or chart_view._json[key][0]() is not None

