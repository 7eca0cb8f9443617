"""Database build time and each view's query time, through the app's own query path."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dashboard.core.paths import ROOT


def time_build(db: Path, data_dir: Path, queries_dir: Path, runs: int, log=print) -> dict:
    """`python -m dashboard build` in a fresh process, `runs` times. Returns the command's wall time
    and the build's own time (what it prints, from start of build() to the rename)."""
    wall, own, error, line = [], [], None, ""
    for i in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "dashboard", "build", "--db", str(db), "--data-dir", str(data_dir), "--queries-dir", str(queries_dir)],
                              cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            error = (proc.stderr or proc.stdout).strip().splitlines()[0][:300] if (proc.stderr or proc.stdout).strip() else f"exit status {proc.returncode}"
            log(f"    build failed: {error}")
            break
        line = proc.stdout.strip()
        m = re.search(r" in ([0-9.]+) s", line)
        wall.append(elapsed)
        own.append(float(m.group(1)) if m else elapsed)
        log(f"    build {i + 1}/{runs}: {elapsed:.2f} s wall ({own[-1]:.2f} s in build()) — {line}")
    return {
        "runs": len(wall), "median_s": statistics.median(wall) if wall else None, "wall_s": wall,
        "median_build_s": statistics.median(own) if own else None, "build_s": own, "output": line, "error": error,
    }


def _time(fetch, runs: int, budget_s: float | None, hard_cap_s: float) -> tuple[list[float], float, object]:
    """One unmeasured run first (opens the file, warms DuckDB's caches; kept as a sample when it
    took over a second), then up to `runs` timed runs; with a `budget_s`, stop once the budget is
    used (after at least 3 runs, or once past `hard_cap_s`)."""
    t0 = time.perf_counter()
    frame = fetch()
    first = time.perf_counter() - t0
    times: list[float] = [first] if first > 1.0 else []
    spent = first
    while len(times) < runs:
        if budget_s is not None and ((spent >= budget_s and len(times) >= 3) or spent >= hard_cap_s):
            break
        t0 = time.perf_counter()
        frame = fetch()
        times.append(time.perf_counter() - t0)
        spent += times[-1]
    return times or [first], first, frame


def read_with_text(filters: dict | None) -> str:
    """How a view was read, for the log and the table: "read with release_old = 2025, …" or ""."""
    return "read with " + ", ".join(f"{k} = {v}" for k, v in filters.items()) if filters else ""


def time_views(db: Path, runs: int = 20, budget_s: float | None = None, hard_cap_s: float = 30.0, whole: bool = True, log=print) -> dict:
    """Every view the build recorded (meta_relations kind='view'), read through the app's own
    query path (dashboard.core.db.Database.fetch) as a page reads it: `select * ... limit 1000`, the
    Data explorer's preview (the other pages read marts that are far smaller than that, whole).
    The target applies to that figure. A view whose sidecar names the filter a page reads it with
    (`read_with`, e.g. the release diffs: Russia → China, 2025 against 2026) is read with that filter,
    as the page reads it, never whole. With `whole`, also every row of the view (with that filter)
    into a DataFrame (what an export reads; reported, no target). Medians of `runs`, see _time()."""
    from dashboard.core.db import Database, Query
    from dashboard.pipeline.catalog import PREVIEW_ROWS

    database = Database(db)
    out = {}
    try:
        for view in database.views():
            try:
                filters = tuple(database.read_with.get(view, {}).items())
                times, first, frame = _time(lambda: database.fetch(Query(view, equals=filters, limit=PREVIEW_ROWS)), runs, budget_s, hard_cap_s)
                r = out[view] = {
                    "median_ms": 1000 * statistics.median(times), "runs": len(times), "first_ms": 1000 * first,
                    "min_ms": 1000 * min(times), "rows": len(frame), "columns": frame.shape[1],
                    "matched_rows": database.count(Query(view, equals=filters)), "stored_as": database.stored_as.get(view), "error": None,
                    "read_with": dict(filters) or None,
                }
                if whole:
                    times, _, frame = _time(lambda: database.fetch(Query(view, equals=filters)), runs, budget_s, hard_cap_s)
                    r["whole_median_ms"] = 1000 * statistics.median(times)
                    r["whole_frame_mb"] = round(frame.memory_usage(deep=True).sum() / 1e6, 2)
                del frame
            except Exception as e:  # a broken view is a result, not a crash
                out[view] = {"median_ms": None, "runs": 0, "error": f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"}
            r = out[view]
            read = f", {read_with_text(r['read_with'])}" if r.get("read_with") else ""
            log(f"    {view}: " + (f"{r['median_ms']:.1f} ms median of {r['runs']} ({r['rows']} of {r['matched_rows']} rows{read})"
                                   + (f"; whole: {r['whole_median_ms']:.1f} ms" if "whole_median_ms" in r else "") if r["error"] is None else f"ERROR {r['error']}"))
    finally:
        database.close()
    return out
