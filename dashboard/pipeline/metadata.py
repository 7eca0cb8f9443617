"""Metadata sidecars: data/<table>.meta.yaml describes data/<table>.csv (title, unit, producer,
citation, URL, dates, licence, processing notes, sources and every column)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

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
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_sidecar(csv_path: Path) -> Sidecar:
    path = sidecar_path(csv_path)
    if not path.exists():
        raise BuildError(csv_path, f"no metadata sidecar {path.name} beside the data file", expected="a sidecar with " + ", ".join(REQUIRED_KEYS))
    try:
        doc = yaml.load(path.read_bytes().decode("utf-8"), Loader=_LOADER)
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
