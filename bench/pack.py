"""`python -m bench.pack [--db PATH] [--samples 5]`: how fast the offline briefing pack is ready in
headless Chromium (issue #15: every chart drawn within 1 s of opening, against ~2 s for the bare
Streamlit page), with every request off the file refused.

Each sample opens the default pack (`python -m dashboard brief --out pack.html`) in a fresh page
from its file:// URL and reads the pack's own performance marks: `pack-static` (every chart drawn:
the server-rendered pictures are parsed; the target), `pack-plotly` (plotly.js has run) and
`pack-drawn` (every chart interactive). Medians of `samples`; also the load average, since on a
shared 2-core machine other work slows every figure. `measure_pack` is the step for `python -m bench`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from dashboard.core.paths import ROOT, db_path

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_S = 1.0


def measure_pack(db: Path, chromium: str = "/usr/bin/chromium", samples: int = 5) -> dict:
    from playwright.sync_api import sync_playwright

    from dashboard.core.db import Database
    from dashboard.outputs import brief
    from dashboard.web.data import query, reader_rows
    from tests.helpers.browser import CHROMIUM_ARGS

    database = Database(db)
    try:
        load = lambda view, period="all", **f: reader_rows(database.fetch(query(view, period, **f)))  # noqa: E731
        html = brief.make(brief.prepare(database, load), "html")
    finally:
        database.close()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pack.html"
        path.write_bytes(html)
        url = path.as_uri()
        runs, refused = [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for _ in range(samples):
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    page.route("**/*", lambda r: r.continue_() if r.request.url == url else (refused.append(r.request.url), r.abort()))
                    page.goto(url, wait_until="commit")
                    page.wait_for_selector("html[data-ready='1']", timeout=120_000)
                    runs.append(page.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime / 1000]))"))
                    page.close()
            finally:
                browser.close()
    median = {k: round(statistics.median(r[k] for r in runs), 3) for k in ("pack-static", "pack-plotly", "pack-drawn")}
    return {
        "bytes": len(html), "samples": samples, "drawn_s": median["pack-static"], "plotly_run_s": median["pack-plotly"], "interactive_s": median["pack-drawn"],
        "target_s": TARGET_S, "meets_target": median["pack-static"] <= TARGET_S, "requests_refused": refused, "load_average": round(os.getloadavg()[0], 2),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.pack", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", type=Path, default=None)
    p.add_argument("--samples", type=int, default=5)
    p.add_argument("--chromium", default="/usr/bin/chromium")
    args = p.parse_args(argv)
    result = measure_pack((args.db or db_path()).resolve(), args.chromium, args.samples)
    print(json.dumps(result, indent=1))
    return 0 if result["meets_target"] and not result["requests_refused"] else 1


if __name__ == "__main__":
    sys.exit(main())
