"""CSV export shared by the app's download buttons and ``python -m dashboard export``.

UTF-8 with a byte-order mark (so spreadsheet programs read names like "Wärtsilä" right),
RFC 4180 quoting, ISO dates, numbers unformatted, and every text cell that a spreadsheet
would run as a formula neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import numbers

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
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_cell(v) for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def file_name(relation: str, period: str, today: dt.date | None = None) -> str:
    """A name that says what the file holds, e.g. ru-cn-arms-tiv-by-year_2014-2022_2026-11-23.csv."""
    today = today or dt.date.today()
    stem = "ru-cn-" + relation.replace("_", "-")
    return f"{stem}_{period.replace('_', '-')}_{today.isoformat()}.csv"
