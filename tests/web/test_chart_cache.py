"""Pages do not rebuild a figure whose input did not change (issue #6): ui.chart builds once per
distinct (builder, rows, caption, options) and shares the figure; any change of input builds anew."""

from __future__ import annotations

import functools

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.web import ui
from tests.helpers.apptest import charts as page_charts
from tests.helpers.apptest import open_page

BUILDERS = ("tiv_by_year", "horizontal_bars", "hedged_bars", "lines", "timeline", "map_points", "stacked_counts", "period_comparison")


@pytest.fixture
def counted(monkeypatch, built_db):
    """Every chart builder wrapped to count its calls (same name, so the same cache keys)."""
    calls: list[str] = []

    def counting(name, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            calls.append(name)
            return fn(*args, **kwargs)
        return wrapper

    for name in BUILDERS:
        monkeypatch.setattr(charts, name, counting(name, getattr(charts, name)))
    st.cache_resource.clear()
    yield calls
    st.cache_resource.clear()


def _run(page: str, period: str = "all") -> AppTest:
    return open_page(page, params={"period": period})


@pytest.mark.parametrize("page", ["web/pages/arms_transfers.py", "web/pages/exercises.py", "web/pages/overview.py", "web/pages/dual_use.py"])
def test_a_second_visit_builds_no_figure_and_shows_the_same_ones(page, counted):
    first = _run(page)
    built = len(counted)
    assert built >= 2, counted
    again = _run(page)  # a new session: the figures are shared across sessions too
    assert len(counted) == built, counted[built:]
    assert [c.spec for c in page_charts(again)] == [c.spec for c in page_charts(first)]


def test_another_period_builds_its_own_figures(counted):
    everything = _run("web/pages/arms_transfers.py")
    built = len(counted)
    recent = _run("web/pages/arms_transfers.py", "since_2022")
    assert len(counted) > built
    assert [c.spec for c in page_charts(recent)] != [c.spec for c in page_charts(everything)]


def test_the_figure_is_keyed_by_the_rows_content_the_caption_and_the_options():
    st.cache_resource.clear()
    rows = pd.DataFrame({"year": [2020, 2021], "v": [1.0, 2.0], "s": ["a", "a"]})
    cap = Caption("T", "U", "all", "Source: S")
    first = ui.chart(charts.lines, rows, cap, x="year", y="v", series="s", hover=["Year:year"])
    assert ui.chart(charts.lines, rows.copy(), Caption("T", "U", "all", "Source: S"), x="year", y="v", series="s", hover=["Year:year"]) is first
    changed = ui.chart(charts.lines, rows.assign(v=[1.0, 3.0]), cap, x="year", y="v", series="s", hover=["Year:year"])
    assert changed is not first and list(changed.data[0].y) == [1.0, 3.0]
    assert ui.chart(charts.lines, rows, Caption("T2", "U", "all", "Source: S"), x="year", y="v", series="s", hover=["Year:year"]) is not first
    assert ui.chart(charts.lines, rows, cap, x="year", y="v", series="s", hover=["Value:v"]) is not first
