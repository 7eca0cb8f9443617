"""The rows as Apache Parquet (pyarrow), typed for analysts in Python and R: DuckDB's own types
(whole numbers, decimals, dates, booleans, lists of text) as Arrow gives them, each column's
description and unit in its field metadata, and the filters, sources and build in the file's
metadata under the key "dashboard". No timestamps of its own: the same rows give the same bytes.
"""

from __future__ import annotations

import json
from io import BytesIO

import pyarrow as pa
import pyarrow.parquet as pq

MIME = "application/vnd.apache.parquet"


def parquet_bytes(table: pa.Table, docs: dict[str, dict], about: dict) -> bytes:
    """The table as Parquet with per-column description/unit and a JSON account of the file."""
    fields = []
    for field in table.schema:
        doc = docs.get(field.name, {})
        meta = {k: str(v) for k, v in (("description", doc.get("description")), ("unit", doc.get("unit"))) if v}
        fields.append(field.with_metadata(meta or None))
    schema = pa.schema(fields, metadata={"dashboard": json.dumps(about, ensure_ascii=False, sort_keys=True, default=str)})
    buf = BytesIO()
    pq.write_table(table.cast(schema), buf, compression="zstd")
    return buf.getvalue()
