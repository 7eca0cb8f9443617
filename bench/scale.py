"""Write a scaled copy of data/: every table × N rows, still valid for the build.

    .venv/bin/python -m bench.scale OUT_DIR [--factor 100] [--data-dir data] [--queries-dir queries]

The generator reads the table definitions (queries/tables/*.sql) rather than knowing the tables,
so tables added later are scaled too. For each table, copy k (1 ≤ k < N) of every row is the
original row with:

- the columns of each primary key / UNIQUE constraint made unique for copy k: text gets the suffix
  ``_x<k>``, whole numbers an offset ``k × stride`` (stride: a power of ten above the largest
  value), hex digests (e.g. a SHA-256 column checked by regex) a new digest of the same length;
  the first of these that the table's CHECK constraints accept is used (checked in DuckDB);
- foreign-key columns that point at a scaled table mapped the same way as the key they point at,
  so copy k of a child row refers to copy k of its parent row (the keys stay valid);
- every other column unchanged, so the values, their mix and what the views filter on (Russia →
  China, periods, categories) keep their shape: 100× the deals, exercises, quotes...

Reference tables (``periods``, ``qualifiers``, ``sources`` by default) keep their rows for the
other tables to refer to, and get the extra copies only where their keys allow it (``periods`` has
a CHECK listing its three ids, so it stays at 3 rows). A table whose key cannot be varied is
copied unchanged and reported. Metadata sidecars are copied as they are.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.core.paths import DATA_DIR, QUERIES_DIR
from dashboard.pipeline.build import _INTEGER_TYPES, _table_columns, discover_tables
from dashboard.pipeline.csv_cells import read_csv_cells

REFERENCE_TABLES = ("periods", "qualifiers", "sources")
_HEX = re.compile(r"[0-9a-f]+")

Transform = Callable[[str, int], str]  # (cell text, copy number k ≥ 1) → new cell text; '' stays ''


@dataclass
class TableScale:
    name: str
    rows: int
    copies: int  # rows written = rows × copies
    varied: dict[str, str] = field(default_factory=dict)  # column → how it was varied
    note: str = ""


# ----------------------------------------------------------------------------- transforms


def _suffix(v: str, k: int) -> str:
    return f"{v}_x{k}" if v else v


def _make_offset(values: list[str]) -> Transform:
    biggest = max((abs(int(v)) for v in values if v), default=0)
    stride = 2 * 10 ** len(str(biggest))

    def offset(v: str, k: int) -> str:
        return str(int(v) + k * stride) if v else v

    return offset


def _hexdigest(v: str, k: int) -> str:
    if not v:
        return v
    out = ""
    salt = 0
    while len(out) < len(v):
        out += hashlib.sha256(f"{v}:{k}:{salt}".encode()).hexdigest()
        salt += 1
    return out[: len(v)]


def _candidates(sql_type: str, values: list[str]) -> list[tuple[str, Transform]]:
    base = sql_type.upper().split("(")[0].strip()
    if base == "VARCHAR":
        found = [("suffix _x<k>", _suffix)]
        if all(_HEX.fullmatch(v) for v in values if v):
            found.append(("new hex digest", _hexdigest))
        return found
    if base in _INTEGER_TYPES:
        return [("offset k×stride", _make_offset(values))]
    return []


# ----------------------------------------------------------------------------- checking


class _Checker:
    """Evaluates a table's CHECK constraints on candidate copies, in DuckDB."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, columns, checks: list[tuple[list[str], str]]):
        self.con, self.table, self.columns, self.checks = con, table, columns, checks

    def accepts(self, header: list[str], cols: dict[str, list[str]], transforms: dict[str, Transform], factor: int) -> bool:
        """True when copies 1 and factor-1 of every row, with ``transforms``, pass every CHECK
        constraint that names a transformed column (and still cast to the column's type)."""
        touched = set(transforms)
        checks = [expr for names, expr in self.checks if touched & set(names)]
        for k in sorted({1, max(1, factor - 1)}):
            frame = pd.DataFrame({c: [transforms[c](v, k) for v in cols[c]] if c in transforms else cols[c] for c in header}, dtype=object).replace("", None)
            self.con.register("_cand", frame)
            try:
                casts = ", ".join(f"try_cast(\"{c.name}\" as {c.sql_type}) as \"{c.name}\"" for c in self.columns)
                self.con.execute(f"create or replace temp table _cand_t as select {casts} from _cand")
                for c in self.columns:
                    if c.name in touched:
                        bad = self.con.execute(f'select count(*) from _cand where "{c.name}" is not null and try_cast("{c.name}" as {c.sql_type}) is null').fetchall()[0][0]
                        if bad:
                            return False
                for expr in checks:
                    if self.con.execute(f"select count(*) from _cand_t where not coalesce(({expr}), true)").fetchall()[0][0]:
                        return False
            finally:
                self.con.unregister("_cand")
        return True


# ----------------------------------------------------------------------------- the generator


def write_scaled(out_dir: Path, factor: int = 100, data_dir: Path = DATA_DIR, queries_dir: Path = QUERIES_DIR,
                 reference_tables: tuple[str, ...] = REFERENCE_TABLES, log=print) -> list[TableScale]:
    """Write ``out_dir``/<table>.csv (× ``factor``) and copy the sidecars; return what was done."""
    if factor < 1:
        raise ValueError("factor must be ≥ 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = discover_tables(Path(data_dir), Path(queries_dir) / "tables")
    con = duckdb.connect()
    for t in tables:
        con.execute(t.ddl)
        t.columns = _table_columns(con, [t.name])[t.name]

    # How each table's key columns were varied, as seen by the tables that refer to it.
    # Reference tables are seen unvaried: their children keep referring to the original rows.
    seen_by_children: dict[str, dict[str, Transform]] = {}
    report: list[TableScale] = []
    for t in tables:
        started = time.perf_counter()
        header, rows, _ = read_csv_cells(t.csv_path)
        cols = {c: [r[i] for r in rows] for i, c in enumerate(header)}
        constraints = con.execute(
            "select constraint_type, constraint_column_names, expression, referenced_table, referenced_column_names "
            "from duckdb_constraints() where table_name = ? order by constraint_index", [t.name],
        ).fetchall()
        checks = [(list(names), expr) for ctype, names, expr, _, _ in constraints if ctype == "CHECK"]
        uniques = [list(dict.fromkeys(names)) for ctype, names, *_ in constraints if ctype in ("PRIMARY KEY", "UNIQUE")]
        fks = [(list(names), ref, list(ref_cols)) for ctype, names, _, ref, ref_cols in constraints if ctype == "FOREIGN KEY"]
        checker = _Checker(con, t.name, t.columns, checks)
        types = {c.name: c.sql_type for c in t.columns}

        transforms: dict[str, Transform] = {}
        how: dict[str, str] = {}
        # 1. foreign keys to scaled parents: copy k refers to the parent's copy k (all columns of the
        #    key, or none of them when this table's checks refuse the mapped values).
        deferred_self: list[tuple[list[str], list[str]]] = []
        for names, ref, ref_cols in fks:
            if ref == t.name:
                deferred_self.append((names, ref_cols))
                continue
            parent = seen_by_children.get(ref, {})
            mapped = {c: parent[rc] for c, rc in zip(names, ref_cols) if rc in parent}
            if mapped and checker.accepts(header, cols, {**transforms, **mapped}, factor):
                transforms.update(mapped)
                how.update({c: f"as {ref}.{rc}" for c, rc in zip(names, ref_cols) if rc in parent})
        # 2. each primary key / UNIQUE constraint needs one varied column.
        scalable = True
        for key in uniques:
            if any(c in transforms for c in key):
                continue
            for c in key:
                chosen = next(((label, fn) for label, fn in _candidates(types[c], cols[c]) if checker.accepts(header, cols, {**transforms, c: fn}, factor)), None)
                if chosen:
                    transforms[c] = chosen[1]
                    how[c] = chosen[0]
                    break
            else:
                scalable = False
        # 3. a foreign key to this same table follows this table's own key transforms.
        for names, ref_cols in deferred_self:
            mapped = {c: transforms[rc] for c, rc in zip(names, ref_cols) if rc in transforms}
            if mapped and checker.accepts(header, cols, {**transforms, **mapped}, factor):
                transforms.update(mapped)
                how.update({c: f"as {t.name}.{rc}" for c, rc in zip(names, ref_cols) if rc in transforms})

        copies = factor if scalable else 1
        note = "" if scalable else "a key cannot be varied within its CHECK constraints: rows kept as they are"
        if t.name in reference_tables:
            note = (note + "; " if note else "") + "reference table: other tables keep referring to its original rows"
            seen_by_children[t.name] = {}
        else:
            seen_by_children[t.name] = transforms if scalable else {}

        with (out_dir / t.csv_path.name).open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
            for k in range(1, copies):
                w.writerows(zip(*[[transforms[c](v, k) for v in cols[c]] if c in transforms else cols[c] for c in header]))
        sidecar = t.csv_path.with_name(t.csv_path.stem + ".meta.yaml")
        if sidecar.exists():
            shutil.copy2(sidecar, out_dir / sidecar.name)
        entry = TableScale(t.name, len(rows), copies, how if scalable else {}, note)
        report.append(entry)
        log(f"  {t.name}: {len(rows)} → {len(rows) * copies} rows" + (f"; varied {', '.join(f'{c} ({h})' for c, h in how.items())}" if scalable and how else "")
            + (f"; {note}" if note else "") + f" [{time.perf_counter() - started:.1f} s]")
    con.close()
    # Folders beside the tables (data/fingerprints/: the documents' shingle hashes the build checks
    # quotes against) are copied as they are; quotes are never varied, so they still match.
    for folder in sorted(p for p in Path(data_dir).iterdir() if p.is_dir()):
        shutil.copytree(folder, out_dir / folder.name, dirs_exist_ok=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--queries-dir", type=Path, default=QUERIES_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = write_scaled(args.out_dir, args.factor, args.data_dir, args.queries_dir)
    total = sum(r.rows * r.copies for r in report)
    print(f"wrote {len(report)} tables, {total} rows, to {args.out_dir} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
