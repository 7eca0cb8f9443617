"""Where a page's server time goes: each page run in Streamlit's AppTest against a database,
counting queries that reach DuckDB, cached loads, the bytes of each chart's figure JSON and each
dataframe, and the time spent building CSV downloads.

    .venv/bin/python -m bench.profile_pages DB [--runs 5] [--profile PAGE]

`--profile PAGE` (a file name under dashboard/web/pages/, e.g. arms_transfers.py) prints a
pyinstrument profile of its warm reruns (pip install pyinstrument).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from dashboard.core.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.profile_pages", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("db", type=Path)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--period", default="all")
    p.add_argument("--profile", default=None)
    args = p.parse_args(argv)
    os.environ["DASHBOARD_DB"] = str(args.db.resolve())
    os.chdir(ROOT)

    from streamlit.testing.v1 import AppTest

    import dashboard.core.db as dbmod
    import dashboard.web.ui as ui
    from tests.helpers.apptest import charts

    stats = {"queries": 0, "query_s": 0.0, "csv_s": 0.0, "csv_bytes": 0}
    fetch = dbmod.Database.fetch

    def counted_fetch(self, q):
        t0 = time.perf_counter()
        try:
            return fetch(self, q)
        finally:
            stats["queries"] += 1
            stats["query_s"] += time.perf_counter() - t0

    dbmod.Database.fetch = counted_fetch
    to_csv = ui.to_csv_bytes

    def counted_csv(frame):
        t0 = time.perf_counter()
        out = to_csv(frame)
        stats["csv_s"] += time.perf_counter() - t0
        stats["csv_bytes"] += len(out)
        return out

    ui.to_csv_bytes = counted_csv

    pages = sorted((ROOT / "dashboard" / "web" / "pages").glob("*.py"))
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    print(f"{'page':28s} {'cold s':>7s} {'warm s':>7s} {'DB queries cold/warm':>21s} {'query s':>8s} {'csv s':>6s} {'csv KB':>7s} {'figures KB':>11s} {'frames KB':>10s}")
    for page in pages:
        rel = f"web/pages/{page.name}"
        for k in stats:
            stats[k] = 0
        t0 = time.perf_counter()
        try:
            at.switch_page(rel)
        except ValueError:
            print(f"{page.name:28s} not in the navigation")
            continue
        if args.period != "all":
            at.session_state["period"] = args.period
        at.run()
        cold = time.perf_counter() - t0
        cold_queries = stats["queries"]
        if at.exception:
            print(f"{page.name:28s} ERROR {at.exception[0].message[:100]}")
            continue
        warm = []
        for k in stats:
            stats[k] = 0
        profiler = None
        if args.profile == page.name:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001)
            profiler.start()
        for _ in range(args.runs):
            t0 = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t0)
        if profiler:
            profiler.stop()
        figures = [len(c.spec) for c in charts(at)]
        frames = [e.proto.ByteSize() for e in at.dataframe]
        print(f"{page.name:28s} {cold:7.3f} {statistics.median(warm):7.3f} {cold_queries:>10d} / {stats['queries'] / args.runs:<8.1f} "
              f"{stats['query_s'] / args.runs:8.3f} {stats['csv_s'] / args.runs:6.3f} {stats['csv_bytes'] / args.runs / 1024:7.0f} "
              f"{sum(figures) / 1024:11.0f} {sum(frames) / 1024:10.0f}   figures: {', '.join(f'{f / 1024:.0f}' for f in figures)}")
        if profiler:
            print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
