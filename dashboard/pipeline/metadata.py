"""Metadata sidecars: data/<table>.meta.yaml describes data/<table>.csv (title, unit, producer,
citation, URL, dates, licence, processing notes, sources and every column)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from dashboard.core.db import quote_ident
from dashboard.core.errors import BuildError

REQUIRED_KEYS = ("title", "description", "unit", "producer", "citation", "url", "date_published", "data_vintage", "licence", "processing", "sources", "columns")
MUST_HAVE_TEXT = ("title", "description", "producer", "licence", "processing")


@dataclass
class Sidecar:
    path: Path
    title: str
    description: str
    unit: str | None
    producer: str
    citation: str | None
    url: str | None
    date_published: str | None
    data_vintage: str | None
    licence: str
    processing: str
    sources: list[str]
    columns: dict[str, dict]

    def check_columns(self, table_columns: list[str]) -> None:
        """Every column of the table is described, and nothing else is."""
        for name in self.columns:
            if name not in table_columns:
                raise BuildError(self.path, f"the sidecar describes column {name!r}, which the data file does not have", line=line_of(self.path, name), column=name, expected="only the columns: " + ", ".join(table_columns))
        for name in table_columns:
            if name not in self.columns:
                raise BuildError(self.path, f"column {name!r} has no description", column=name, expected=f"an entry `{name}: {{description: ...}}` under columns")


def sidecar_path(csv_path: Path) -> Path:
    return csv_path.with_suffix(".meta.yaml")


# libyaml's loader when PyYAML has it (ten times faster; the same safe subset of YAML).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_sidecar(csv_path: Path) -> Sidecar:
    path = sidecar_path(csv_path)
    if not path.exists():
        raise BuildError(csv_path, f"no metadata sidecar {path.name} beside the data file", expected="a sidecar with " + ", ".join(REQUIRED_KEYS))
    try:
        doc = yaml.load(path.read_bytes().decode("utf-8"), Loader=YAML_LOADER)
    except UnicodeDecodeError as e:
        raise BuildError(path, "bytes that are not UTF-8", line=path.read_bytes()[: e.start].count(b"\n") + 1, expected="UTF-8 text") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise BuildError(path, f"not valid YAML: {getattr(e, 'problem', e)}", line=mark.line + 1 if mark else None, expected="a YAML mapping of the sidecar keys") from None
    if not isinstance(doc, dict):
        raise BuildError(path, "the sidecar is not a YAML mapping", line=1, expected="keys " + ", ".join(REQUIRED_KEYS))
    for key in REQUIRED_KEYS:
        if key not in doc:
            raise BuildError(path, f"missing key {key!r}", expected="keys " + ", ".join(REQUIRED_KEYS))
    for key in MUST_HAVE_TEXT:
        if not isinstance(doc[key], str) or not doc[key].strip():
            raise BuildError(path, f"key {key!r} needs text", line=line_of(path, key), expected="a non-empty string")
    if not isinstance(doc["sources"], list):
        raise BuildError(path, "'sources' must be a list of source ids", line=line_of(path, "sources"), expected="[source_id, ...]")
    columns = doc["columns"]
    if not isinstance(columns, dict) or not columns:
        raise BuildError(path, "'columns' must map each column to its description", line=line_of(path, "columns"), expected="column: {description: ..., unit: ...}")
    for name, spec in columns.items():
        if not isinstance(spec, dict) or not str(spec.get("description") or "").strip():
            raise BuildError(path, f"column {name!r} needs a description", line=line_of(path, name), column=str(name), expected="{description: ..., unit: ...}")
    text = {k: (None if doc[k] is None else str(doc[k])) for k in ("unit", "citation", "url", "date_published", "data_vintage")}
    return Sidecar(path, doc["title"], doc["description"], text["unit"], doc["producer"], text["citation"], text["url"], text["date_published"], text["data_vintage"], doc["licence"], doc["processing"], [str(s) for s in doc["sources"]], {str(k): v for k, v in columns.items()})


def line_of(path: Path, key: str) -> int | None:
    for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.lstrip().startswith(f"{key}:"):
            return i
    return None


# ----------------------------------------------------------------------------- view sidecars

#: A view's own metadata: queries/<layer>/<view>.yaml beside its SQL (title, keys, every column).
VIEW_SIDECAR_SUFFIX = ".yaml"


def view_sidecar_path(sql_path: Path) -> Path:
    return sql_path.with_suffix(VIEW_SIDECAR_SUFFIX)


def load_view_sidecar(sql_path: Path) -> dict | None:
    """A view's sidecar: {title, primary_key, foreign_keys, read_with, columns: {name: {description,
    unit}}}, or None when the view has none. Raises BuildError naming the file and line."""
    path = view_sidecar_path(sql_path)
    if not path.exists():
        return None
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise BuildError(path, f"not valid YAML: {getattr(e, 'problem', e)}", line=mark.line + 1 if mark else None, expected="a mapping with title and columns") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("columns"), dict):
        raise BuildError(path, "a view sidecar needs 'columns' mapping each column to {description, unit}", line=1, expected="columns: {name: {description: ..., unit: ...}}")
    for name, spec in doc["columns"].items():
        if not isinstance(spec, dict) or not str(spec.get("description") or "").strip():
            raise BuildError(path, f"column {name!r} needs a description", line=line_of(path, str(name)), column=str(name), expected="{description: ..., unit: ...}")
    read_with = doc.get("read_with")
    if read_with is not None and not (isinstance(read_with, dict) and read_with and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in read_with.values())):
        raise BuildError(path, "'read_with' must map columns to the values a page filters them on", line=line_of(path, "read_with"), expected="read_with: {column: value, ...} (text or whole numbers)")
    for key in doc.get("foreign_keys") or []:
        if not (isinstance(key, dict) and isinstance(key.get("fields"), list) and isinstance(key.get("reference"), dict)):
            raise BuildError(path, "a foreign key needs fields and reference {resource, fields}", line=line_of(path, "foreign_keys"), expected="- {fields: [col], reference: {resource: table, fields: [col]}}")
    return doc


def store_view_sidecars(con, views) -> None:
    """Store each view's sidecar: its title, every column's description and unit (replacing any
    borrowed one), and its keys in meta_keys. A declared primary key must hold on the rows. An
    entry for a column the view does not have (a view changed since) is not stored: the check
    `stale_view_sidecar_entries` names it (tests/outputs), so a changed view never stops a build."""
    con.execute("create table if not exists meta_keys (relation varchar, kind varchar, columns varchar[], ref_relation varchar, ref_columns varchar[])")
    docs: list[tuple] = []
    keys: list[tuple] = []
    relation_updates: list[tuple] = []  # (view, title, read_with)
    columns = relation_columns(con, [v.name for v in views])
    for v in views:
        doc = load_view_sidecar(v.path)
        if doc is None:
            continue
        path = view_sidecar_path(v.path)
        have = set(columns.get(v.name, []))
        docs.extend((v.name, column, str(spec["description"]).strip(), None if spec.get("unit") is None else str(spec["unit"])) for column, spec in doc["columns"].items() if column in have)
        read_with = doc.get("read_with")
        if read_with:
            unknown = [c for c in read_with if c not in have]
            if unknown:
                raise BuildError(path, f"read_with names a column the view does not have: {unknown[0]!r}", line=line_of(path, "read_with"), column=str(unknown[0]), expected="columns of " + v.name)
        if doc.get("title") or read_with:
            relation_updates.append((v.name, str(doc["title"]) if doc.get("title") else None, json.dumps(read_with) if read_with else None))
        key = list(doc.get("primary_key") or [])
        if key and set(key) <= have:
            cols = ", ".join(quote_ident(c) for c in key)
            dup = con.execute(f"select {cols}, count(*) from {quote_ident(v.name)} group by all having count(*) > 1 limit 1").fetchall()
            if dup:
                raise BuildError(path, f"primary_key {key} does not hold: {dup[0][:-1]} appears {dup[0][-1]} times", line=line_of(path, "primary_key"), expected="columns that name one row each")
            keys.append((v.name, "primary", key, None, None))
        for fk in doc.get("foreign_keys") or []:
            if set(fk["fields"]) <= have:
                keys.append((v.name, "foreign", list(fk["fields"]), str(fk["reference"]["resource"]), list(fk["reference"]["fields"])))
    if relation_updates:
        con.execute(
            "update meta_relations set title = coalesce(s.title, meta_relations.title), read_with = coalesce(s.read_with, meta_relations.read_with) "
            "from (select unnest(?::varchar[]) as name, unnest(?::varchar[]) as title, unnest(?::varchar[]) as read_with) s where meta_relations.name = s.name",
            [list(c) for c in zip(*relation_updates)],
        )
    replace_column_docs(con, docs)
    insert_rows(con, "meta_keys", ["relation", "kind", "columns", "ref_relation", "ref_columns"], keys)


def insert_rows(con, table: str, columns: list[str], rows: list[tuple], *, verb: str = "insert") -> None:
    """Insert rows (tuples in the order of ``columns``) in one statement: the values travel as one
    bound list per column, cast to the table's own column types and unnested side by side (one
    insert per row costs about a millisecond each, and the build stores a few hundred)."""
    if not rows:
        return
    types = dict(con.execute("select column_name, data_type from information_schema.columns where table_name = ?", [table]).fetchall())
    names = ", ".join(quote_ident(c) for c in columns)
    lists = ", ".join(f"unnest(?::{types[c]}[])" for c in columns)
    con.execute(f"{verb} into {quote_ident(table)} ({names}) select {lists}", [list(values) for values in zip(*rows)])


def replace_column_docs(con, rows: list[tuple]) -> None:
    """Store (relation, column, description, unit) rows in meta_columns in one statement, replacing
    the rows of the same relation and column."""
    insert_rows(con, "meta_columns", ["relation", "column_name", "description", "unit"], rows, verb="insert or replace")


def relation_columns(con, names: list[str]) -> dict[str, list[str]]:
    """Each named table or view's columns, in order, in one query."""
    out: dict[str, list[str]] = {}
    for name, column in con.execute(
        "select table_name, column_name from information_schema.columns where table_name in (select unnest(?::varchar[])) "
        "order by table_name, ordinal_position", [names]
    ).fetchall():
        out.setdefault(name, []).append(column)
    return out


def stale_view_sidecar_entries(sql_path: Path, columns: list[str]) -> list[str]:
    """The columns a view's sidecar names (descriptions, keys) that the view does not have."""
    doc = load_view_sidecar(sql_path) or {"columns": {}}
    named = list(doc["columns"]) + list(doc.get("primary_key") or []) + [c for k in doc.get("foreign_keys") or [] for c in k["fields"]]
    return [c for c in dict.fromkeys(named) if c not in columns]
