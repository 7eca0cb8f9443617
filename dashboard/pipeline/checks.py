"""Checks across tables that a column constraint cannot express, run by the build after every
table is loaded and before any view is created. Each raises BuildError naming file, line, column.

* :func:`check_periods_tile`: the periods follow one another without gap or overlap, by date and
  by year, so that every date and every year falls in exactly one period.
* :func:`check_quotes_in_sources`: every quote of a source that is one of the two documents
  (``sources.seed_file`` set) appears in that document, checked against its fingerprint
  ``data/fingerprints/<source_id>.txt`` (see :mod:`dashboard.pipeline.curate.fingerprints`): every run of
  four words of the quote must be a run of four words of the document. The documents themselves
  are not in the project; the fingerprints are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from dashboard.core.errors import BuildError
from dashboard.core.paths import relative
from dashboard.pipeline.csv_cells import read_csv_cells
from dashboard.pipeline.curate.fingerprints import SHINGLE_WORDS, fingerprint_path, read_fingerprint, shingle_hashes, words

REGENERATE = "python -m dashboard.pipeline.curate fingerprints ../shared/seeds"


def run_all(con: duckdb.DuckDBPyConnection, tables: list, data_dir: Path) -> None:
    """Every cross-table check, in order; the first failure stops the build."""
    by_name = {t.name: t for t in tables}
    if "periods" in by_name:
        check_periods_tile(con, by_name["periods"])
    if "sources" in by_name:
        check_quotes_in_sources(con, tables, by_name["sources"], data_dir)


# ----------------------------------------------------------------------------- rows → lines


def _csv_line(t, rowid: int, match: dict[str, str]) -> int | None:
    """The CSV line of the row the build inserted as ``rowid`` (rows are inserted in file order);
    checked against ``match`` (column → cell text), else found by it."""

    header, rows, lines = read_csv_cells(t.csv_path)
    idx = {c: header.index(c) for c in match}

    def fits(row: list[str]) -> bool:
        return all(row[i] == match[c] for c, i in idx.items())

    if 0 <= rowid < len(rows) and fits(rows[rowid]):
        return lines[rowid]
    return next((line for row, line in zip(rows, lines) if fits(row)), None)


# ----------------------------------------------------------------------------- periods


def check_periods_tile(con: duckdb.DuckDBPyConnection, t) -> None:
    """Each period starts the day after the previous one ends, and its years follow on."""
    rows = con.execute("select rowid, period_id, start_date, end_date, first_year, last_year from periods order by sort_order").fetchall()
    for prev, cur in zip(rows, rows[1:]):
        line = _csv_line(t, cur[0], {"period_id": cur[1]})
        if cur[2] != prev[3] + dt.timedelta(days=1):
            raise BuildError(t.csv_path, f"period {cur[1]!r} starts on {cur[2]}, but {prev[1]!r} ends on {prev[3]}", line=line, column="start_date",
                             expected=f"{prev[3] + dt.timedelta(days=1)}, the day after the previous period (in sort_order) ends, so every date falls in exactly one period")
        if cur[4] != prev[5] + 1:
            raise BuildError(t.csv_path, f"period {cur[1]!r} has first_year {cur[4]}, but {prev[1]!r} has last_year {prev[5]}", line=line, column="first_year",
                             expected=f"{prev[5] + 1}, the year after the previous period's last_year, so every year falls in exactly one period")


# ----------------------------------------------------------------------------- quotes


def check_quotes_in_sources(con: duckdb.DuckDBPyConnection, tables: list, sources_table, data_dir: Path) -> None:
    documents = dict(con.execute("select source_id, seed_file from sources where seed_file is not null order by source_id").fetchall())
    quoted = [t for t in tables if {"quote", "source_id"} <= {c.name for c in t.columns}]
    fingerprints: dict[str, set[str]] = {}

    def fingerprint(source_id: str) -> set[str]:
        if source_id not in fingerprints:
            path = fingerprint_path(data_dir, source_id)
            if not path.is_file():
                rowid = con.execute("select rowid from sources where source_id = ?", [source_id]).fetchall()[0][0]
                raise BuildError(sources_table.csv_path, f"source {source_id!r} names seed file {documents[source_id]!r} but there is no fingerprint {relative(path)}, so its quotes cannot be checked",
                                 line=_csv_line(sources_table, rowid, {"source_id": source_id}), column="seed_file", expected=f"the fingerprint written by `{REGENERATE}`")
            fields, hashes = read_fingerprint(path)
            if fields.get("source_id") != source_id or fields.get("seed_file") != documents[source_id]:
                raise BuildError(path, f"the fingerprint is of {fields.get('source_id')!r} / {fields.get('seed_file')!r}, but data/sources.csv gives {source_id!r} the seed file {documents[source_id]!r}",
                                 line=1, expected=f"a fingerprint regenerated with `{REGENERATE}`")
            fingerprints[source_id] = hashes
        return fingerprints[source_id]

    if not documents:
        return
    marks = ", ".join("?" for _ in documents)
    for t in quoted:
        rows = con.execute(f'select rowid, source_id, "quote" from "{t.name}" where "quote" is not null and source_id in ({marks}) order by rowid', list(documents)).fetchall()
        for rowid, source_id, quote in rows:
            problem = None
            n = len(words(quote))
            if n < SHINGLE_WORDS:
                problem = f"the quote has {n} word{'s' if n != 1 else ''}, too few to check that it appears in source {source_id}"
                expected = f"a verbatim passage of at least {SHINGLE_WORDS} words of {documents[source_id]}"
            else:
                known = fingerprint(source_id)
                if any(h not in known for h in shingle_hashes(quote)):
                    problem = f"the quote does not appear in source {source_id} ({documents[source_id]}): {_gist(quote, known)}"
                    expected = f"a passage copied verbatim from {documents[source_id]} (whitespace, punctuation and quote marks aside); if the document changed, regenerate the fingerprints with `{REGENERATE}`"
            if problem:
                line = _csv_line(t, rowid, {"source_id": source_id, "quote": quote})
                raise BuildError(t.csv_path, problem, line=line, column="quote", expected=expected)


def _gist(quote: str, known: set[str]) -> str:
    """Where the quote leaves the document: the first run of words that is not in it."""
    w = words(quote)
    hashes = shingle_hashes(quote)
    for i, h in enumerate(hashes):
        if h not in known:
            return "no passage reads " + repr(" ".join(w[i:i + SHINGLE_WORDS]))
    return repr(quote)
