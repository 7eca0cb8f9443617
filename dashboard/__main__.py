"""Command line: ``python -m dashboard build [--db PATH]`` and ``python -m dashboard export VIEW``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.core.errors import BuildError
from dashboard.core.paths import DATA_DIR, QUERIES_DIR, db_path


class _Parser(argparse.ArgumentParser):
    """Refusals in one line (no usage block), exit status 2 as argparse's."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the database from data/ and queries/")
    b.add_argument("--db", type=Path, default=None, help="database file (default: $DASHBOARD_DB or var/dashboard.duckdb)")
    b.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder of curated CSV files (default: data/)")
    b.add_argument("--queries-dir", type=Path, default=QUERIES_DIR, help="folder of SQL files (default: queries/)")
    e = sub.add_parser("export", help="write a view's rows as CSV, Excel, Parquet or a ZIP bundle, filtered as on the Data page",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_export_epilog(argv))
    e.add_argument("view", help="a view (or table) the build created; the list is below")
    e.add_argument("--period", default="all", help="all, before_2014, 2014_2022 or since_2022: through the period columns, else the year column (yearly convention); refused where neither exists")
    e.add_argument("--year-from", type=int, default=None, help="first year (relations with a year column; a delivery year for arms_deal_deliveries)")
    e.add_argument("--year-to", type=int, default=None, help="last year (relations with a year column)")
    e.add_argument("--filter", action="append", default=[], metavar="COLUMN=VALUE", help="keep rows whose COLUMN is VALUE (e.g. release=2025); repeat: values of one column are alternatives, columns all apply")
    e.add_argument("--text", default="", help="keep rows whose quotes, notes, titles, names or descriptions contain this text (any case)")
    e.add_argument("--per-deal", action="store_true", help="arms_deal_deliveries only: one row per deal, with the TIV and units delivered in the kept years")
    e.add_argument("--format", choices=("csv", "xlsx", "parquet", "zip"), default="csv", help="csv (default), xlsx (typed Excel workbook with an 'about' sheet), parquet (typed), or zip (the CSV with datapackage.json and README.txt)")
    e.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    e.add_argument("--db", type=Path, default=None, help="database file (default: $DASHBOARD_DB or var/dashboard.duckdb)")
    args = parser.parse_args(argv)
    bad = _not_utf8(args)
    if bad:
        print(f"argument {bad} is not valid UTF-8 text", file=sys.stderr)
        return 2

    if args.command == "build":
        from dashboard.pipeline.build import build

        try:
            report = build(args.db or db_path(), args.data_dir, args.queries_dir)
        except BuildError as err:
            print(f"build failed: {err}", file=sys.stderr)
            print("The previous database, if any, is unchanged.", file=sys.stderr)
            return 2
        print(f"built {report.db_path} in {report.seconds:.2f} s: {len(report.tables)} tables ({sum(report.tables.values())} rows), {len(report.views)} views")
        return 0

    return _export(args)


def _not_utf8(args: argparse.Namespace) -> str | None:
    """The first argument that is not valid UTF-8 (Python keeps undecodable bytes of the command
    line as lone surrogates, which no query, file name or message can carry), else None."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            try:
                str(item).encode("utf-8")
            except UnicodeEncodeError:
                return "VIEW" if name == "view" else "--" + name.replace("_", "-")
    return None


def _export_epilog(argv: list[str] | None) -> str | None:
    """For `export --help`: the relations with their titles, from the database (built if stale)."""
    words = sys.argv[1:] if argv is None else argv
    if not (words[:1] == ["export"] and ("-h" in words or "--help" in words)):
        return None
    from dashboard.outputs.help import relation_list

    db = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "--db"), None)
    return relation_list(Path(db) if db else db_path())


def _export(args: argparse.Namespace) -> int:
    """The export branch: the Data page's filters and files (dashboard.outputs.export, dashboard.outputs.bundle)."""
    import duckdb

    from dashboard.core.db import Database
    from dashboard.outputs.bundle import download
    from dashboard.outputs.export import FilterError, choose
    from dashboard.pipeline.build import ensure_built

    path = (args.db or db_path()).resolve()
    try:
        ensure_built(path)
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    values: dict[str, list[str]] = {}
    for item in args.filter:
        column, sep, value = item.partition("=")
        if not sep:
            print(f"--filter {item!r} is not COLUMN=VALUE", file=sys.stderr)
            return 2
        values.setdefault(column.strip(), []).append(value)
    if (args.year_from is None) != (args.year_to is None):
        print("give both --year-from and --year-to, or neither", file=sys.stderr)
        return 2
    years = None if args.year_from is None else (args.year_from, args.year_to)
    try:
        database = Database(path)
    except duckdb.Error as err:
        print(f"cannot read the database {path}: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    try:
        filters = choose(database, args.view, args.period, years, values, args.text, per_deal=args.per_deal)
        file = download(database, filters, args.format)
    except FilterError as err:
        print(err, file=sys.stderr)
        return 2
    finally:
        database.close()
    if args.out:
        try:
            args.out.write_bytes(file.data)
        except OSError as err:
            print(f"cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
            return 2
        print(f"wrote {file.rows} rows to {args.out} (the Data page names this file {file.file_name})", file=sys.stderr)
    else:
        sys.stdout.buffer.write(file.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
