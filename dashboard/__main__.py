"""Command line: ``python -m dashboard build [--db PATH]``, ``python -m dashboard export VIEW``,
``python -m dashboard releases [diff OLD NEW]`` and ``python -m dashboard brief --out FILE``."""

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
    r = sub.add_parser("releases", help="list SIPRI's releases; 'releases diff OLD NEW' shows what SIPRI changed between two")
    r.add_argument("action", nargs="?", help="diff: compare release OLD with release NEW")
    r.add_argument("old", nargs="?", type=int, help="the older release, e.g. 2025")
    r.add_argument("new", nargs="?", type=int, help="the newer release, e.g. 2026")
    r.add_argument("--supplier", default=None, help="only this supplier, as SIPRI names it (e.g. Russia)")
    r.add_argument("--recipient", default=None, help="only this recipient (e.g. China)")
    r.add_argument("--format", choices=("text", "csv"), default="text", help="text (default) or csv")
    r.add_argument("--db", type=Path, default=None)
    br = sub.add_parser("brief", help="write the briefing: a slide deck, an offline HTML pack, a PDF, or one panel as PNG/SVG")
    br.add_argument("--panels", default="", help="panel ids, comma-separated (default: the main panels); see --list")
    br.add_argument("--period", default="all", help="all, before_2014, 2014_2022 or since_2022")
    br.add_argument("--out", type=Path, default=None, help="FILE.pptx, .html, .pdf, .png or .svg (png/svg: one panel)")
    br.add_argument("--list", action="store_true", help="list the panel ids and stop")
    br.add_argument("--db", type=Path, default=None)
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

    if args.command == "releases":
        from dashboard.outputs.releases import command

        return command(args, args.db or db_path())
    if args.command == "brief":
        return _brief(args)
    return _export(args)


def _brief(args: argparse.Namespace) -> int:
    """The brief branch: dashboard.outputs.brief, reading rows as the pages do (web.data's reader rows)."""
    import streamlit.logger

    from dashboard.core.db import Database
    from dashboard.outputs import brief, panels
    from dashboard.pipeline.build import ensure_built

    streamlit.logger.set_log_level("error")  # web.data's caches warn that no app is running: none is meant to
    from dashboard.web.data import query, reader_rows

    if args.list:
        for panel in panels.PANELS.values():
            print(f"{panel.id}\t{panel.title}" + ("\t(default)" if panel.id in panels.DEFAULT_BRIEFING else ""))
        return 0
    fmt = args.out.suffix.lower().lstrip(".") if args.out else ""
    if fmt not in brief.FORMATS:
        print("give --out FILE ending in " + ", ".join("." + f for f in brief.FORMATS), file=sys.stderr)
        return 2
    path = (args.db or db_path()).resolve()
    try:
        ensure_built(path)
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    database = Database(path)
    try:
        ids = [i.strip() for i in args.panels.split(",") if i.strip()] or None
        load = lambda view, period="all", **filters: reader_rows(database.fetch(query(view, period, **filters)))  # noqa: E731
        briefing = brief.prepare(database, load, ids, args.period)
        data = brief.make(briefing, fmt)
    except brief.BriefError as err:
        print(err, file=sys.stderr)
        return 2
    finally:
        database.close()
    try:
        args.out.write_bytes(data)
    except OSError as err:
        print(f"cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
        return 2
    shown = ", ".join(i.id for i in briefing.items)
    print(f"wrote {args.out} ({len(data):,} bytes): {shown}" + (f"; no rows in this period: {', '.join(briefing.skipped)}" if briefing.skipped else ""), file=sys.stderr)
    return 0


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
