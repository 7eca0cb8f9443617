"""CSV export shared by the app's download buttons and ``python -m dashboard export``.

UTF-8 with a byte-order mark (so spreadsheet programs read names like "Wärtsilä" right),
RFC 4180 quoting, ISO dates, numbers unformatted, and every text cell that a spreadsheet
would run as a formula neutralised with a leading apostrophe.

Also the analysts' filters (:class:`Filters`): :func:`choose` checks and normalises the choices
made on the Data page or on the command line, and :func:`to_query` turns them into the one
:class:`~dashboard.core.db.Query` both read, so a scripted export equals the page's download.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import numbers
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.db import ALL_PERIODS, MAX_TEXT, PERIOD_COLUMN, PERIODS, Database, Query, UnknownRelation
from dashboard.core.style import period_label
from dashboard.pipeline import catalog

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell that would start a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value) -> str:
    """One value as CSV text: numbers unformatted (and never neutralised), dates ISO, text safe."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (dt.datetime, dt.date, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, (list, tuple, np.ndarray)):
        return neutralise("; ".join(str(v) for v in value))
    return neutralise(str(value))


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The rows as CSV bytes: BOM, header, RFC 4180 quoting, CRLF record ends (RFC 4180)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    columns = [_dates_as_dates(frame.iloc[:, i]) for i in range(frame.shape[1])]
    for row in zip(*columns):
        writer.writerow([_cell(v) for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _dates_as_dates(column: pd.Series) -> pd.Series:
    """A date-time column whose values all fall at midnight holds dates (DuckDB's DATE reaches
    pandas as datetime64): write them as YYYY-MM-DD, not YYYY-MM-DDT00:00:00."""
    if not pd.api.types.is_datetime64_any_dtype(column):
        return column
    present = column.dropna()
    if (present.dt.normalize() != present).any():
        return column
    return pd.Series([None if pd.isna(v) else v.date() for v in column], index=column.index, dtype=object)


def file_name(relation: str, period: str, today: dt.date | None = None, *, ext: str = "csv", years: tuple[int, int] | None = None, filtered: bool = False) -> str:
    """A name that says what the file holds, e.g. ru-cn-arms-tiv-by-year_2014-2022_2026-11-23.csv;
    a year range and "filtered" (values or text chosen) are added when they narrow the rows."""
    today = today or dt.date.today()
    parts = ["ru-cn-" + relation.replace("_", "-"), period.replace("_", "-")]
    if years is not None:
        parts.append(f"{years[0]}-{years[1]}")
    if filtered:
        parts.append("filtered")
    parts.append(today.isoformat())
    return "_".join(parts) + "." + ext


# ----------------------------------------------------------------------------- filters

YEAR_LIMITS = (-9999, 9999)  # years outside these are refused (the slider never offers them)


class FilterError(ValueError):
    """A filter choice that is not valid for the relation; the message lists the valid ones."""


def _shown(value, limit: int = 60) -> str:
    """A refused value as the message quotes it: repr (so control characters and newlines show
    escaped and the message stays one line), cut to its first `limit` characters."""
    text = str(value)
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


@dataclass(frozen=True)
class Filters:
    """The analysts' choices, normalised: equal choices give equal Filters (and equal files)."""

    relation: str
    period: str = ALL_PERIODS
    years: tuple[int, int] | None = None
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()
    text: str = ""

    @property
    def narrowed(self) -> bool:
        """Whether values or text narrow the rows (beyond period and years)."""
        return bool(self.values or self.text)


def choose(database: Database, relation: str, period: str = ALL_PERIODS, years: tuple[int, int] | None = None, values: Mapping[str, Iterable[str]] | None = None, text: str = "") -> Filters:
    """Check choices against the relation and normalise them. A period on a relation without a
    period column is dropped (it could not filter). Raises FilterError naming the valid choices."""
    if relation not in database.columns:
        raise FilterError(f"unknown view {_shown(relation)}; expected one of: {', '.join(database.relations())}")
    columns = database.columns[relation]
    if period != ALL_PERIODS and period not in PERIODS:
        raise FilterError(f"unknown period {_shown(period)}; expected one of: {ALL_PERIODS}, {', '.join(PERIODS)}")
    if PERIOD_COLUMN not in columns:
        period = ALL_PERIODS
    if years is not None:
        if "year" not in columns:
            raise FilterError(f"{relation} has no year column, so it cannot be filtered by year")
        low, high = (int(y) for y in years)
        if not (YEAR_LIMITS[0] <= low <= high <= YEAR_LIMITS[1]):
            raise FilterError(f"year range {low}–{high} is empty or outside {YEAR_LIMITS[0]}–{YEAR_LIMITS[1]}")
        years = (low, high)
    allowed = catalog.filter_columns(database, relation)
    chosen = []
    for column, wanted in sorted((values or {}).items()):
        if column not in allowed:
            raise FilterError(f"unknown filter column {_shown(column)} for {relation}; expected one of: {', '.join(allowed) or '(none: it has no filterable column)'}")
        wanted = tuple(sorted({str(v) for v in wanted}))
        if wanted:
            chosen.append((column, wanted))
    return Filters(relation, period, years, tuple(chosen), str(text).strip()[:MAX_TEXT].strip())


def to_query(f: Filters) -> Query:
    """The one query behind the Data page's table, its downloads and the command line's export."""
    return Query(f.relation, period=f.period, equals=f.values, year_range=f.years, text=f.text)


def describe(f: Filters) -> list[str]:
    """The filters in words, one line each, for a README."""
    lines = [f"period: {period_label(f.period)} ({f.period})"]
    if f.years:
        lines.append(f"years: {f.years[0]} to {f.years[1]} (column year)")
    for column, wanted in f.values:
        lines.append(f"{column}: " + " or ".join(wanted))
    if f.text:
        lines.append(f"text contains (any case, in quotes, notes, titles, names, descriptions): {f.text!r}")
    return lines


def fetch(database: Database, f: Filters) -> pd.DataFrame:
    """The filtered rows (uncached: for the downloads and the command line)."""
    try:
        return database.fetch(to_query(f))
    except UnknownRelation:
        raise FilterError(f"unknown view {_shown(f.relation)}; expected one of: {', '.join(database.relations())}") from None


def command(f: Filters) -> str:
    """The command line that exports the same rows."""
    words = ["python", "-m", "dashboard", "export", f.relation]
    if f.period != ALL_PERIODS:
        words += ["--period", f.period]
    if f.years:
        words += ["--year-from", str(f.years[0]), "--year-to", str(f.years[1])]
    for column, wanted in f.values:
        words += [w for v in wanted for w in ("--filter", f"{column}={v}")]
    if f.text:
        words += ["--text", f.text]
    return shlex.join(words)
