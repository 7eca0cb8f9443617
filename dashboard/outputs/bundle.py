"""The files the Data page offers and ``python -m dashboard export`` writes, built by one function
(:func:`download`) so that both give the same bytes.

- CSV: :func:`dashboard.outputs.export.to_csv_bytes` of the filtered rows.
- Excel (.xlsx): typed cells and an "about" sheet (:mod:`dashboard.outputs.spreadsheet`).
- Parquet: typed columns with their descriptions and units (:mod:`dashboard.outputs.parquet`).
- ZIP: that CSV, a Frictionless ``datapackage.json`` (Table Schema with types, descriptions, units,
  primary and foreign keys; sources with citations and terms; a licence per part) and a
  ``README.txt`` (filters, columns, sources, data vintage, build time, app version), plus the
  rows of the tables its foreign keys name. Every entry is dated with the database's build time,
  and the file names carry the build date, so the same filters on the same build give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO

import pandas as pd

from dashboard.core.db import Database, Query
from dashboard.outputs import filters, parquet, spreadsheet
from dashboard.outputs.export import file_name, to_csv_bytes
from dashboard.outputs.filters import Filters, describe
from dashboard.pipeline import catalog

FORMATS = ("csv", "xlsx", "parquet", "zip")
MIME = {"csv": "text/csv", "xlsx": spreadsheet.MIME, "parquet": parquet.MIME, "zip": "application/zip"}
#: What each format is, in a line (the command's help and the page's buttons).
FORMAT_NOTES = {
    "csv": "CSV (UTF-8 with BOM) for any tool",
    "xlsx": "Excel workbook: typed cells, frozen header, an 'about' sheet",
    "parquet": "Parquet: typed columns for Python and R",
    "zip": "ZIP: the CSV, datapackage.json (Frictionless) and README.txt",
}
TITLE = "Russia–China military cooperation dashboard"
CSV_NOTE = (
    "UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting, CRLF line ends, one header row; "
    "an empty cell has no value; dates are ISO (YYYY-MM-DD), numbers unformatted (full precision, no "
    "thousands separators), booleans true/false. A text cell that begins with = + - @, a tab or a "
    "carriage return starts with an added apostrophe (') so that spreadsheets do not run it as a "
    "formula: remove that apostrophe to get the original text. To open it in LibreOffice Calc or Excel "
    "without the program changing it, import it (LibreOffice: Character set Unicode (UTF-8), separator "
    "comma, and column type Text for designations such as APR-1 and labels such as 70.0%; Excel: Data > "
    "From Text/CSV, File origin 65001: Unicode (UTF-8)); or use the .xlsx file, whose cells are typed."
)
BORROWED_NOTE = (
    "This view has no metadata file of its own (queries/<layer>/<view>.yaml): its columns take the "
    "description and unit of the same-named column of a data table it reads."
)
#: A licence part per kind of content, matched in a sidecar's licence words.
LICENCE_PARTS = (
    ("sipri", {"name": "other-at", "title": "SIPRI Arms Transfers Database data: free to use with citation of SIPRI and the date of data generation (SIPRI's terms); no other licence applies."}),
    ("fair use", {"name": "other-closed", "title": "Short verbatim quotes (quote columns) under fair use: not licensed for reuse; the documents are not redistributed."}),
    ("cc by 4.0", {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "This project's curation and notes (ids, dates, categories, paraphrases): CC BY 4.0."}),
)
_LOCAL_PATH = re.compile(r"(?:\.\./|\./)?(?:\.\./)*shared/(?:data|seeds)/[^\s,;)`'\"]*")
_TABLE_SCHEMA_TYPES = {
    "VARCHAR": "string", "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "datetime",
    "TINYINT": "integer", "SMALLINT": "integer", "INTEGER": "integer", "BIGINT": "integer", "HUGEINT": "integer",
    "UTINYINT": "integer", "USMALLINT": "integer", "UINTEGER": "integer", "UBIGINT": "integer",
    "DOUBLE": "number", "FLOAT": "number", "REAL": "number", "DECIMAL": "number",
}


@dataclass(frozen=True)
class Download:
    file_name: str
    data: bytes
    mime: str
    rows: int


def vintage(database: Database, f: Filters) -> str | None:
    """The data release or vintage a file name carries: the SIPRI release chosen, 'all releases'
    for a relation with a release column and none chosen, else the SIPRI data generation date
    of the tables behind it (None for the curated tables: the build date says it)."""
    if f.releases:
        return "sipri-release-" + "-".join(f.releases)
    if "release" in database.columns[f.relation]:
        return "sipri-all-releases"
    dates = sorted({t["date_published"] for t in catalog.table_terms(database, catalog.base_tables(database, f.relation)) if t["name"].startswith("sipri") and t["date_published"]})
    return f"sipri-{dates[-1]}" if dates else None


def _name_parts(f: Filters) -> list[str]:
    parts = [f"{c}-{'-or-'.join(v)}" for c, v in f.values if c != "release"]
    if f.text:
        parts.append("text-" + f.text)
    if f.per_deal:
        parts.append("per-deal")
    return parts


def download_name(database: Database, f: Filters, fmt: str) -> str:
    """The file's name: relation, release or vintage, period, years, the other filters and the
    build date (only [a-z0-9_.-])."""
    built = database.build_info()["built_at"].date()
    return file_name(f.relation, f.period, built, ext=fmt, years=f.years, vintage=vintage(database, f), parts=_name_parts(f))


def download(database: Database, f: Filters, fmt: str = "csv", today: dt.date | None = None) -> Download:
    """The filtered rows as CSV, Excel, Parquet or a ZIP bundle (CSV + datapackage.json +
    README.txt). `today` is accepted for older callers and not used: names carry the build date."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    name = download_name(database, f, fmt)
    if fmt == "parquet":
        table = filters.arrow(database, f)
        about = _about(database, f, None)
        return Download(name, parquet.parquet_bytes(table, about["docs"], _parquet_about(about, f)), MIME[fmt], table.num_rows)
    frame = filters.rows(database, f)
    if fmt == "xlsx":
        about = _about(database, f, frame)
        return Download(name, spreadsheet.workbook_bytes(frame, about_sheet(about, f, len(frame)), about["build"]["built_at"]), MIME[fmt], len(frame))
    csv_bytes = to_csv_bytes(frame)
    if fmt == "csv":
        return Download(name, csv_bytes, MIME["csv"], len(frame))
    data = zip_bytes(database, f, frame, csv_bytes, download_name(database, f, "csv"))
    return Download(name, data, MIME["zip"], len(frame))


def zip_bytes(database: Database, f: Filters, frame: pd.DataFrame, csv_bytes: bytes, csv_name: str) -> bytes:
    about = _about(database, f, frame)
    files = {csv_name: csv_bytes}
    for ref in about["references"]:
        files[ref["path"]] = ref["csv"]
    files["datapackage.json"] = (json.dumps(datapackage(about, csv_name, csv_bytes), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["README.txt"] = readme(about, f, csv_name, len(frame)).encode("utf-8")
    stamp = zip_time(about["build"]["built_at"])
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def zip_time(moment: dt.datetime) -> tuple[int, ...]:
    """A ZIP entry's date: the build time to the even second below (ZIP keeps 2-second steps)."""
    return (*moment.timetuple()[:5], moment.second // 2 * 2)


# ----------------------------------------------------------------------------- what the files say


def _about(database: Database, f: Filters, frame: pd.DataFrame | None) -> dict:
    """Everything the files state about the rows, read from the build's metadata."""
    tables = catalog.base_tables(database, f.relation)
    if frame is None:
        named = database.distinct(filters.to_query(f, catalog.numeric_filter_columns(database, f.relation)), catalog.SOURCE_COLUMNS)
    else:
        named = frame
    keys = catalog.keys(database, f.relation)
    if f.per_deal:
        keys = {"primary": ["release", "sipri_deal_id"], "foreign": []}
    docs = filters.column_docs(database, f)
    return {
        "relation": catalog.relation_info(database, f.relation),
        "types": filters.result_types(database, f),
        "docs": docs,
        "own_docs": database.kinds[f.relation] == "table" or _has_own_docs(database, f.relation),
        "keys": keys,
        "references": [] if frame is None else _references(database, f, frame, keys["foreign"]),
        "tables": catalog.table_terms(database, tables),
        "sources": catalog.sources(database, catalog.source_ids_of(database, f.relation, named)),
        "build": database.build_info(),
    }


def _has_own_docs(database: Database, relation: str) -> bool:
    """Whether a view's every column is described by the view itself (its sidecar or columns.yaml)."""
    own = database.column_docs(relation)
    return all(c in own for c in database.columns[relation])


def _references(database: Database, f: Filters, frame: pd.DataFrame, foreign: list) -> list[dict]:
    """The rows of the tables the foreign keys name that these rows refer to, each as a CSV
    resource of the bundle (so the package's foreign keys can be checked)."""
    wanted: dict[tuple[str, tuple[str, ...]], list[pd.DataFrame]] = {}
    for cols, ref, ref_cols in foreign:
        if ref == f.relation or any(c not in frame.columns for c in cols):
            continue
        wanted.setdefault((ref, tuple(ref_cols)), []).append(frame[cols].dropna().set_axis(ref_cols, axis=1))
    out = []
    for (ref, ref_cols), parts in wanted.items():
        if ref in {r["name"] for r in out}:
            continue
        keys = pd.concat(parts).drop_duplicates()
        rows = database.fetch(Query(ref))
        rows = rows.merge(keys.astype(rows[list(ref_cols)].dtypes.to_dict()), on=list(ref_cols), how="inner")[rows.columns] if len(keys) else rows.iloc[0:0]
        data = to_csv_bytes(rows.reset_index(drop=True))
        out.append({"name": ref, "path": f"{ref}.csv", "csv": data, "rows": len(rows), "types": catalog.column_types(database, ref), "docs": catalog.column_docs(database, ref), "keys": catalog.keys(database, ref)})
    return out


def _field_type(sql_type: str) -> str:
    return _TABLE_SCHEMA_TYPES.get(sql_type.upper().split("(")[0].strip(), "string")


def licences(tables: list[dict]) -> list[dict]:
    """A Frictionless licence per part of the content (SIPRI's terms, quotes under fair use, this
    project's CC BY 4.0 curation), as the data files' sidecars state them."""
    found = []
    for t in tables:
        words = (t["licence"] or "").lower()
        for needle, part in LICENCE_PARTS:
            if needle == "sipri" and not (t["name"].startswith("sipri_") and "sipri" in words):
                continue
            if needle in words and part not in found:
                found.append(part)
        if not any(needle in words for needle, _ in LICENCE_PARTS) and t["licence"]:
            part = {"name": "notspecified", "title": _public(t["licence"])}
            if part not in found:
                found.append(part)
    return found


def _public(text):
    """Text as an export may carry it: no path on this machine (../shared/...)."""
    if not isinstance(text, str):
        return text
    return _LOCAL_PATH.sub("the project's input archive", text)


def _iso(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def _fields(types: dict, docs: dict) -> list[dict]:
    fields = []
    for column, sql_type in types.items():
        doc = docs.get(column, {})
        field = {"name": column, "type": _field_type(sql_type)}
        if field["type"] == "boolean":
            field.update(trueValues=["true"], falseValues=["false"])
        if doc.get("description"):
            field["description"] = _public(doc["description"])
        if doc.get("unit"):
            field["unit"] = doc["unit"]
        fields.append(field)
    return fields


def _schema(types: dict, docs: dict, keys: dict, present: set[str]) -> dict:
    schema = {"fields": _fields(types, docs), "missingValues": [""]}
    if keys["primary"] and all(c in types for c in keys["primary"]):
        schema["primaryKey"] = list(keys["primary"])
    fks = [{"fields": cols, "reference": {"resource": ref, "fields": ref_cols}} for cols, ref, ref_cols in keys["foreign"] if ref in present and all(c in types for c in cols)]
    if fks:
        schema["foreignKeys"] = fks
    return schema


def _csv_resource(name: str, path: str, title: str, description: str, data: bytes, schema: dict) -> dict:
    return {
        "profile": "tabular-data-resource", "name": _slug(name), "path": path, "title": title,
        "description": description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
        "schema": schema,
    }


def _source_entries(about: dict) -> list[dict]:
    """The sources of the rows; with none named by the rows (an empty result), the sources of the
    data files behind them, so a package always says where its data would come from."""
    sources = about["sources"] or []
    entries = [
        {k: v for k, v in {"title": s["citation"] or s["title"], "path": s["url"], "version": s["data_vintage"], "description": f"Terms: {s['terms_of_use']}" if s["terms_of_use"] else None}.items() if v}
        for s in sources
    ]
    if not entries:
        entries = [{k: v for k, v in {"title": t["citation"] or t["title"], "path": t["url"], "version": t["data_vintage"]}.items() if v} for t in about["tables"]]
    return [{k: _public(v) for k, v in e.items()} for e in entries]


def datapackage(about: dict, csv_name: str, csv_bytes: bytes) -> dict:
    """A Frictionless Tabular Data Package describing the CSV (and the rows its keys refer to)."""
    rel, build = about["relation"], about["build"]
    description = _public(" ".join(x for x in (rel["title"], rel["description"]) if x))
    present = {_slug(rel["name"])} | {r["name"] for r in about["references"]}
    main = _csv_resource(rel["name"], csv_name, rel["title"] or rel["name"], (description + " " if description else "") + CSV_NOTE, csv_bytes, _schema(about["types"], about["docs"], about["keys"], present))
    if "foreignKeys" in main["schema"]:
        for fk in main["schema"]["foreignKeys"]:
            fk["reference"]["resource"] = _slug(fk["reference"]["resource"])
    refs = [
        _csv_resource(r["name"], r["path"], f"{r['name']}: the rows the export refers to", "Rows of the data table " + r["name"] + " that the main file's foreign keys name. " + CSV_NOTE, r["csv"], _schema(r["types"], r["docs"], {"primary": r["keys"]["primary"], "foreign": []}, set()))
        for r in about["references"]
    ]
    return {
        "profile": "tabular-data-package",
        "name": _slug(csv_name.rsplit(".", 1)[0]),
        "title": f"{TITLE}: {rel['name']}",
        "description": description,
        "version": build["app_version"],
        "created": _iso(build["built_at"]),
        "licenses": licences(about["tables"]),
        "sources": _source_entries(about),
        "resources": [main, *refs],
    }


def _column_lines(about: dict) -> list[str]:
    out = []
    for column, sql_type in about["types"].items():
        doc = about["docs"].get(column, {})
        unit = f", {doc['unit']}" if doc.get("unit") else ""
        out.append(f"{column} ({_field_type(sql_type)}{unit}): {_public(doc.get('description')) or '(no description)'}")
    return out


def _source_lines(about: dict) -> list[str]:
    out = []
    for s in about["sources"] or []:
        out.append(f"{s['citation'] or s['title']}" + (f" {s['url']}" if s["url"] else "") + f" Data vintage: {s['data_vintage'] or 'not stated'}. Terms: {s['terms_of_use'] or 'not stated'}")
    if not out:
        out = [f"(none named by these rows) The data files behind them cite: {e['title']}" + (f" {e['path']}" if e.get("path") else "") for e in _source_entries(about)]
    return [_public(x) for x in out]


def _vintage_lines(about: dict) -> list[str]:
    """The data vintage of each source the rows name (never one SIPRI date for every file); with
    no source named (an empty result, a table without a source column), of each data file."""
    if about["sources"]:
        return [_public(f"{s['source_id']}: {s['data_vintage'] or 'not stated'}") for s in about["sources"]]
    return [f"{t['name']}: {_public(t['data_vintage']) or 'not stated'}" for t in about["tables"]]


def readme(about: dict, f: Filters, csv_name: str, rows: int) -> str:
    """A short plain-text account of the files: filters, columns, sources, vintage and build."""
    rel, build = about["relation"], about["build"]
    out = [f"{TITLE}: export of {rel['name']} ({rel['kind']})", ""]
    if rel["title"] or rel["description"]:
        out += [_public(" ".join(x for x in (rel["title"], rel["description"]) if x)), ""]
    out += [f"Rows: {rows}", "", "Filters applied:"]
    out += [f"  - {line}" for line in describe(f)]
    out += ["", "Files:", f"  {csv_name}: the rows. {CSV_NOTE}"]
    out += [f"  {r['path']}: the {r['rows']} rows of {r['name']} that these rows refer to (foreign keys)." for r in about["references"]]
    out += ["  datapackage.json: the same described as a Frictionless Tabular Data Package (field types, descriptions, units, keys, sources, licences).", "  README.txt: this file.", ""]
    if about["keys"]["primary"]:
        out += [f"Each row is named by: {', '.join(about['keys']['primary'])}", ""]
    out += ["Columns (name, type, unit: description):"]
    out += [f"  - {line}" for line in _column_lines(about)]
    if not about["own_docs"] and not f.per_deal:
        out += ["  " + BORROWED_NOTE]
    out += ["", "Sources (cite them as given; each keeps its own terms):"]
    out += [f"  - {line}" for line in _source_lines(about)]
    out += ["", "Data files behind these rows (data/<name>.csv, with their metadata):"]
    for t in about["tables"]:
        out.append(f"  - {t['name']}: {t['title']}. Producer: {t['producer']}.")
        if t["citation"]:
            out.append(f"    Citation: {_public(t['citation'])}")
        out.append(f"    Data vintage: {_public(t['data_vintage']) or 'not stated'}. Licence and terms: {_public(t['licence'])}")
    out += ["", "Licences, by part:"] + [f"  - {x['title']}" for x in licences(about["tables"])]
    out += ["", "Data vintage, per source in the file:" if about["sources"] else "Data vintage, per data file behind it:"] + [f"  - {line}" for line in _vintage_lines(about)]
    out += [
        "",
        f"Database built: {build['built_at']:%Y-%m-%d %H:%M:%S} UTC",
        f"App version: {build['app_version']}",
    ]
    if any(t["name"].startswith("sipri") for t in about["tables"]):
        out.append("TIV is SIPRI's trend-indicator value: a measure of the volume of arms transfers, not their financial value.")
    out.append("")
    return "\n".join(out)


def about_sheet(about: dict, f: Filters, rows: int) -> list[tuple[str, str]]:
    """The workbook's "about" sheet as (label, text) lines."""
    rel, build = about["relation"], about["build"]
    out = [("Data", f"{TITLE}: {rel['name']} ({rel['kind']})"), ("What", _public(" ".join(x for x in (rel["title"], rel["description"]) if x)) or "")]
    out += [("Rows", str(rows))] + [("Filter", line) for line in describe(f)]
    if about["keys"]["primary"]:
        out.append(("Each row is named by", ", ".join(about["keys"]["primary"])))
    out += [("Column", line) for line in _column_lines(about)]
    out += [("Source", line) for line in _source_lines(about)]
    out += [("Licence", x["title"]) for x in licences(about["tables"])]
    out += [("Data vintage", line) for line in _vintage_lines(about)]
    out += [("Database built", f"{build['built_at']:%Y-%m-%d %H:%M:%S} UTC"), ("App version", str(build["app_version"])),
            ("Cells", "Typed: numbers as numbers, dates as dates, true/false as booleans, text as text (never a formula). An empty cell has no value. A control character in the text is shown as \ufffd.")]
    return out


def _parquet_about(about: dict, f: Filters) -> dict:
    return {
        "relation": about["relation"]["name"], "title": about["relation"]["title"], "filters": describe(f),
        "primary_key": about["keys"]["primary"], "sources": _source_lines(about), "licences": [x["title"] for x in licences(about["tables"])],
        "data_vintage": _vintage_lines(about), "built_at_utc": _iso(about["build"]["built_at"]), "app_version": about["build"]["app_version"],
    }


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "data"
