"""Read the built database: a read-only connection, a cursor per query, values bound as parameters.

A relation is named only from the list the build recorded in ``meta_relations``; a column only
from that relation's own columns. Everything else reaches SQL as a bound parameter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # DuckDB's .df() imports pandas itself: the build never needs it
    import pandas as pd

PERIODS = ("before_2014", "2014_2022", "since_2022")
ALL_PERIODS = "all"
PERIOD_COLUMN = "period_id"
# Every period a row's dated interval overlaps (a DuckDB list): where a relation has it, the period
# filter keeps a row whose date straddles a cut under each period it may belong to.
PERIODS_COLUMN = "period_ids"
MAX_TEXT = 200  # longer free-text filters are cut: nothing in the data is that long to search for


class UnknownRelation(LookupError):
    """A name that is not a table or view the build created."""


@dataclass(frozen=True)
class Query:
    """What to read: a relation, and filters whose values are always bound parameters."""

    relation: str
    period: str = ALL_PERIODS
    equals: tuple[tuple[str, object], ...] = ()
    year_range: tuple[int, int] | None = None
    text: str = ""
    order_by: tuple[str, ...] = ()
    limit: int | None = None


@dataclass
class Database:
    path: Path
    con: duckdb.DuckDBPyConnection = field(init=False)
    columns: dict[str, list[str]] = field(init=False)
    kinds: dict[str, str] = field(init=False)
    stored_as: dict[str, str] = field(init=False)  # 'table' for tables and materialised views
    #: The filter a page reads a view with, where its sidecar names one (`read_with`): a view too
    #: costly to read whole, such as the release diffs, which pair every release with every other.
    read_with: dict[str, dict] = field(init=False)
    #: Rows of statements kept for the instance's life by their readers (pipeline.catalog): the file
    #: is attached read-only and never changes under a Database.
    memo: dict = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # A private in-memory DuckDB with the file attached read-only, not duckdb.connect(path):
        # DuckDB keeps one instance per path and hands it out again, so after a rebuild replaced
        # the file, connect(path) would go on reading the old, replaced file (duckdb#15912).
        self.con = duckdb.connect(":memory:")
        self.con.execute("attach '" + str(self.path).replace("'", "''") + "' as db (read_only)")
        self.con.execute("use db")
        # Nothing beyond that file: no reading or writing other files, attaching, or extensions.
        self.con.execute("set enable_external_access = false")
        self.con.execute("set lock_configuration = true")
        rows = self._run("select name, kind, stored_as, read_with from meta_relations order by name", [])
        self.kinds = {name: kind for name, kind, _, _ in rows}
        self.stored_as = {name: stored for name, _, stored, _ in rows}
        self.read_with = {name: json.loads(filters) for name, _, _, filters in rows if filters}
        cols = self._run(
            "select table_name, list(column_name order by ordinal_position) from information_schema.columns "
            "where table_catalog = 'db' and table_schema = 'main' group by table_name",
            [],
        )
        self.columns = {name: list(c) for name, c in cols if name in self.kinds}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for one query (DuckDB connections are not shared across threads),
        reading the attached file (a cursor does not inherit the connection's USE)."""
        cur = self.con.cursor()
        cur.execute("use db")
        return cur

    def _run(self, sql: str, params: list) -> list[tuple]:
        cur = self.cursor()
        try:
            return cur.execute(sql, params).fetchall()
        finally:
            cur.close()

    def views(self) -> list[str]:
        return sorted(n for n, k in self.kinds.items() if k == "view")

    def relations(self) -> list[str]:
        return sorted(self.kinds)

    def has_column(self, relation: str, column: str) -> bool:
        return column in self.columns.get(relation, [])

    def fetch(self, q: Query) -> pd.DataFrame:
        sql, params = compile_query(q, self.columns)
        cur = self.cursor()
        try:
            return cur.execute(sql, params).df()
        finally:
            cur.close()

    def count(self, q: Query) -> int:
        """How many rows the query matches (its limit and order ignored)."""
        sql, params = compile_query(Query(q.relation, q.period, q.equals, q.year_range, q.text), self.columns)
        return self._run("select count(*) from (" + sql + ")", params)[0][0]

    def distinct(self, q: Query, columns: tuple[str, ...]) -> list[str]:
        """The distinct non-empty text values of some columns over every row the query matches (its
        limit ignored); columns the relation lacks are skipped."""
        sql, params = compile_query(Query(q.relation, q.period, q.equals, q.year_range, q.text), self.columns)
        cols = [c for c in columns if c in self.columns[q.relation]]
        if not cols:
            return []
        union = " union ".join(f"select {quote_ident(c)}::varchar as v from (" + sql + ")" for c in cols)
        rows = self._run("select v from (" + union + ") where v is not null and v <> '' order by v", params * len(cols))
        return [r[0] for r in rows]

    def build_info(self) -> dict:
        row = self._run("select built_at_utc, app_version, data_vintage from meta_build", [])[0]
        return {"built_at": row[0], "app_version": row[1], "data_vintage": row[2]}

    def column_docs(self, relation: str) -> dict[str, dict]:
        rows = self._run("select column_name, description, unit from meta_columns where relation = ?", [relation])
        return {c: {"description": d, "unit": u} for c, d, u in rows}

    def close(self) -> None:
        self.con.close()


def quote_ident(name: str) -> str:
    """A table, view or column name as a quoted SQL identifier. Names cannot be bound parameters:
    they come from the build's own list (the files under queries/ and the catalog), never from a
    reader, and are quoted here, once for every layer."""
    return '"' + name.replace('"', '""') + '"'


def compile_query(q: Query, columns: dict[str, list[str]]) -> tuple[str, list]:
    """Turn a Query into SQL text and its parameters; names are checked, values are bound."""
    if q.relation not in columns:
        raise UnknownRelation(q.relation)
    cols = columns[q.relation]
    where: list[str] = []
    params: list = []
    if q.period != ALL_PERIODS:
        if q.period not in PERIODS:
            raise ValueError(f"unknown period {q.period!r}")
        if PERIODS_COLUMN in cols:
            where.append("list_contains(" + quote_ident(PERIODS_COLUMN) + ", ?)")
            params.append(q.period)
        elif PERIOD_COLUMN in cols:
            where.append(quote_ident(PERIOD_COLUMN) + " = ?")
            params.append(q.period)
    for column, value in q.equals:
        if column not in cols:
            raise KeyError(f"{q.relation} has no column {column!r}")
        if isinstance(value, (list, tuple)):
            if not value:
                where.append("false")
                continue
            where.append(quote_ident(column) + " in (" + ", ".join("?" for _ in value) + ")")
            params.extend(value)
        else:
            where.append(quote_ident(column) + " = ?")
            params.append(value)
    if q.year_range is not None and "year" in cols:
        where.append(quote_ident("year") + " between ? and ?")
        params.extend([int(q.year_range[0]), int(q.year_range[1])])
    text = q.text.strip()[:MAX_TEXT]
    if text:
        searchable = [c for c in cols if c in ("quote", "evidence", "note", "title", "description", "designation", "comments", "name", "statement", "system", "topic")]
        if searchable:
            where.append("(" + " or ".join(f"contains(lower(coalesce({quote_ident(c)}::varchar, '')), lower(?))" for c in searchable) + ")")
            params.extend([text] * len(searchable))
        else:
            where.append("false")
    parts = ["select * from " + quote_ident(q.relation)]
    if where:
        parts.append("where " + " and ".join(where))
    order = [c for c in q.order_by if c.lstrip("-") in cols]
    if order:
        parts.append("order by " + ", ".join(quote_ident(c.lstrip("-")) + (" desc" if c.startswith("-") else "") for c in order))
    if q.limit is not None:
        parts.append("limit ?")
        params.append(max(0, int(q.limit)))
    return " ".join(parts), params
