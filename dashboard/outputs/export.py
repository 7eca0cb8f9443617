"""CSV export shared by the app's download buttons and ``python -m dashboard export``.

UTF-8 with a byte-order mark (so spreadsheet programs read names like "Wärtsilä" right),
RFC 4180 quoting, ISO dates, numbers unformatted, and every text cell that a spreadsheet
would run as a formula neutralised with a leading apostrophe.

The analysts' filters are in :mod:`dashboard.outputs.filters` (re-exported here); the Excel and
Parquet writers in :mod:`dashboard.outputs.spreadsheet` and :mod:`dashboard.outputs.parquet`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd


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


_SLUG_WORDS = {"→": " to ", "←": " from ", "–": "-", "—": "-", "&": " and "}
MAX_NAME = 150  # longer names keep a short hash of the filters instead of their values


def slug(text: str, limit: int | None = None) -> str:
    """Text as a file-name part: lower case ASCII letters, digits and single hyphens ("Russia →
    India" → "russia-to-india"); no spaces, arrows or dots."""
    for old, new in _SLUG_WORDS.items():
        text = str(text).replace(old, new)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return (text[:limit].strip("-") if limit else text) or "x"


def file_name(relation: str, period: str, today: dt.date | None = None, *, ext: str = "csv", years: tuple[int, int] | None = None, filtered: bool = False, vintage: str | None = None, parts: Iterable[str] = ()) -> str:
    """A name that says what the file holds, e.g. ru-cn-arms-tiv-by-year_2014-2022_2026-11-23.csv:
    what (always starting ru-cn-), the data release or vintage, the period, the year range, what
    else was filtered (column-value parts, or "filtered") and the date; only [a-z0-9_.-]."""
    today = today or dt.date.today()
    what = slug(relation)
    head = [what if what.startswith("ru-cn") else "ru-cn-" + what]
    if vintage:
        head.append(slug(vintage))
    head.append(slug(period))
    if years is not None:
        head.append(f"{years[0]}-{years[1]}".replace("--", "-minus-"))
    tail = [slug(p, 40) for p in parts] or (["filtered"] if filtered else [])
    name = "_".join([*head, *tail, today.isoformat()])
    if len(name) > MAX_NAME:
        digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = "_".join([*head, f"filtered-{digest}", today.isoformat()])
    return name + "." + ext


# The analysts' filters live in dashboard.outputs.filters; re-exported here for the callers
# that import them from export.
from dashboard.outputs.filters import YEAR_LIMITS, FilterError, Filters, choose, command, describe, rows, to_query  # noqa: E402,F401


def fetch(database, f) -> pd.DataFrame:
    """The filtered rows (uncached: for the downloads and the command line)."""
    return rows(database, f)
