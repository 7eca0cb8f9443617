"""Prototype fixes on a copy of the project and measure them in the browser, beside the unchanged
copy. Nothing under the project changes: each variant is the project copied to a temporary
folder with a few text patches applied (a patch whose anchor text is gone fails loudly, so this
stays honest when the app changes).

    .venv/bin/python -m bench.experiments DB [--variants baseline,no_gc,...] [--pages ...] [--samples 5]

Variants (combine with '+'):
  baseline        the project as it is
  no_gc           .streamlit/config.toml: [runner] postScriptGC = false (no full gc.collect() after every rerun)
  bands           charts.add_period_bands: shapes and annotations in one update_layout (plotly's add_vrect /
                  add_vline re-validate the whole layout on every call)
  figcache        charts: every figure builder memoised on (builder, frame content, arguments)
  lazy_rows       ui.panel: the "Data behind this chart" expander is lazy (key + on_change="rerun"): its
                  dataframe and CSV download are built and sent only once the reader opens it
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from dashboard.paths import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class PatchFailed(RuntimeError):
    pass


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    if old not in text:
        raise PatchFailed(f"{path}: anchor not found:\n{old[:200]}")
    path.write_text(text.replace(old, new, 1))


def _no_gc(root: Path) -> None:
    _replace(root / ".streamlit" / "config.toml", "[runner]\n", "[runner]\npostScriptGC = false\n")


def _bands(root: Path) -> None:
    path = root / "dashboard" / "charts.py"
    text = path.read_text()
    start = text.index("def add_period_bands(")
    end = text.index("\ndef ", start + 10)
    new = '''def add_period_bands(fig: go.Figure, x_min: float, x_max: float, *, yearly: bool = True) -> go.Figure:
    """Shade the three periods lightly and mark 2014 and 24 February 2022 (one layout update)."""
    edges = [m["year_edge"] if yearly else m["date"] for m in style.EVENT_MARKERS]
    spans = [("before_2014", x_min, edges[0]), ("2014_2022", edges[0], edges[1]), ("since_2022", edges[1], x_max)]
    shapes = [dict(type="rect", xref="x", yref="y domain", x0=start, x1=end, y0=0, y1=1, fillcolor=style.PERIOD_COLOURS[period], opacity=0.06, line_width=0, layer="below") for period, start, end in spans]
    shapes += [dict(type="line", xref="x", yref="y domain", x0=edge, x1=edge, y0=0, y1=1, line=dict(width=1, dash="dot", color=style.NEUTRAL)) for edge in edges]
    annotations = [dict(x=edge, y=1 - 0.06 * i, yref="paper", text=marker["label"], showarrow=False, xanchor="right" if i == 0 else "left", yanchor="top", font={"size": 11, "color": style.NEUTRAL}, xshift=-3 if i == 0 else 3, bgcolor="rgba(255,255,255,0.8)")
                   for i, (marker, edge) in enumerate(zip(style.EVENT_MARKERS, edges))]
    fig.update_layout(shapes=list(fig.layout.shapes or ()) + shapes, annotations=list(fig.layout.annotations or ()) + annotations, xaxis_range=[x_min, x_max])
    return fig

'''
    path.write_text(text[:start] + new + text[end:])


def _figcache(root: Path) -> None:
    path = root / "dashboard" / "charts.py"
    text = path.read_text()
    text += '''

# --- bench prototype: memoise every public figure builder on its inputs -----------------------
import functools as _functools
import hashlib as _hashlib
import threading as _threading

_FIG_CACHE: dict = {}
_FIG_LOCK = _threading.Lock()


def _fig_key(name, args, kwargs):
    h = _hashlib.sha1(name.encode())
    for value in list(args) + [kwargs[k] for k in sorted(kwargs)] + sorted(kwargs):
        if isinstance(value, pd.DataFrame):
            h.update(pd.util.hash_pandas_object(value, index=True).values.tobytes())
            h.update(repr(list(value.columns)).encode())
        else:
            h.update(repr(value).encode())
    return h.hexdigest()


def _memo(fn):
    @_functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = _fig_key(fn.__name__, args, kwargs)
        with _FIG_LOCK:
            hit = _FIG_CACHE.get(key)
        if hit is None:
            hit = fn(*args, **kwargs)
            with _FIG_LOCK:
                _FIG_CACHE[key] = hit
        return hit
    return wrapper


for _name in ("period_bars", "stacked_counts", "period_comparison", "tiv_by_year", "horizontal_bars", "hedged_bars", "timeline", "map_points", "lines"):
    if _name in globals():
        globals()[_name] = _memo(globals()[_name])
'''
    path.write_text(text)


def _lazy_rows(root: Path) -> None:
    path = root / "dashboard" / "ui.py"
    text = path.read_text()
    a = text.index('    with st.expander(f"Data behind this chart ({len(rows)} rows)"):\n')
    b = text.index("    if quotes is not None and not quotes.empty:", a)
    block = text[a:b].splitlines(keepends=True)
    lazy = ['    with st.expander(f"Data behind this chart ({len(rows)} rows)", key=f"rows_{name}", on_change="rerun") as rows_box:\n',
            "        if rows_box.open:\n"] + ["    " + line if line.strip() else line for line in block[1:]]
    _replace(path, "".join(block), "".join(lazy))


VARIANTS = {"baseline": [], "no_gc": [_no_gc], "bands": [_bands], "figcache": [_figcache], "lazy_rows": [_lazy_rows]}


def make_copy(dest: Path, names: list[str]) -> Path:
    shutil.copytree(ROOT / "dashboard", dest / "dashboard", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / ".streamlit", dest / ".streamlit")
    shutil.copytree(ROOT / "bench", dest / "bench", ignore=shutil.ignore_patterns("__pycache__", "results"))
    for name in names:
        for patch in VARIANTS[name]:
            patch(dest)
    return dest


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.experiments", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("db", type=Path)
    p.add_argument("--variants", default="baseline,no_gc,bands,lazy_rows,figcache,no_gc+bands+lazy_rows+figcache")
    p.add_argument("--pages", default="Overview,Arms transfers,Exercises and diplomacy")
    p.add_argument("--samples", type=int, default=5)
    p.add_argument("--period-samples", type=int, default=5)
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "experiments.json")
    args = p.parse_args(argv)

    from bench.pages import Browser, measure_site
    from bench.server import serve
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS

    db = args.db.resolve()
    pages = {t: PAGE_PATHS[t] for t in args.pages.split(",")}
    results = {}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for variant in args.variants.split(","):
        names = [n for n in variant.split("+") if n != "baseline"]
        with tempfile.TemporaryDirectory(prefix="bench-exp-") as tmp:
            root = make_copy(Path(tmp), names)
            print(f"\n== {variant}", flush=True)
            log_path = args.out.parent / f"server-exp-{variant}.log"
            with serve("dashboard/app.py", db, log_path, root=root) as app, serve("bench/bare_app.py", None, args.out.parent / "server-exp-bare.log", root=root) as bare:
                browser = Browser(CHROMIUM, CHROMIUM_ARGS)
                try:
                    out = measure_site(browser, app.base, bare.base, app.pid, pages, samples=args.samples, period_samples=args.period_samples, sessions=0,
                                       server_log=log_path, log=lambda m: print(m, flush=True))
                finally:
                    browser.close()
        bare_ms = out["page_load"]["bare"]["median_ms"]
        results[variant] = {
            "bare_ms": bare_ms,
            "pages": {t: {"load_ms": out["page_load"][t]["median_ms"], "ratio": (out["page_load"][t]["median_ms"] or 0) / bare_ms if bare_ms else None,
                          "load_phases": out["page_load"][t]["phases_ms"], "period_ms": out["period_change"][t]["median_ms"],
                          "period_phases": out["period_change"][t]["phases_ms"], "error": out["page_load"][t]["error"] or out["period_change"][t]["error"]}
                      for t in pages},
            "rss_end_mb": out["rss_mb"].get("end"),
        }
        args.out.write_text(json.dumps(results, indent=1))
    print()
    print(f"{'variant':45s} {'bare':>6s} " + " ".join(f"{t[:14]:>24s}" for t in pages))
    for variant, r in results.items():
        cells = []
        for t in pages:
            x = r["pages"][t]
            cells.append("ERROR" if x["error"] else f"{x['load_ms'] / 1000:.2f}s {x['ratio']:.2f}× / {x['period_ms']:.0f}ms")
        print(f"{variant:45s} {r['bare_ms'] / 1000:5.2f}s " + " ".join(f"{c:>24s}" for c in cells))
    print("(each page: load median, ratio to bare / period change median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
