"""The app's access to the database: one cached read-only connection, results cached by query.

The connection is keyed by the database file's modification time, so a rebuild (which replaces
the file atomically) is picked up by the next rerun while open queries finish on the old file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

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


def database() -> Database:
    path = db_path()
    return _open(str(path), path.stat().st_mtime_ns)


@st.cache_data(max_entries=1024, show_spinner=False)
def _fetch(path: str, version: int, q: Query) -> pd.DataFrame:
    return _open(path, version).fetch(q)


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
    """Rows of a view, filtered by period and column values (bound as parameters), cached."""
    path = db_path()
    return _fetch(str(path), path.stat().st_mtime_ns, query(view, period, **filters)).copy()


def count(q: Query) -> int:
    """How many rows a query matches, without reading them (cached)."""
    path = db_path()
    return _count(str(path), path.stat().st_mtime_ns, q)


def distinct(q: Query, columns: tuple[str, ...]) -> list[str]:
    """The distinct values of some columns over all the rows a query matches (cached)."""
    path = db_path()
    return _distinct(str(path), path.stat().st_mtime_ns, q, tuple(columns))
