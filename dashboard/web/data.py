"""The app's access to the database: one cached read-only connection, results cached by query.

The connection is keyed by the database file's modification time, so a rebuild (which replaces
the file atomically) is picked up by the next rerun while open queries finish on the old file.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.core import style
from dashboard.core.db import ALL_PERIODS, Database, Query
from dashboard.core.errors import BuildError
from dashboard.core.paths import db_path
from dashboard.pipeline.build import ensure_built


@st.cache_resource(max_entries=2, show_spinner=False)
def _open(path: str, version: int) -> Database:
    return Database(Path(path))


def ready() -> Path:
    """The database file, rebuilt first if data/ or queries/ changed. If that rebuild fails, the
    last good database keeps serving and the page says why; with no database at all, the page
    shows the error and stops."""
    path = db_path()
    try:
        ensure_built(path)
    except BuildError as err:
        if not path.exists():
            st.error(f"The database could not be built: {err}")
            st.stop()
        st.warning(f"The data files have an error, so the last good database is shown. {err}", icon=":material/warning:")
    return path


def version() -> tuple[str, int]:
    """The database file and its modification time: what a cache of anything read from it is
    keyed by, so a rebuild is read by the next rerun."""
    path = db_path()
    return str(path), path.stat().st_mtime_ns


def database() -> Database:
    return _open(*version())


# A resource, not st.cache_data: load() hands out a copy, which is cheaper than unpickling the
# cached frame on every call as st.cache_data does (a tenth of a page's script time, py-spy).
@st.cache_resource(max_entries=1024, show_spinner=False)
def _fetch(path: str, version: int, q: Query) -> pd.DataFrame:
    return reader_rows(_open(path, version).fetch(q))


# Columns that place a row on a chart's date axis: kept as dates (the charts compute with them);
# tables show them as dates through ui.table. Every other date column becomes reader text.
PLOT_DATE_COLUMNS = frozenset({"plot_date"})
PRECISION_COLUMN = "date_precision"
_PRECISION_FORMAT = {"day": "%Y-%m-%d", "month": "%B %Y", "year": "%Y"}


def reader_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows as pages may show them, converted once where they leave the database:
    - missing text (NULL, which pandas 3 hands over as NaN, a truthy float) becomes None, so
      `if row.note:` is false and nothing prints "nan" or "NaT";
    - a date column becomes text at the row's precision where the row says it
      (date_precision: day "2003-08-06", month "August 2003", year "2003"), else an ISO date
      ("2003-08-06", never "2003-08-06 00:00:00"); a timestamp with a time of day keeps it,
      labelled UTC when its column says so. Missing dates become None;
    - numbers stay numbers (NaN where missing: charts need them; ui.table shows a blank)."""
    out = frame.copy()
    precision = out[PRECISION_COLUMN] if PRECISION_COLUMN in out.columns else None
    for column in out.columns:
        values = out[column]
        if column in PLOT_DATE_COLUMNS and pd.api.types.is_datetime64_any_dtype(values):
            continue
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = _date_text(values, precision, utc=column.endswith("_utc"))
        elif values.dtype == object and values.map(_is_list).any():
            out[column] = values.map(lambda cells, c=column: _list_text(c, cells))
        elif pd.api.types.is_string_dtype(values) or values.dtype == object:
            out[column] = _text_or_none(values)
    return out


def _is_list(value) -> bool:
    return isinstance(value, (list, tuple, np.ndarray))


def _list_text(column: str, cells) -> str | None:
    """A list cell (e.g. period_ids) as reader text: periods by their labels, joined by ' / '.
    (A list is also unhashable, so a frame holding one could not key the figure cache.)"""
    if not _is_list(cells) or len(cells) == 0:
        return None
    return " / ".join(style.period_label(c) if column == "period_ids" else str(c) for c in cells)


def _text_or_none(values: pd.Series) -> pd.Series:
    missing = values.isna().to_numpy()
    cells = values.astype(object).to_numpy(copy=True)
    cells[missing] = None
    return pd.Series(cells, index=values.index, dtype=object, name=values.name)


def _date_text(values: pd.Series, precision: pd.Series | None, *, utc: bool) -> pd.Series:
    stamps = pd.to_datetime(values)
    has_time = bool(((stamps - stamps.dt.normalize()).dropna() != pd.Timedelta(0)).any())
    if has_time:
        text = stamps.dt.strftime("%Y-%m-%d %H:%M") + (" UTC" if utc else "")
    elif precision is not None:
        text = pd.Series(
            [None if pd.isna(t) else t.strftime(_PRECISION_FORMAT.get(p, "%Y-%m-%d") if isinstance(p, str) else "%Y-%m-%d") for t, p in zip(stamps, precision)],
            index=values.index, dtype=object,
        )
    else:
        text = stamps.dt.strftime("%Y-%m-%d")
    return _text_or_none(text.where(stamps.notna(), np.nan))


@st.cache_data(max_entries=1024, show_spinner=False)
def _count(path: str, version: int, q: Query) -> int:
    return _open(path, version).count(q)


@st.cache_data(max_entries=256, show_spinner=False)
def _distinct(path: str, version: int, q: Query, columns: tuple[str, ...]) -> list[str]:
    return _open(path, version).distinct(q, columns)


def query(view: str, period: str = ALL_PERIODS, *, equals: dict | None = None, year_range: tuple[int, int] | None = None, text: str = "", order_by: tuple[str, ...] = (), limit: int | None = None) -> Query:
    """A Query (values bound as parameters when it runs) from a page's filters."""
    eq = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (equals or {}).items()))
    return Query(view, period=period, equals=eq, year_range=year_range, text=text, order_by=tuple(order_by), limit=limit)


def load(view: str, period: str = ALL_PERIODS, **filters) -> pd.DataFrame:
    """Rows of a view, filtered by period and column values (bound as parameters), cached; the
    caller's own copy."""
    return _fetch(*version(), query(view, period, **filters)).copy()


def count(q: Query) -> int:
    """How many rows a query matches, without reading them (cached)."""
    return _count(*version(), q)


def distinct(q: Query, columns: tuple[str, ...]) -> list[str]:
    """The distinct values of some columns over all the rows a query matches (cached)."""
    return _distinct(*version(), q, tuple(columns))
