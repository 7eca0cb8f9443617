"""Build the DuckDB database from the curated CSV files in data/ and the SQL files in queries/.

Order of work, all into a temporary file that replaces the database only when every step passed:

1. tables: each ``queries/tables/<t>.sql`` holds one ``create table``; they run in foreign-key order;
2. data: each ``data/<t>.csv`` is checked (UTF-8, CSV structure, header, types, NOT NULL, keys,
   foreign keys, CHECK constraints) and loaded with the column types of its table, never guessed;
3. metadata: each ``data/<t>.meta.yaml`` sidecar is checked and stored in ``meta_*`` tables;
4. views: each ``queries/{staging,marts}/<v>.sql`` holds one ``create view <v>``; they are created
   in dependency order (staging first).

Every problem raises :class:`BuildError`, naming the file, the line and the column.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from dashboard import __version__
from dashboard.core.db import quote_ident
from dashboard.core.errors import BuildError
from dashboard.core.paths import DATA_DIR, QUERIES_DIR, TABLES_DIR, VIEW_LAYERS, relative
from dashboard.pipeline import checks
from dashboard.pipeline.csv_cells import read_csv_cells
from dashboard.pipeline.metadata import YAML_LOADER, Sidecar, insert_rows, line_of, load_sidecar, relation_columns, replace_column_docs, store_view_sidecars

# Views in these layers are stored as tables (see create_view()); the staging
# layer stays as views: it renames and casts, and only the marts read it, once, at build time.
MATERIALISED_LAYERS = ("marts",)
#: A view outside those layers is stored as a table too when its SQL file says so: a staging view
#: that many views read (the dated rows) or that is costly to recompute (SIPRI per-year deals).
MATERIALISE_MARK = "-- materialise: table"
#: Below this much CSV the build runs DuckDB on one thread: its statements are many and small, and
#: on two cores the thread pool costs more than it gains (real data, 20 MB: 2.33 → 2.07 s in build());
#: the ×100 copy of bench/scale.py (2 GB) keeps DuckDB's default (one thread: 286 → 521 s).
ONE_THREAD_BELOW_BYTES = 200_000_000
# Descriptions of the columns views derive: queries/columns.yaml.
COLUMN_DOCS = "columns.yaml"

# What a cell must look like, by column type (DuckDB's casts alone are too lenient: '3.5' → 4).
_CELL_PATTERNS = {
    "integer": (r"-?[0-9]+", "a whole number such as 12"),
    "number": (r"-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?", "a number such as 12 or 3.5"),
    "date": (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "an ISO date YYYY-MM-DD such as 2022-02-24"),
    "boolean": (r"true|false", "true or false"),
}
_CELL_MATCHERS = {kind: re.compile(pattern).fullmatch for kind, (pattern, _) in _CELL_PATTERNS.items()}
_INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"}
_NUMBER_TYPES = {"DOUBLE", "FLOAT", "REAL"}
_CREATE_TABLE = re.compile(r"^\s*create\s+table\s+([a-z_][a-z0-9_]*)\s*\(", re.IGNORECASE | re.MULTILINE)
_CREATE_VIEW = re.compile(r"^\s*create\s+view\s+([a-z_][a-z0-9_]*)\s+as\b", re.IGNORECASE | re.MULTILINE)
_CREATE_VIEW_WORD = re.compile(r"^\s*create\s+(view)\s+[a-z_][a-z0-9_]*\s+as\b", re.IGNORECASE | re.MULTILINE)
_REFERENCES = re.compile(r"\breferences\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)
_SQL_COMMENT = re.compile(r"--[^\n]*")
_STRING_LITERAL = re.compile(r"'(?:[^']|'')*'")


def _cell_kind(sql_type: str) -> str | None:
    base = sql_type.upper().split("(")[0].strip()
    if base in _INTEGER_TYPES:
        return "integer"
    if base in _NUMBER_TYPES or base == "DECIMAL":
        return "number"
    if base == "DATE":
        return "date"
    if base == "BOOLEAN":
        return "boolean"
    if base == "VARCHAR":
        return None
    raise ValueError(sql_type)


@dataclass
class Column:
    name: str
    sql_type: str
    nullable: bool


@dataclass
class Table:
    name: str
    ddl_path: Path
    ddl: str
    csv_path: Path
    references: set[str] = field(default_factory=set)
    columns: list[Column] = field(default_factory=list)


@dataclass
class View:
    name: str
    layer: str
    path: Path
    sql: str
    depends_on: set[str] = field(default_factory=set)


@dataclass
class BuildReport:
    db_path: Path
    tables: dict[str, int]
    views: list[str]
    seconds: float


# ----------------------------------------------------------------------------- discovery


def _strip_comments(sql: str) -> str:
    return _SQL_COMMENT.sub("", sql)


def discover_tables(data_dir: Path = DATA_DIR, tables_dir: Path = TABLES_DIR) -> list[Table]:
    """Pair each data/<t>.csv with queries/tables/<t>.sql and order them by foreign keys."""
    csvs = {p.stem: p for p in sorted(data_dir.glob("*.csv"))}
    ddls = {p.stem: p for p in sorted(tables_dir.glob("*.sql"))}
    for name, path in csvs.items():
        if name not in ddls:
            raise BuildError(path, "this data file has no table definition", expected=f"a file {relative(tables_dir / (name + '.sql'))} with `create table {name} (...)`")
    for name, path in ddls.items():
        if name not in csvs:
            raise BuildError(path, "this table definition has no data file", expected=f"a data file {relative(data_dir / (name + '.csv'))}")
    tables: dict[str, Table] = {}
    for name, path in ddls.items():
        sql = _read_sql(path)
        code = _strip_comments(sql)
        found = _CREATE_TABLE.findall(code)
        if found != [name]:
            raise BuildError(path, f"expected exactly one `create table {name}`; found {found or 'none'}", line=1)
        refs = {r.lower() for r in _REFERENCES.findall(code)} - {name}
        tables[name] = Table(name, path, sql, csvs[name], refs)
    for t in tables.values():
        for ref in t.references:
            if ref not in tables:
                raise BuildError(t.ddl_path, f"references unknown table {ref!r}", expected="a table defined under queries/tables/")
    return _toposort(tables, lambda t: t.references, lambda t: t.ddl_path)


def discover_views(queries_dir: Path = QUERIES_DIR) -> list[View]:
    """Every queries/<layer>/<v>.sql, in dependency order (staging before marts)."""
    views: dict[str, View] = {}
    for layer in VIEW_LAYERS:
        for path in sorted((queries_dir / layer).glob("*.sql")):
            sql = _read_sql(path)
            found = _CREATE_VIEW.findall(_strip_comments(sql))
            if [f.lower() for f in found] != [path.stem]:
                raise BuildError(path, f"expected exactly one `create view {path.stem} as ...` (the view is named after its file); found {found or 'none'}", line=1)
            if path.stem in views:
                raise BuildError(path, f"a view named {path.stem!r} is already defined in {relative(views[path.stem].path)}")
            views[path.stem] = View(path.stem, layer, path, sql)
    names = set(views)
    for v in views.values():
        words = set(re.findall(r"[a-z_][a-z0-9_]*", _strip_comments(v.sql).lower()))
        v.depends_on = (words & names) - {v.name}
        if v.layer == "staging":
            for dep in v.depends_on:
                if views[dep].layer != "staging":
                    raise BuildError(v.path, f"a staging view may not read the page view {dep!r}", expected="staging views read tables and other staging views only")
    return _toposort(views, lambda v: v.depends_on, lambda v: v.path)


def _toposort(items: dict, deps, path_of) -> list:
    done: list = []
    state: dict[str, int] = {}

    def visit(name: str, chain: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cycle = " → ".join(chain[chain.index(name):] + [name])
            raise BuildError(path_of(items[name]), f"circular dependency: {cycle}")
        state[name] = 1
        for dep in sorted(deps(items[name])):
            visit(dep, chain + [name])
        state[name] = 2
        done.append(items[name])

    for name in sorted(items):
        visit(name, [])
    return done


def _read_sql(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise BuildError(path, f"bytes that are not UTF-8 at byte {e.start}", line=path.read_bytes()[: e.start].count(b"\n") + 1, expected="UTF-8 text") from None


# ----------------------------------------------------------------------------- loading


def _table_columns(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, list[Column]]:
    """Each table's columns, in order, in one query."""
    out: dict[str, list[Column]] = {t: [] for t in tables}
    for table, name, sql_type, nullable in con.execute(
        "select table_name, column_name, data_type, is_nullable from information_schema.columns "
        "where table_name in (select unnest(?::varchar[])) order by table_name, ordinal_position",
        [tables],
    ).fetchall():
        out[table].append(Column(name, sql_type, nullable == "YES"))
    return out


def _check_header(t: Table, header: list[str]) -> None:
    expected = [c.name for c in t.columns]
    if header == expected:
        return
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    dupes = sorted({c for c in header if header.count(c) > 1})
    if dupes:
        raise BuildError(t.csv_path, f"column {dupes[0]!r} appears more than once in the header", line=1, column=dupes[0], expected=", ".join(expected))
    if missing:
        raise BuildError(t.csv_path, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}", line=1, column=missing[0], expected="the header " + ",".join(expected))
    if extra:
        why = ("; never type a period: the staging views derive it from the row's date or year (data/periods.csv)"
               if "period_id" in extra and t.name != "periods" else "")
        raise BuildError(t.csv_path, f"unexpected column{'s' if len(extra) > 1 else ''} {', '.join(extra)} (not in {relative(t.ddl_path)}){why}", line=1, column=extra[0], expected="the header " + ",".join(expected))
    raise BuildError(t.csv_path, "the columns are in a different order from the table definition", line=1, expected="the header " + ",".join(expected))


#: A table definition whose first lines include this comment is an upstream snapshot: a large file
#: written only by a curate command (byte for byte from checked raw files), loaded with DuckDB's typed
#: CSV reader instead of the cell-by-cell check. Keys, foreign keys, CHECKs and NOT NULL are still
#: enforced; only the per-cell patterns (e.g. 'true'/'false' spelled exactly) are DuckDB's.
_SNAPSHOT_MARK = re.compile(r"^--\s*load:\s*upstream snapshot\s*$", re.MULTILINE)


def load_snapshot(con: duckdb.DuckDBPyConnection, t: Table) -> int:
    """Load an upstream snapshot (see _SNAPSHOT_MARK) with read_csv, typed by its table; return its rows."""
    raw = t.csv_path.read_bytes()
    first = raw.split(b"\n", 1)[0]
    if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
        read_csv_cells(t.csv_path)  # raises the precise error (BOM, CRLF)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        read_csv_cells(t.csv_path)
    _check_header(t, next(csv.reader([first.decode("utf-8")])))
    reader = _csv_reader(t, typed=True)
    names = ", ".join(quote_ident(c.name) for c in t.columns)
    # The database enforces NOT NULL, keys, foreign keys and CHECKs on insert: a good file is loaded
    # in one pass; only a refused one is read again below, to name the line and column at fault.
    n = _insert_read(con, t, names, reader)
    if n:
        return n
    try:
        con.execute(f"create temp table _typed as select (row_number() over ()) + 1 as _line, * from {reader}", [str(t.csv_path)])
    except duckdb.Error as e:
        m = re.search(r"[Ll]ine:? (\d+)", str(e))
        raise BuildError(t.csv_path, f"DuckDB's CSV reader refused the file: {_short(e)}", line=int(m.group(1)) if m else None,
                         expected=f"the file as the curate command writes it, typed as {relative(t.ddl_path)}") from None
    try:
        n = con.execute("select count(*) from _typed").fetchall()[0][0]
        if not n:
            raise BuildError(t.csv_path, "the file has a header but no rows", line=2, expected="at least one row of data")
        required = [c for c in t.columns if not c.nullable]
        if required:
            firsts = _first(con.execute("select " + ", ".join(f"min(_line) filter (where {quote_ident(c.name)} is null)" for c in required) + " from _typed"))
            for c, line in zip(required, firsts):
                if line is not None:
                    raise BuildError(t.csv_path, "empty value in a column that requires one", line=line, column=c.name, expected=f"a value ({c.sql_type})")
        _check_constraints(con, t)
        try:
            con.execute(f"insert into {quote_ident(t.name)} ({names}) select {names} from _typed order by _line")
        except duckdb.Error as e:
            raise BuildError(t.csv_path, f"the database refused the rows: {_short(e)}", expected=f"rows that satisfy {relative(t.ddl_path)}") from None
        return n
    finally:
        con.execute("drop table if exists _typed")


def _csv_reader(t: Table, *, typed: bool) -> str:
    """DuckDB's CSV reader over a file as the curate commands and curators write it (LF, '"' quotes,
    an empty cell is NULL), with the table's columns: typed, or every cell as text."""
    columns = "{" + ", ".join(f"'{c.name}': '{c.sql_type if typed else 'VARCHAR'}'" for c in t.columns) + "}"
    return ("read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', new_line = '\\n', nullstr = '', "
            f"auto_detect = false, columns = {columns})")


def _insert_read(con: duckdb.DuckDBPyConnection, t: Table, select: str, reader: str, expect_rows: int | None = None) -> int | None:
    """One statement: insert ``select`` over ``reader`` into the table; the rows inserted, or None
    (the table left empty) when the database refused them or they are not the rows expected."""
    try:
        n = con.execute(f"insert into {quote_ident(t.name)} ({', '.join(quote_ident(c.name) for c in t.columns)}) select {select} from {reader}",
                        [str(t.csv_path)]).fetchall()[0][0]
    except duckdb.Error:
        return None  # the failed statement inserted nothing
    if expect_rows is not None and n != expect_rows:
        con.execute(f"delete from {quote_ident(t.name)}")
        return None
    return n


def _cells_fit(t: Table, rows: list[list[str]]) -> bool:
    """Every non-empty cell of a typed column matches its pattern (see _CELL_PATTERNS)."""
    for i, c in enumerate(t.columns):
        kind = _cell_kind(c.sql_type)
        if kind is None:
            continue
        fits = _CELL_MATCHERS[kind]
        if not all(fits(row[i]) for row in rows if row[i] != ""):
            return False
    return True


def load_table(con: duckdb.DuckDBPyConnection, t: Table) -> int:
    """Check one CSV against its table and load it; return the number of rows.

    A file whose cells all fit their types is loaded in one statement by DuckDB's CSV reader (the
    database enforces NOT NULL, keys, foreign keys and CHECKs on insert, and the count must be the
    rows read here); any refusal is checked again column by column, to name the line and column."""
    if _SNAPSHOT_MARK.search(t.ddl):
        return load_snapshot(con, t)
    header, rows, lines = read_csv_cells(t.csv_path)
    _check_header(t, header)
    if not rows:
        raise BuildError(t.csv_path, "the file has a header but no rows", line=2, expected="at least one row of data")
    width = len(header)
    for row, line in zip(rows, lines):
        if len(row) != width:
            raise BuildError(t.csv_path, f"this row has {len(row)} fields, the header has {width}", line=line, expected="one field per column; quote a field that contains a comma")
    if _cells_fit(t, rows):
        casts = ", ".join(f"cast({quote_ident(c.name)} as {c.sql_type})" for c in t.columns)
        n = _insert_read(con, t, casts, _csv_reader(t, typed=False), expect_rows=len(rows))
        if n is not None:
            return n

    import pandas as pd  # only a refused file comes here: the checks below name its line and column

    frame = pd.DataFrame(rows, columns=header, dtype=object)  # an empty cell becomes NULL in _raw
    frame.insert(0, "_line", lines)
    con.register("_incoming", frame)
    try:
        return _check_and_insert(con, t)
    finally:
        con.unregister("_incoming")
        con.execute("drop table if exists _raw; drop table if exists _typed")


def _check_and_insert(con: duckdb.DuckDBPyConnection, t: Table) -> int:
    cols = t.columns
    con.execute("create temp table _raw as select " + ", ".join(["_line::integer as _line"] + [f"nullif({quote_ident(c.name)}::varchar, '') as {quote_ident(c.name)}" for c in cols]) + " from _incoming")

    def first_bad(where_sql: str, params=(), select: str = "") -> tuple | None:
        return _first(con.execute("select _line" + select + " from _raw where " + where_sql + " order by _line limit 1", list(params)))

    # One scan finds, for every column, the first line with an empty required cell and the first
    # with a malformed value; errors are then reported column by column, in the file's order.
    probes, params = [], []
    for c in cols:
        q = quote_ident(c.name)
        probes.append(f"min(_line) filter (where {q} is null)" if not c.nullable else "null")
        kind = _cell_kind(c.sql_type)
        if kind is None:
            probes.append("null")
        else:
            probes.append(f"min(_line) filter (where {q} is not null and (not regexp_full_match({q}, ?) or try_cast({q} as {c.sql_type}) is null))")
            params.append(_CELL_PATTERNS[kind][0])
    firsts = _first(con.execute("select " + ", ".join(probes) + " from _raw", params))
    for i, c in enumerate(cols):
        empty, malformed = firsts[2 * i], firsts[2 * i + 1]
        if empty is not None:
            raise BuildError(t.csv_path, "empty value in a column that requires one", line=empty, column=c.name, expected=f"a value ({c.sql_type})")
        if malformed is not None:
            value = first_bad("_line = ?", [malformed], ", " + quote_ident(c.name))[1]
            raise BuildError(t.csv_path, f"{value!r} is not a valid {c.sql_type.lower()}", line=malformed, column=c.name, expected=_CELL_PATTERNS[_cell_kind(c.sql_type)][1])

    con.execute("create temp table _typed as select _line, " + ", ".join(f"cast({quote_ident(c.name)} as {c.sql_type}) as {quote_ident(c.name)}" for c in cols) + " from _raw")
    _check_constraints(con, t)
    n = con.execute("select count(*) from _typed").fetchall()[0][0]
    names = ", ".join(quote_ident(c.name) for c in cols)
    try:
        con.execute(f"insert into {quote_ident(t.name)} ({names}) select {names} from _typed order by _line")
    except duckdb.Error as e:  # a constraint the checks above did not foresee
        raise BuildError(t.csv_path, f"the database refused the rows: {_short(e)}", expected=f"rows that satisfy {relative(t.ddl_path)}") from None
    return n


def _check_constraints(con: duckdb.DuckDBPyConnection, t: Table) -> None:
    constraints = con.execute(
        "select constraint_type, constraint_column_names, expression, referenced_table, referenced_column_names "
        "from duckdb_constraints() where table_name = ? order by constraint_index",
        [t.name],
    ).fetchall()
    for ctype, colnames, expression, ref_table, ref_cols in constraints:
        colnames = list(dict.fromkeys(colnames))
        keys = ", ".join(quote_ident(c) for c in colnames)
        if ctype in ("PRIMARY KEY", "UNIQUE"):
            dup = _first(con.execute(
                f"select list(_line order by _line), {keys} from _typed where " + " and ".join(f"{quote_ident(c)} is not null" for c in colnames)
                + f" group by {keys} having count(*) > 1 order by min(_line) limit 1"
            ))
            if dup:
                value = ", ".join(repr(v) for v in dup[1:])
                raise BuildError(t.csv_path, f"duplicate {'primary key' if ctype == 'PRIMARY KEY' else 'unique value'} {value}, also on line {dup[0][0]}", line=dup[0][1], column=", ".join(colnames), expected=f"each {', '.join(colnames)} only once")
        elif ctype == "CHECK":
            try:
                bad = _first(con.execute(f"select _line, {keys} from _typed where not coalesce(({expression}), true) order by _line limit 1"))
            except duckdb.Error as e:  # e.g. a cast inside the check that some row's value cannot take
                raise BuildError(t.ddl_path, f"the check {expression} could not be evaluated on {relative(t.csv_path)}: {_short(e)}", expected="a check that evaluates on every row (use try_cast)") from None
            if bad:
                values = ", ".join(f"{c}={_show(v)}" for c, v in zip(colnames, bad[1:]))
                raise BuildError(t.csv_path, f"{values} fails the check {expression}", line=bad[0], column=", ".join(colnames), expected=f"a value that satisfies {expression} (see {relative(t.ddl_path)})")
        elif ctype == "FOREIGN KEY":
            cond = " and ".join(f"r.{quote_ident(rc)} = t.{quote_ident(c)}" for c, rc in zip(colnames, ref_cols))
            notnull = " and ".join(f"t.{quote_ident(c)} is not null" for c in colnames)
            bad = _first(con.execute(
                f"select t._line, {', '.join('t.' + quote_ident(c) for c in colnames)} from _typed t where {notnull} "
                f"and not exists (select 1 from {quote_ident(ref_table)} r where {cond}) order by t._line limit 1"
            ))
            if bad:
                value = ", ".join(repr(v) for v in bad[1:])
                raise BuildError(t.csv_path, f"unknown {', '.join(ref_cols)} {value}: no such row in {ref_table}", line=bad[0], column=", ".join(colnames), expected=f"a {', '.join(ref_cols)} listed in data/{ref_table}.csv")


def _show(value) -> str:
    """A value as the curator typed it: dates as ISO text, strings quoted."""
    return repr(value) if isinstance(value, str) else str(value)


def _first(result) -> tuple | None:
    """The first row of a result, reading it to the end (DuckDB wants results finished)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def _short(e: Exception) -> str:
    return str(e).strip().splitlines()[0]


def _check_sidecar_sources(con: duckdb.DuckDBPyConnection, sidecars: dict[str, Sidecar]) -> None:
    known = {r[0] for r in con.execute("select source_id from sources").fetchall()}
    for s in sidecars.values():
        for source_id in s.sources:
            if source_id not in known:
                raise BuildError(s.path, f"unknown source id {source_id!r} in 'sources'", line=line_of(s.path, "sources"), expected="a source_id listed in data/sources.csv")


# ----------------------------------------------------------------------------- views


def create_view(con: duckdb.DuckDBPyConnection, v: View) -> None:
    """Run a view's SQL file: as a view, or, where it is materialised (see is_materialised), as a
    table of the same name (dbt's `table` materialisation): the SQL file stays the definition, and a
    page's query reads stored rows instead of recomputing the chain of views under it (the register's
    unnest, joins, aggregates) on every rerun. Only the word `view` of `create view` is changed, so a
    DuckDB error keeps its place in the file."""
    try:
        statements = con.extract_statements(v.sql)
    except duckdb.Error as e:
        raise _sql_error(v, e) from None
    if len(statements) != 1:
        raise BuildError(v.path, f"expected one SQL statement, found {len(statements)}", expected=f"only `create view {v.name} as ...`")
    sql = v.sql
    if is_materialised(v):
        keyword = _CREATE_VIEW_WORD.search(sql)
        sql = sql[: keyword.start(1)] + "table" + sql[keyword.end(1):]
    try:
        con.execute(sql)
    except (duckdb.ParserException, duckdb.BinderException, duckdb.CatalogException) as e:
        raise _sql_error(v, e) from None
    except duckdb.Error as e:
        raise BuildError(v.path, f"the view failed on the data: {_short(e)}", expected="a view whose query runs on the loaded tables") from None


def is_materialised(v: View) -> bool:
    return v.layer in MATERIALISED_LAYERS or MATERIALISE_MARK in v.sql


def _sql_error(v: View, e: Exception) -> BuildError:
    """Place a DuckDB error in the file: at the name it complains about where it names one
    (DuckDB's own LINE numbers skip comment lines), else at the line it reports."""
    text = str(e)
    line = column = None
    named = re.search(r'"([^"\n]+)"', _short(e))
    if named:
        hit = re.search(r"\b" + re.escape(named.group(1)) + r"\b", v.sql)
        if hit:
            line = v.sql.count("\n", 0, hit.start()) + 1
            column = str(hit.start() - (v.sql.rfind("\n", 0, hit.start()) + 1) + 1)
    if line is None and (m := re.search(r"LINE (\d+):", text)):
        line = int(m.group(1))
    return BuildError(v.path, f"the view's SQL failed: {_short(e)}", line=line, column=column, expected="valid DuckDB SQL that reads existing tables and views")


# ----------------------------------------------------------------------------- metadata


def _store_metadata(con: duckdb.DuckDBPyConnection, tables: list[Table], sidecars: dict[str, Sidecar], views: list[View], started: float) -> None:
    con.execute(
        "create table meta_relations (name varchar primary key, kind varchar not null, layer varchar not null, "
        "file varchar not null, title varchar, description varchar, stored_as varchar not null, reads varchar[] not null, "
        "read_with varchar)"
    )
    con.execute(
        "create table meta_tables (name varchar primary key, title varchar not null, description varchar not null, unit varchar, "
        "producer varchar not null, citation varchar, url varchar, date_published varchar, data_vintage varchar, licence varchar not null, "
        "processing varchar not null, sources varchar[] not null)"
    )
    con.execute("create table meta_columns (relation varchar, column_name varchar, description varchar, unit varchar, primary key (relation, column_name))")
    con.execute("create table meta_build (built_at_utc timestamp, app_version varchar, data_vintage varchar, build_seconds double)")
    relation_rows, table_rows, column_rows = [], [], []
    for t in tables:
        s = sidecars[t.name]
        relation_rows.append((t.name, "table", "table", relative(t.csv_path), s.title, s.description, "table", []))
        table_rows.append((t.name, s.title, s.description, s.unit, s.producer, s.citation, s.url, s.date_published, s.data_vintage, s.licence, s.processing, s.sources))
        column_rows.extend((t.name, c, d.get("description"), d.get("unit")) for c, d in s.columns.items())
    known = {t.name for t in tables} | {v.name for v in views}
    for v in views:
        reads = sorted((set(re.findall(r"[a-z_][a-z0-9_]*", _STRING_LITERAL.sub("", _strip_comments(v.sql)).lower())) & known) - {v.name})
        relation_rows.append((v.name, "view", v.layer, relative(v.path), None, _leading_comment(v.sql), "table" if is_materialised(v) else "view", reads))
    insert_rows(con, "meta_relations", ["name", "kind", "layer", "file", "title", "description", "stored_as", "reads"], relation_rows)
    insert_rows(con, "meta_tables", ["name", "title", "description", "unit", "producer", "citation", "url", "date_published", "data_vintage",
                                     "licence", "processing", "sources"], table_rows)
    insert_rows(con, "meta_columns", ["relation", "column_name", "description", "unit"], column_rows)
    _store_view_column_docs(con, views)
    store_view_sidecars(con, views)  # queries/<layer>/<view>.yaml: a view's own column docs and keys
    vintage = con.execute("select max(data_vintage) from meta_tables where name like 'sipri%'").fetchall()[0][0]
    con.execute("insert into meta_build values (current_timestamp at time zone 'UTC', ?, ?, ?)", [__version__, vintage, time.perf_counter() - started])


def _store_view_column_docs(con: duckdb.DuckDBPyConnection, views: list[View]) -> None:
    """queries/columns.yaml describes the columns the views derive; each entry is stored for every
    mart that has the column (a view's column otherwise takes the description of the same-named
    column of a table it reads). An entry no mart has, or one without a description, stops the build."""
    if not views:
        return
    path = views[0].path.parents[1] / COLUMN_DOCS
    if not path.exists():
        return
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise BuildError(path, f"not valid YAML: {getattr(e, 'problem', e)}", line=mark.line + 1 if mark else None, expected="a mapping of column name to {description, unit}") from None
    marts = [v.name for v in views if v.layer in MATERIALISED_LAYERS]
    have = {}
    for name, columns in relation_columns(con, marts).items():
        for column in columns:
            have.setdefault(column, []).append(name)
    rows: list[tuple] = []
    for column, entry in entries.items():
        if not isinstance(entry, dict) or not str(entry.get("description") or "").strip():
            raise BuildError(path, f"column {column!r} has no description", line=line_of(path, column), column=column, expected="description: <text>")
        if column not in have:
            raise BuildError(path, f"no mart has a column {column!r}", line=line_of(path, column), column=column, expected="only columns of the marts under queries/marts/")
        rows.extend((relation, column, entry["description"], entry.get("unit")) for relation in sorted(have[column]))
    replace_column_docs(con, rows)


def _leading_comment(sql: str) -> str | None:
    lines = []
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            lines.append(line.strip()[2:].strip())
        elif line.strip():
            break
    return " ".join(lines) or None


# ----------------------------------------------------------------------------- the build


def build(db_path: Path, data_dir: Path = DATA_DIR, queries_dir: Path = QUERIES_DIR) -> BuildReport:
    """Build the whole database into a temporary file, then move it over ``db_path``."""
    started = time.perf_counter()
    db_path = Path(db_path).resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tables = discover_tables(data_dir, queries_dir / "tables")
    views = discover_views(queries_dir)
    sidecars = {t.name: load_sidecar(t.csv_path) for t in tables}

    fd, tmp_name = tempfile.mkstemp(prefix=db_path.name + ".tmp-", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    counts: dict[str, int] = {}
    try:
        con = duckdb.connect(str(tmp))
        try:
            if sum(t.csv_path.stat().st_size for t in tables) < ONE_THREAD_BELOW_BYTES:
                con.execute("set threads = 1")
            for t in tables:
                try:
                    con.execute(t.ddl)
                except duckdb.Error as e:
                    raise BuildError(t.ddl_path, f"the table definition failed: {_short(e)}", expected="a valid DuckDB `create table`") from None
            columns = _table_columns(con, [t.name for t in tables])
            for t in tables:
                t.columns = columns[t.name]
                for c in t.columns:
                    try:
                        _cell_kind(c.sql_type)
                    except ValueError:
                        raise BuildError(t.ddl_path, f"column type {c.sql_type} is not one the loader reads", column=c.name, expected="varchar, integer, bigint, smallint, double, decimal(p,s), date or boolean") from None
                sidecars[t.name].check_columns([c.name for c in t.columns])
                counts[t.name] = load_table(con, t)
            _check_sidecar_sources(con, sidecars)
            checks.run_all(con, tables, data_dir)
            # The views, stored views and metadata in one transaction: each statement otherwise
            # commits on its own and writes the write-ahead log, a few hundred times per build.
            # (Not the loads: a refused snapshot is read again to place the error, after a failed
            # insert, which would abort a transaction.)
            con.execute("begin transaction")
            for v in views:  # in dependency order: a stored view's rows are computed once, from stored rows
                create_view(con, v)
            _store_metadata(con, tables, sidecars, views, started)
            con.execute("commit")
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)
    return BuildReport(db_path, counts, [v.name for v in views], time.perf_counter() - started)


def inputs_changed_since(db_path: Path, data_dir: Path = DATA_DIR, queries_dir: Path = QUERIES_DIR) -> bool:
    """True when the database is missing or older than any file under data/ or queries/."""
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    for folder in (data_dir, queries_dir):
        for p in folder.rglob("*"):
            if p.is_file() and p.stat().st_mtime > built:
                return True
    return False


def ensure_built(db_path: Path) -> None:
    """Build the database if it is missing or stale; one process builds, the others wait."""
    if not inputs_changed_since(db_path):
        return
    import fcntl

    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(db_path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if inputs_changed_since(db_path):
            build(db_path)

