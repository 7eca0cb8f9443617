"""What the build recorded about a relation: column types, the tables it reads, each column's
description and unit, its sources and the terms of its data files.

Relation and column names are checked against the build's lists before they reach SQL text;
everything else travels as a bound parameter.
"""

from __future__ import annotations

from dashboard.core.db import Database, UnknownRelation, quote_ident

#: Columns the data explorer (and ``python -m dashboard export --filter``) can filter by, in the
#: order the page shows them: the source and the qualifier first, then categories and types.
FILTER_COLUMNS = (
    "source_id", "qualifier", "category", "kind", "domain", "framework", "series", "status",
    "supplier", "recipient", "evidence_kind", "confidence", "indicator", "period_scope", "release",
)
#: Filter columns that hold whole numbers (a SIPRI release year): offered and bound as numbers.
NUMERIC_FILTER_COLUMNS = ("release",)
#: Columns that name a row of data/sources.csv.
# The Data explorer shows at most this many rows; the count and the downloads cover every row.
PREVIEW_ROWS = 1_000
SOURCE_COLUMNS = ("source_id", "reading_a_source_id", "reading_b_source_id")



#: Statements whose rows a Database keeps (see _rows); beyond this, it forgets them all and starts again.
MEMO_STATEMENTS = 2_048


def _rows(database: Database, sql: str, params: list) -> list[tuple]:
    """The rows of one statement, read once per Database: a Database reads one built file,
    read-only, which never changes under it (a rebuilt file is opened as a new Database), and the
    questions asked here (what the build recorded; a relation's years and filter values) are asked
    again and again: every file format of every Data explorer selection asked them anew, about
    80 ms each on 2 cores (a new period's four files: ~300 ms of the page)."""
    key = (sql, tuple(params))
    memo = database.memo
    if key not in memo:
        cur = database.cursor()
        try:
            found = cur.execute(sql, params).fetchall()
        finally:
            cur.close()
        if len(memo) >= MEMO_STATEMENTS:
            memo.clear()
        memo[key] = found
    return list(memo[key])


def _check(database: Database, relation: str) -> None:
    if relation not in database.columns:
        raise UnknownRelation(relation)


def column_types(database: Database, relation: str) -> dict[str, str]:
    """Each column of the relation with its DuckDB type, in order."""
    _check(database, relation)
    rows = _rows(database, "select column_name, data_type from information_schema.columns where table_name = ? order by ordinal_position", [relation])
    return dict(rows)


def relation_info(database: Database, relation: str) -> dict:
    """Kind (table or view), layer, title and description of a relation."""
    _check(database, relation)
    kind, layer, title, description = _rows(database, "select kind, layer, title, description from meta_relations where name = ?", [relation])[0]
    return {"name": relation, "kind": kind, "layer": layer, "title": title, "description": description}


def base_tables(database: Database, relation: str) -> list[str]:
    """The data tables a relation reads, through any views; a table is its own base table."""
    _check(database, relation)
    found: list[str] = []
    seen: set[str] = set()
    todo = [relation]
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if database.kinds.get(name) == "table":
            found.append(name)
            continue
        reads = _rows(database, "select reads from meta_relations where name = ?", [name])
        todo.extend(sorted(set(reads[0][0] if reads else []) - seen))
    return found


def column_docs(database: Database, relation: str) -> dict[str, dict]:
    """Each column's description and unit. A table has its sidecar's; a view's column takes those
    of the same-named column in the tables it reads (the table sharing most of its columns first),
    else in any table; a column described nowhere gets an empty description."""
    columns = list(column_types(database, relation))
    docs: dict[str, dict[str, dict]] = {}
    for rel, col, description, unit in _rows(database, "select relation, column_name, description, unit from meta_columns order by relation", []):
        docs.setdefault(rel, {})[col] = {"description": description, "unit": unit}
    bases = base_tables(database, relation)
    bases.sort(key=lambda t: -len(set(docs.get(t, {})) & set(columns)))
    order = [relation, *bases, *sorted(t for t in docs if t not in bases and t != relation)]
    result = {}
    for col in columns:
        result[col] = next((docs[t][col] for t in order if col in docs.get(t, {})), {"description": None, "unit": None})
    return result


def table_terms(database: Database, tables: list[str]) -> list[dict]:
    """The sidecar metadata of data tables: title, producer, citation, URL, vintage, licence, sources."""
    if not tables:
        return []
    marks = ", ".join("?" for _ in tables)
    rows = _rows(database, f"select name, title, producer, citation, url, date_published, data_vintage, licence, sources from meta_tables where name in ({marks}) order by name", list(tables))
    keys = ("name", "title", "producer", "citation", "url", "date_published", "data_vintage", "licence", "sources")
    return [dict(zip(keys, r)) for r in rows]


def sources(database: Database, source_ids) -> list[dict]:
    """Rows of data/sources.csv for the given ids: title, publisher, URL, vintage, terms, citation."""
    ids = sorted({s for s in source_ids if isinstance(s, str) and s})
    if not ids or "sources" not in database.columns:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = _rows(database, f"select source_id, title, publisher, url, data_vintage, terms_of_use, citation from sources where source_id in ({marks}) order by source_id", ids)
    keys = ("source_id", "title", "publisher", "url", "data_vintage", "terms_of_use", "citation")
    return [dict(zip(keys, r)) for r in rows]


def source_ids_of(database: Database, relation: str, named) -> list[str]:
    """The sources behind some rows: the ids they name (a DataFrame of the rows, or the ids
    themselves), or, when the relation has no source column, the sources its data tables'
    sidecars list."""
    if hasattr(named, "columns"):
        named = {v for c in SOURCE_COLUMNS if c in named.columns for v in named[c].dropna().unique() if isinstance(v, str) and v}
    if named or any(c in database.columns[relation] for c in SOURCE_COLUMNS):
        return sorted(set(named))
    ids: set[str] = set()
    for t in table_terms(database, base_tables(database, relation)):
        ids.update(t["sources"] or [])
    return sorted(ids)


def filter_columns(database: Database, relation: str) -> list[str]:
    """The columns of a relation that can be filtered by value (see FILTER_COLUMNS): text, or a
    whole number for NUMERIC_FILTER_COLUMNS."""
    types = column_types(database, relation)
    return [c for c in FILTER_COLUMNS if types.get(c, "").upper() == "VARCHAR" or (c in NUMERIC_FILTER_COLUMNS and types.get(c, "").upper() in ("INTEGER", "BIGINT", "SMALLINT"))]


def numeric_filter_columns(database: Database, relation: str) -> list[str]:
    """The filter columns of a relation whose values are numbers (bound as numbers)."""
    return [c for c in filter_columns(database, relation) if c in NUMERIC_FILTER_COLUMNS]


def period_years(database: Database, period: str) -> tuple[int, int]:
    """A period's years by the yearly convention (data/periods.csv first_year..last_year)."""
    low, high = _rows(database, "select first_year, last_year from periods where period_id = ?", [period])[0]
    return int(low), int(high)


def period_views_reading(database: Database, relation: str, limit: int = 4) -> list[str]:
    """The marts nearest a relation that read it (through views) and can be filtered by period."""
    found, seen, ring = [], {relation}, [relation]
    while ring and len(found) < limit:
        readers = sorted(name for name in database.views() if name not in seen and set(ring) & set(_reads(database, name)))
        seen.update(readers)
        for name in readers:
            cols = database.columns.get(name, [])
            if name.startswith("stg_") is False and ("period_id" in cols or "period_ids" in cols or "year" in cols):
                found.append(name)
        ring = readers
    return found[:limit]


def _reads(database: Database, relation: str) -> list[str]:
    rows = _rows(database, "select reads from meta_relations where name = ?", [relation])
    return list(rows[0][0] or []) if rows else []


def distinct_values(database: Database, relation: str, column: str) -> list[str]:
    """The values a filterable column takes in the relation, sorted."""
    if column not in filter_columns(database, relation):
        raise KeyError(f"{relation} has no filterable column {column!r}")
    sql = f"select distinct {quote_ident(column)} from {quote_ident(relation)} where {quote_ident(column)} is not null order by 1"
    return [str(r[0]) for r in _rows(database, sql, [])]


def year_bounds(database: Database, relation: str) -> tuple[int, int] | None:
    """The first and last year of a relation with a year column, or None."""
    if "year" not in column_types(database, relation):
        return None
    low, high = _rows(database, f'select min("year"), max("year") from {quote_ident(relation)}', [])[0]
    return None if low is None else (int(low), int(high))


def keys(database: Database, relation: str) -> dict:
    """A relation's keys: {'primary': [cols], 'foreign': [(cols, ref_relation, ref_cols)]}; a
    table's from its create table, a view's from its sidecar (queries/<layer>/<view>.yaml)."""
    _check(database, relation)
    if database.kinds[relation] == "table":
        rows = _rows(database, "select constraint_type, constraint_column_names, referenced_table, referenced_column_names from duckdb_constraints() "
                     "where database_name = current_database() and table_name = ? and constraint_type in ('PRIMARY KEY', 'FOREIGN KEY') order by constraint_index", [relation])
        rows = [("primary" if t == "PRIMARY KEY" else "foreign", c, r, rc) for t, c, r, rc in rows]
    elif "meta_keys" in _tables(database):
        rows = _rows(database, "select kind, columns, ref_relation, ref_columns from meta_keys where relation = ? order by kind desc, ref_relation", [relation])
    else:
        rows = []
    primary = next((list(c) for kind, c, _, _ in rows if kind == "primary"), [])
    foreign = [(list(c), r, list(rc)) for kind, c, r, rc in rows if kind == "foreign" and r in database.columns]
    return {"primary": primary, "foreign": foreign}


def _tables(database: Database) -> set[str]:
    return {r[0] for r in _rows(database, "select table_name from information_schema.tables where table_schema = 'main'", [])}
