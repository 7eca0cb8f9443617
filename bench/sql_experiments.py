"""Prototype build-time materialisation on a copy of a built database, and time the views (and
the queries the pages send) before and after. The database given is never modified.

    .venv/bin/python -m bench.sql_experiments DB [--variant deliveries|marts|all ...] [--runs 20]

Variants (a '+arrow' suffix also reads results through Arrow, see arrow_frame):
  deliveries  stg_sipri_deliveries_by_year stored as a table (the register unnested once, at build)
  marts       that, plus every view under queries/marts/ stored as a table
  all         every view stored as a table
  none        nothing stored (with +arrow: only the faster read)

Each view is replaced by a table of the same name holding its rows, in dependency order, so views
that read it read the table. The time this adds to a build is reported.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard.build import discover_views
from dashboard.db import Database, Query
from dashboard.paths import QUERIES_DIR, ROOT

# Queries the pages send (view, filters), from reading dashboard/app_pages/*.py; period "all" and one period.
PAGE_QUERIES = [
    Query("arms_tiv_by_year"), Query("arms_tiv_by_year", period="since_2022"),
    Query("arms_tiv_by_category"), Query("arms_deals_by_period", equals=(("period_scope", "all"),), order_by=("-tiv_in_scope_mtiv",), limit=15),
    Query("arms_china_import_share"), Query("arms_pairs"),
    Query("arms_pair_by_year", equals=(("pair", ("Russia → China", "Russia → India")),)),
    Query("period_comparison"), Query("exercises_by_year"), Query("exercise_list"), Query("source_list"),
]


_NULLABLE = {pa.int8(): "Int8", pa.int16(): "Int16", pa.int32(): "Int32", pa.int64(): "Int64", pa.bool_(): "boolean"}


def arrow_frame(table: pa.Table) -> pd.DataFrame:
    """A DuckDB result read as Arrow (``cursor.sql(sql, params=...).to_arrow_table()``) turned into
    the DataFrame ``.df()`` gives: numpy ints and bools where a column has no NULL, pandas'
    nullable Int32/boolean where it has, dates as datetime64[us]. Only a varchar column that is
    NULL in every row differs (str instead of object)."""
    cols = {}
    for name, col in zip(table.column_names, table.columns):
        t = col.type
        if t in _NULLABLE and col.null_count:
            cols[name] = col.to_pandas(types_mapper={t: pd.api.types.pandas_dtype(_NULLABLE[t])}.get)
        elif pa.types.is_date(t) or pa.types.is_timestamp(t):
            cols[name] = col.to_pandas(date_as_object=False).astype("datetime64[us]")
        elif (pa.types.is_string(t) or pa.types.is_large_string(t)) and len(col) == 0:
            cols[name] = pd.Series([], dtype=object)
        else:
            cols[name] = col.to_pandas()
    return pd.DataFrame(cols, columns=table.column_names)


def arrow_fetch(database: Database, q: Query) -> pd.DataFrame:
    """Database.fetch, reading the result through Arrow instead of .df()."""
    from dashboard.db import compile_query

    sql, params = compile_query(q, database.columns)
    cur = database.cursor()
    try:
        return arrow_frame(cur.sql(sql, params=params or None).to_arrow_table())
    finally:
        cur.close()


def materialise(db: Path, names: list[str]) -> float:
    con = duckdb.connect(str(db))
    t0 = time.perf_counter()
    try:
        for name in names:
            con.execute(f'create table "__m_{name}" as select * from "{name}"')
            con.execute(f'drop view "{name}"')
            con.execute(f'alter table "__m_{name}" rename to "{name}"')
        con.execute("checkpoint")
    finally:
        con.close()
    return time.perf_counter() - t0


def time_all(db: Path, runs: int, queries: list[Query], budget_s: float, arrow: bool = False) -> dict:
    database = Database(db)
    fetch = (lambda q: arrow_fetch(database, q)) if arrow else database.fetch
    out = {}
    try:
        for q in [Query(v) for v in database.views()] + queries:
            key = q.relation if q == Query(q.relation) else repr((q.relation, q.period, q.equals, q.limit))
            if key in out:
                continue
            try:
                fetch(q)
            except Exception as e:
                out[key] = {"error": str(e)[:200]}
                continue
            times, spent = [], 0.0
            while len(times) < runs and not (spent > budget_s and len(times) >= 3):
                t0 = time.perf_counter()
                frame = fetch(q)
                times.append(time.perf_counter() - t0)
                spent += times[-1]
            out[key] = {"median_ms": 1000 * statistics.median(times), "rows": len(frame), "runs": len(times)}
    finally:
        database.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.sql_experiments", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("db", type=Path)
    p.add_argument("--variant", action="append", default=None)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--budget", type=float, default=10.0)
    p.add_argument("--queries-dir", type=Path, default=QUERIES_DIR)
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "sql_experiments.json")
    args = p.parse_args(argv)
    views = discover_views(args.queries_dir)
    built = {r[0] for r in duckdb.connect(str(args.db), read_only=True).execute("select name from meta_relations where kind = 'view'").fetchall()}
    order = [v for v in views if v.name in built]
    plans = {
        "deliveries": [v.name for v in order if v.name == "stg_sipri_deliveries_by_year"],
        "marts": [v.name for v in order if v.name == "stg_sipri_deliveries_by_year" or v.layer == "marts"],
        "all": [v.name for v in order],
        "none": [],
    }
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-sql-") as tmp:
        print("== as built", flush=True)
        results["as built"] = {"materialise_s": 0.0, "times": time_all(args.db, args.runs, PAGE_QUERIES, args.budget)}
        for variant in args.variant or ["deliveries", "marts", "all", "none+arrow", "marts+arrow", "all+arrow"]:
            plan, _, arrow = variant.partition("+")
            copy = Path(tmp) / f"{plan}.duckdb"
            shutil.copy2(args.db, copy)
            print(f"== {variant}", flush=True)
            spent = materialise(copy, plans[plan])
            results[variant] = {"materialise_s": spent, "times": time_all(copy, args.runs, PAGE_QUERIES, args.budget, arrow=arrow == "arrow")}
            copy.unlink()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    names = list(results)
    print(f"\n{'query (median ms)':70s} " + " ".join(f"{n:>12s}" for n in names))
    for key in results["as built"]["times"]:
        cells = []
        for n in names:
            r = results[n]["times"].get(key, {})
            cells.append("err" if "error" in r else f"{r.get('median_ms', float('nan')):12.1f}")
        print(f"{key[:70]:70s} " + " ".join(f"{c:>12s}" for c in cells))
    print(f"{'added to the build (s)':70s} " + " ".join(f"{results[n]['materialise_s']:12.2f}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
