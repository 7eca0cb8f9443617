"""Rows leave the database as reader values (issue #12): missing text is None (falsy, never
"nan"), dates are date text at the row's precision, numbers stay numbers."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.web import data
from tests.helpers.apptest import open_page, open_page_views


def test_reader_rows_converts_missing_text_and_dates():
    frame = pd.DataFrame({
        "note": pd.Series(["a note", None], dtype="str"),
        "start_date": pd.to_datetime(["2003-08-06", None]),
        "event_date": pd.to_datetime(["2021-11-01", "2001-01-01"]),
        "date_precision": ["day", "year"],
        "plot_date": pd.to_datetime(["2003-08-06", "2001-07-01"]),
        "share": [89.0, float("nan")],
        "built_at_utc": pd.to_datetime(["2026-12-01 20:40:53", None]),
    })
    assert isinstance(frame.loc[1, "note"], float)  # what pandas 3 hands over: NaN, truthy
    out = data.reader_rows(frame)
    assert out["note"].tolist() == ["a note", None]
    assert not out.loc[1, "note"]
    assert out["start_date"].tolist() == ["2003-08-06", None]
    assert out["event_date"].tolist() == ["2021-11-01", "2001"]  # the row's precision
    assert pd.api.types.is_datetime64_any_dtype(out["plot_date"])  # the charts' axis stays dates
    assert out.loc[0, "share"] == 89.0 and math.isnan(out.loc[1, "share"])
    assert out["built_at_utc"].tolist() == ["2026-12-01 20:40 UTC", None]
    bare = data.reader_rows(pd.DataFrame({"start_date": pd.to_datetime(["1950-01-01"])}))
    assert bare["start_date"].tolist() == ["1950-01-01"]


def test_loaded_rows_have_no_nan_text_and_no_midnight_dates(built_db, database):
    for view in database.views():
        rows = data.load(view, limit=2000)
        for column in rows.columns:
            values = rows[column]
            if values.dtype == object:
                assert not any(isinstance(v, float) and math.isnan(v) for v in values), f"{view}.{column} holds NaN as text"
                assert not any(isinstance(v, str) and v.endswith("00:00:00") for v in values), f"{view}.{column}"
            elif pd.api.types.is_datetime64_any_dtype(values):
                assert column in data.PLOT_DATE_COLUMNS, f"{view}.{column} is still a timestamp"


def test_tables_show_dates_as_dates_and_missing_values_blank(built_db):
    at = open_page("web/pages/sources.py", params={"view": "Definitions"})  # the tab with the periods table
    periods = next(d.value for d in at.dataframe if "first_year" in d.value.columns)
    assert periods["start_date"].tolist()[0] == "1950-01-01"
    for table in (t for view in open_page_views("web/pages/sources.py") for t in view.dataframe):
        assert table.proto.HasField("placeholder") and table.proto.placeholder == "", "missing values would show as None"
