"""`python -m bench` (`make bench`): the dashboard's speed and memory against the targets of issue #6,
at real size and on a synthetic copy of data/ 100× as large. Prints a table, writes
bench/results/latest.json and bench/RESULTS.md. About 20–25 minutes on 2 cores.

Phases, for the real data/ and then for the ×100 copy (bench/scale.py):
  build ×3 (×1 at 100×) → every view ×20 (time-boxed at 100×) → in headless Chromium: warm-up,
  memory with 1 and 10 sessions, page loads beside the bare page ×5, the first change to each
  period ×3, period changes with every period seen ×5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from dashboard.core.paths import DATA_DIR, QUERIES_DIR, ROOT

if str(ROOT) not in sys.path:  # tests.browser lives beside the package
    sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from bench.views import time_build, time_views  # noqa: E402

BENCH = Path(__file__).resolve().parent
FUTURE = 7 * 24 * 3600


def log(msg: str) -> None:
    print(msg, flush=True)


def _pin(db: Path) -> float:
    """Date the database a week ahead, so the app's ensure_built() (which compares it with the
    files under the *project's* data/ and queries/) never rebuilds it mid-run when a curator saves
    a file, or rebuilds the ×100 database from the real data/."""
    t = time.time() + FUTURE
    os.utime(db, (t, t))
    return os.stat(db).st_mtime


def _meta(args, started: float) -> dict:
    def version(p):
        try:
            return metadata.version(p)
        except metadata.PackageNotFoundError:
            return "?"

    def run(cmd):
        try:
            return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=20).stdout.strip()
        except Exception:
            return ""

    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem_gb = 0
    chromium = run([args.chromium, "--version"]) or "?"
    return {
        "finished_utc": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "total_s": round(time.perf_counter() - started, 1),
        "machine": f"{os.cpu_count()} cores, {mem_gb:.0f} GB RAM, {platform.system()} {platform.release()}",
        "commit": run(["git", "rev-parse", "--short", "HEAD"]) or "?",
        "dirty": bool(run(["git", "status", "--porcelain"])),
        "versions": f"Python {platform.python_version()}, streamlit {version('streamlit')}, duckdb {version('duckdb')}, pandas {version('pandas')}, "
                    f"plotly {version('plotly')}, playwright {version('playwright')}, {chromium}",
        "factor": args.factor,
        "data_dir": os.path.relpath(args.data_dir, ROOT) if str(args.data_dir).startswith(str(ROOT)) else str(args.data_dir),
        "queries_dir": os.path.relpath(args.queries_dir, ROOT) if str(args.queries_dir).startswith(str(ROOT)) else str(args.queries_dir),
        "args": {k: str(v) for k, v in vars(args).items()},
    }


def _load(results: dict, phase: str) -> None:
    """The 1-minute load average before a phase: on a shared 2-core machine, other work (a test
    suite, a build) slows every figure; the ratios to the bare page are the robust figures then."""
    results.setdefault("load_average", {})[phase] = round(os.getloadavg()[0], 2)


def measure(label: str, db: Path, data_dir: Path, queries_dir: Path, args, results: dict, *, build_runs: int, view_budget: float | None, save) -> bool:
    site = results.setdefault(label, {})
    _load(results, f"{label}: build")
    log(f"\n== {label}: build ({build_runs}×) from {data_dir}")
    site["build"] = time_build(db, data_dir, queries_dir, build_runs, log=log)
    save()
    if site["build"]["error"] or not db.exists():
        log(f"   the build failed; nothing else can be measured for {label}")
        return False
    site["build"]["tables_rows"] = _table_rows(db)
    pinned = _pin(db)

    _load(results, f"{label}: views")
    log(f"\n== {label}: views")
    # Every row of every view (what an export reads) is timed at real size only: at ×100 the
    # register's staging views alone take seconds per run, with no target to meet.
    site["views"] = time_views(db, runs=args.view_runs, budget_s=view_budget, whole=view_budget is None, log=log)
    save()

    if not args.skip_browser:
        _load(results, f"{label}: browser")
        log(f"\n== {label}: pages in headless Chromium")
        site["browser"] = browse(db, args, label)
        site["browser"]["db_replaced_during_run"] = os.stat(db).st_mtime != pinned
        save()
        if label == "real":
            _load(results, f"{label}: briefing pack")
            log(f"\n== {label}: the offline briefing pack in headless Chromium")
            from bench.pack import measure_pack

            try:
                site["pack"] = measure_pack(db, args.chromium)
            except Exception as err:  # reported as ERROR in the table, the rest of the run goes on
                site["pack"] = {"error": f"{type(err).__name__}: {err}"}
            save()
    return True


def _table_rows(db: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("select name from meta_relations where kind = 'table' order by name").fetchall()]
        return {n: con.execute(f'select count(*) from "{n}"').fetchall()[0][0] for n in names}
    finally:
        con.close()


def browse(db: Path, args, label: str) -> dict:
    from bench.pages import Browser, measure_site
    from bench.server import serve
    from tests.helpers.browser import CHROMIUM_ARGS, PAGE_PATHS

    logs = BENCH / "results"
    with serve("dashboard/server.py", db, logs / f"server-{label}.log") as app, serve("bench/bare_server.py", None, logs / f"server-bare-{label}.log") as bare:
        log(f"   app server up in {app.started_s:.1f} s (pid {app.pid}), bare server in {bare.started_s:.1f} s")
        browser = Browser(args.chromium, CHROMIUM_ARGS)
        try:
            out = measure_site(browser, app.base, bare.base, app.pid, PAGE_PATHS, samples=args.samples,
                               period_samples=args.period_samples, sessions=args.sessions, server_log=app.log, log=log)
        finally:
            browser.close()
        out["server_start_s"] = round(app.started_s, 2)
        out["server_errors"] = _log_errors(app.log)
    return out


def _log_errors(path: Path) -> list[str]:
    """The last line of each traceback in a server log (the cause of a page's error message)."""
    lines = path.read_text(errors="replace").splitlines()
    found = []
    for i, line in enumerate(lines):
        if line.startswith("Traceback"):
            j = i + 1
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                j += 1
            if j < len(lines) and lines[j] not in found:
                found.append(lines[j][:300])
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", type=Path, default=DATA_DIR, help="curated CSV files (default: data/)")
    p.add_argument("--queries-dir", type=Path, default=QUERIES_DIR, help="SQL files (default: queries/)")
    p.add_argument("--factor", type=int, default=100, help="size of the synthetic copy (default 100)")
    p.add_argument("--build-runs", type=int, default=3)
    p.add_argument("--scaled-build-runs", type=int, default=1, help="builds of the synthetic copy (default 1: one takes minutes)")
    p.add_argument("--view-runs", type=int, default=20)
    p.add_argument("--scaled-view-budget", type=float, default=15.0, help="seconds per view at scale before it stops early (≥ 3 runs)")
    p.add_argument("--samples", type=int, default=5, help="page loads per page")
    p.add_argument("--period-samples", type=int, default=5, help="period changes per page")
    p.add_argument("--sessions", type=int, default=10, help="browser sessions for the memory figure")
    p.add_argument("--skip-browser", action="store_true")
    p.add_argument("--skip-scaled", action="store_true")
    p.add_argument("--chromium", default="/usr/bin/chromium")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (databases, the scaled copy)")
    p.add_argument("--out", type=Path, default=BENCH / "results" / "latest.json")
    p.add_argument("--markdown", type=Path, default=BENCH / "RESULTS.md")
    args = p.parse_args(argv)
    args.data_dir, args.queries_dir = args.data_dir.resolve(), args.queries_dir.resolve()

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    results: dict = {"meta": {}, "targets": report.TARGETS}

    def save():
        results["meta"] = _meta(args, started)
        args.out.write_text(json.dumps(results, indent=1, default=str))

    ok = False
    try:
        ok = measure("real", tmp / "real.duckdb", args.data_dir, args.queries_dir, args, results, build_runs=args.build_runs, view_budget=None, save=save)
        if ok and not args.skip_scaled:
            log(f"\n== scaled: writing a ×{args.factor} copy of {args.data_dir}")
            t0 = time.perf_counter()
            scaled_data = tmp / f"data_x{args.factor}"
            from bench.scale import write_scaled

            scale_report = write_scaled(scaled_data, args.factor, args.data_dir, args.queries_dir, log=lambda m: log("   " + m))
            results["scaled"] = {"generate_s": round(time.perf_counter() - t0, 1),
                                 "tables": {r.name: {"rows": r.rows, "copies": r.copies, "varied": r.varied, "note": r.note} for r in scale_report}}
            save()
            measure("scaled", tmp / f"x{args.factor}.duckdb", scaled_data, args.queries_dir, args, results,
                    build_runs=args.scaled_build_runs, view_budget=args.scaled_view_budget, save=save)
    finally:
        save()
        if args.keep:
            log(f"\nkept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    _load(results, "end")
    table = report.rows(results)
    s = report.summary(table)
    log("\n" + report.text_table(table, args.factor))
    log(f"\ntargets: {s['pass']} pass, {s['miss']} miss, {s['error']} error · whole run {results['meta']['total_s'] / 60:.1f} min")
    results["summary"] = s
    results["table"] = [r.__dict__ for r in table]
    args.out.write_text(json.dumps(results, indent=1, default=str))
    args.markdown.write_text(report.markdown(results, table))
    log(f"wrote {os.path.relpath(args.out, ROOT)} and {os.path.relpath(args.markdown, ROOT)}")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
