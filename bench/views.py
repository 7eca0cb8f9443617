"""Database build time and each view's query time, through the app's own query path."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dashboard.paths import ROOT


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


def time_views(db: Path, runs: int = 20, budget_s: float | None = None, hard_cap_s: float = 30.0, log=print) -> dict:
    """Every view the build recorded (meta_relations kind='view'): `select *`, every row fetched
    into a DataFrame through dashboard.db.Database.fetch(Query(view)), as the app reads it.
    One unmeasured run first (opens the file, warms DuckDB's caches; kept as a sample when it took
    over a second), then `runs` timed runs; with a `budget_s`, a view stops early once it has used
    its budget (after at least 3 runs, or once past `hard_cap_s`); the number of runs is reported."""
    from dashboard.db import Database, Query

    database = Database(db)
    out = {}
    try:
        for view in database.views():
            try:
                t0 = time.perf_counter()
                frame = database.fetch(Query(view))
                first = time.perf_counter() - t0
                # A slow first run is a sample in itself (its cold caches are small beside it).
                times: list[float] = [first] if first > 1.0 else []
                spent = first
                while len(times) < runs:
                    if budget_s is not None and ((spent >= budget_s and len(times) >= 3) or spent >= hard_cap_s):
                        break
                    t0 = time.perf_counter()
                    frame = database.fetch(Query(view))
                    times.append(time.perf_counter() - t0)
                    spent += times[-1]
                out[view] = {
                    "median_ms": 1000 * statistics.median(times) if times else 1000 * first, "runs": len(times), "first_ms": 1000 * first,
                    "min_ms": 1000 * min(times) if times else None, "rows": len(frame), "columns": frame.shape[1],
                    "frame_mb": round(frame.memory_usage(deep=True).sum() / 1e6, 2), "error": None,
                }
                del frame
            except Exception as e:  # a broken view is a result, not a crash
                out[view] = {"median_ms": None, "runs": 0, "error": f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"}
            r = out[view]
            log(f"    {view}: " + (f"{r['median_ms']:.1f} ms median of {r['runs']}, {r['rows']} rows" if r["error"] is None else f"ERROR {r['error']}"))
    finally:
        database.close()
    return out
