"""The files the Data page offers and ``python -m dashboard export`` writes, built by one function
(:func:`download`) so that both give the same bytes.

- CSV: :func:`dashboard.outputs.export.to_csv_bytes` of the filtered rows.
- ZIP: that CSV, a Frictionless ``datapackage.json`` (Table Schema with types, descriptions and
  units; sources with citations and terms; licences from the sidecars) and a ``README.txt``
  (filters, columns, sources, data vintage, build time, app version). Every entry is dated with
  the database's build time, so the same filters on the same build give the same bytes.
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

from dashboard.core.db import Database
from dashboard.outputs.export import Filters, describe, fetch, file_name, to_csv_bytes
from dashboard.pipeline import catalog

FORMATS = ("csv", "zip")
MIME = {"csv": "text/csv", "zip": "application/zip"}
TITLE = "Russia–China military cooperation dashboard"
CSV_NOTE = (
    "UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting, CRLF line ends, one header row; "
    "an empty cell has no value; dates are ISO (YYYY-MM-DD), numbers unformatted (full precision, no "
    "thousands separators), booleans true/false. A text cell that begins with = + - @, a tab or a "
    "carriage return starts with an added apostrophe (') so that spreadsheets do not run it as a "
    "formula: remove that apostrophe to get the original text."
)
VIEW_NOTE = (
    "Views have no metadata file of their own: a view's column takes the description and unit of the "
    "same-named column of a data table it reads; a column described nowhere has no description."
)
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


def download_name(f: Filters, fmt: str, today: dt.date | None = None) -> str:
    """The file's name: relation, period, year range, whether narrowed further, and the date."""
    return file_name(f.relation, f.period, today, ext=fmt, years=f.years, filtered=f.narrowed)


def download(database: Database, f: Filters, fmt: str = "csv", today: dt.date | None = None) -> Download:
    """The filtered rows as a CSV file or as a ZIP bundle (CSV + datapackage.json + README.txt)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    today = today or dt.date.today()
    frame = fetch(database, f)
    csv_bytes = to_csv_bytes(frame)
    if fmt == "csv":
        return Download(download_name(f, "csv", today), csv_bytes, MIME["csv"], len(frame))
    data = zip_bytes(database, f, frame, csv_bytes, download_name(f, "csv", today))
    return Download(download_name(f, "zip", today), data, MIME["zip"], len(frame))


def zip_bytes(database: Database, f: Filters, frame: pd.DataFrame, csv_bytes: bytes, csv_name: str) -> bytes:
    about = _about(database, f, frame)
    files = {
        csv_name: csv_bytes,
        "datapackage.json": (json.dumps(datapackage(about, csv_name, csv_bytes), ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        "README.txt": readme(about, f, csv_name, len(frame)).encode("utf-8"),
    }
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


def _about(database: Database, f: Filters, frame: pd.DataFrame) -> dict:
    """Everything the bundle states about the rows, read from the build's metadata."""
    tables = catalog.base_tables(database, f.relation)
    return {
        "relation": catalog.relation_info(database, f.relation),
        "types": catalog.column_types(database, f.relation),
        "docs": catalog.column_docs(database, f.relation),
        "tables": catalog.table_terms(database, tables),
        "sources": catalog.sources(database, catalog.source_ids_of(database, f.relation, frame)),
        "build": database.build_info(),
    }


def _field_type(sql_type: str) -> str:
    return _TABLE_SCHEMA_TYPES.get(sql_type.upper().split("(")[0].strip(), "string")


def _licence(text: str) -> dict:
    """A Frictionless licence: an Open Definition id where the words match one, and the words."""
    if "CC BY 4.0" in text:
        return {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": text}
    if "citation" in text.lower() or "cite" in text.lower():
        return {"name": "other-at", "title": text}
    return {"name": "other-closed" if "fair use" in text.lower() else "notspecified", "title": text}


def _iso(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def datapackage(about: dict, csv_name: str, csv_bytes: bytes) -> dict:
    """A Frictionless Tabular Data Package describing the CSV."""
    rel, build = about["relation"], about["build"]
    fields = []
    for column, sql_type in about["types"].items():
        doc = about["docs"].get(column, {})
        field = {"name": column, "type": _field_type(sql_type)}
        if field["type"] == "boolean":
            field.update(trueValues=["true"], falseValues=["false"])
        if doc.get("description"):
            field["description"] = doc["description"]
        if doc.get("unit"):
            field["unit"] = doc["unit"]
        fields.append(field)
    licences = list({t["licence"]: _licence(t["licence"]) for t in about["tables"] if t["licence"]}.values())
    sources = [
        {k: v for k, v in {"title": s["citation"] or s["title"], "path": s["url"], "version": s["data_vintage"], "description": f"Terms: {s['terms_of_use']}" if s["terms_of_use"] else None}.items() if v}
        for s in about["sources"]
    ]
    description = " ".join(x for x in (rel["title"], rel["description"]) if x)
    return {
        "profile": "tabular-data-package",
        "name": _slug(csv_name.rsplit(".", 1)[0]),
        "title": f"{TITLE}: {rel['name']}",
        "description": description,
        "version": build["app_version"],
        "created": _iso(build["built_at"]),
        "licenses": licences,
        "sources": sources,
        "resources": [{
            "profile": "tabular-data-resource",
            "name": _slug(rel["name"]),
            "path": csv_name,
            "title": rel["title"] or rel["name"],
            "description": (description + " " if description else "") + CSV_NOTE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(csv_bytes),
            "hash": "sha256:" + hashlib.sha256(csv_bytes).hexdigest(),
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": {"fields": fields, "missingValues": [""]},
        }],
    }


def readme(about: dict, f: Filters, csv_name: str, rows: int) -> str:
    """A short plain-text account of the files: filters, columns, sources, vintage and build."""
    rel, build = about["relation"], about["build"]
    out = [f"{TITLE}: export of {rel['name']} ({rel['kind']})", ""]
    if rel["title"] or rel["description"]:
        out += [" ".join(x for x in (rel["title"], rel["description"]) if x), ""]
    out += [f"Rows: {rows}", "", "Filters applied:"]
    out += [f"  - {line}" for line in describe(f)]
    out += ["", "Files:", f"  {csv_name}: the rows. {CSV_NOTE}", "  datapackage.json: the same described as a Frictionless Tabular Data Package (field types, descriptions, units, sources, licences).", "  README.txt: this file.", ""]
    out += ["Columns (name, type, unit: description):"]
    for column, sql_type in about["types"].items():
        doc = about["docs"].get(column, {})
        unit = f", {doc['unit']}" if doc.get("unit") else ""
        out.append(f"  - {column} ({_field_type(sql_type)}{unit}): {doc.get('description') or '(no description)'}")
    if rel["kind"] == "view":
        out += ["  " + VIEW_NOTE]
    out += ["", "Sources (cite them as given; each keeps its own terms):"]
    for s in about["sources"] or []:
        out.append(f"  - {s['citation'] or s['title']}" + (f" {s['url']}" if s["url"] else ""))
        out.append(f"    Data vintage: {s['data_vintage'] or 'not stated'}. Terms: {s['terms_of_use'] or 'not stated'}")
    if not about["sources"]:
        out.append("  (none named by these rows)")
    out += ["", "Data files behind these rows (data/<name>.csv, with their metadata):"]
    for t in about["tables"]:
        out.append(f"  - {t['name']}: {t['title']}. Producer: {t['producer']}.")
        if t["citation"]:
            out.append(f"    Citation: {t['citation']}")
        out.append(f"    Data vintage: {t['data_vintage'] or 'not stated'}. Licence and terms: {t['licence']}")
    out += [
        "",
        f"SIPRI data vintage: {build['data_vintage'] or 'none'}",
        f"Database built: {build['built_at']:%Y-%m-%d %H:%M:%S} UTC",
        f"App version: {build['app_version']}",
        "TIV is SIPRI's trend-indicator value: a measure of the volume of arms transfers, not their financial value.",
        "",
    ]
    return "\n".join(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "data"
