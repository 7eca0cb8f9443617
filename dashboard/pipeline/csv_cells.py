"""Strict reading of a curated CSV file: UTF-8 without BOM, LF line ends, closed quotes; every
refusal a BuildError naming the file, line and column. Used by the build and its checks."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dashboard.core.errors import BuildError

csv.field_size_limit(10_000_000)


def read_csv_cells(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """Read a curated CSV strictly; return its header, its rows and each row's line number."""
    raw = path.read_bytes()
    if not raw.strip():
        raise BuildError(path, "the file is empty", line=1, expected="a header row naming the table's columns, then one row per record")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise BuildError(path, "the file starts with a byte-order mark (BOM)", line=1, expected="UTF-8 without BOM (save as 'UTF-8', not 'UTF-8 with BOM')")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line_no = raw[: e.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, e.start) + 1
        prefix = raw[line_start: e.start].decode("utf-8", errors="replace")
        col_index = len(next(csv.reader([prefix]), [""])) - 1
        header = next(csv.reader([raw.split(b"\n", 1)[0].decode("utf-8", errors="replace")]), [])
        column = header[col_index] if 0 <= col_index < len(header) else f"#{col_index + 1}"
        bad = raw[e.start: e.start + 4]
        raise BuildError(path, f"bytes that are not UTF-8 ({bad!r}; Latin-1 or Windows-1252?)", line=line_no, column=column, expected="UTF-8 text (re-save the file as UTF-8)") from None
    if "\r" in text:
        line_no = text[: text.index("\r")].count("\n") + 1
        raise BuildError(path, "Windows (CRLF) or old Mac (CR) line ends", line=line_no, expected="Unix line ends (LF)")

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        header = next(reader)
        start = reader.line_num + 1
        for row in reader:
            if row:  # a blank line is skipped, never a record
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        raise BuildError(path, f"malformed CSV ({e}); a quoted field is probably not closed", line=start, expected='every opening " closed by a " before the next comma or line end; a " inside a quoted field doubled as ""') from None
    return header, rows, lines
