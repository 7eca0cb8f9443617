"""Command line: ``python -m dashboard build [--db PATH]`` and ``python -m dashboard export VIEW``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.errors import BuildError
from dashboard.paths import DATA_DIR, QUERIES_DIR, db_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the database from data/ and queries/")
    b.add_argument("--db", type=Path, default=None, help="database file (default: $DASHBOARD_DB or var/dashboard.duckdb)")
    b.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder of curated CSV files (default: data/)")
    b.add_argument("--queries-dir", type=Path, default=QUERIES_DIR, help="folder of SQL files (default: queries/)")
    e = sub.add_parser("export", help="write a view as CSV")
    e.add_argument("view", help="a view (or table) the build created")
    e.add_argument("--period", default="all", help="all, before_2014, 2014_2022 or since_2022")
    e.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    e.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)

    if args.command == "build":
        from dashboard.build import build

        try:
            report = build(args.db or db_path(), args.data_dir, args.queries_dir)
        except BuildError as err:
            print(f"build failed: {err}", file=sys.stderr)
            print("The previous database, if any, is unchanged.", file=sys.stderr)
            return 2
        print(f"built {report.db_path} in {report.seconds:.2f} s: {len(report.tables)} tables ({sum(report.tables.values())} rows), {len(report.views)} views")
        return 0

    from dashboard.build import ensure_built
    from dashboard.db import PERIODS, Database, Query, UnknownRelation
    from dashboard.export import to_csv_bytes

    path = (args.db or db_path()).resolve()
    try:
        ensure_built(path)
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    if args.period != "all" and args.period not in PERIODS:
        print(f"unknown period {args.period!r}; expected one of: all, {', '.join(PERIODS)}", file=sys.stderr)
        return 2
    database = Database(path)
    try:
        frame = database.fetch(Query(args.view, period=args.period))
    except UnknownRelation:
        print(f"unknown view {args.view!r}; expected one of: {', '.join(database.views())}", file=sys.stderr)
        return 2
    data = to_csv_bytes(frame)
    if args.out:
        args.out.write_bytes(data)
        print(f"wrote {len(frame)} rows to {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
