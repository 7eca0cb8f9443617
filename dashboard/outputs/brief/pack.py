"""The briefing as one self-contained HTML file (the offline pack) and as PDF.

The pack holds plotly.js once (plotly.py's bundled copy, inlined), the map outlines, every
figure and every quote: it opens from a disk or an e-mail attachment with no server, and its
Content-Security-Policy lets it fetch nothing at all. Each panel and each quote behind it is an
anchor (#panel-ID, #quote-PANEL--ROW), and so is each claim card (#claim-CLAIM_ID, the id of the app's ?claim=CLAIM_ID).

Fast to read: every chart is first in the file as a server-rendered SVG (drawn as soon as the
page is parsed, no script needed), and plotly.js (4.7 MB, seconds to evaluate on a slow machine)
runs only after the first paint, then replaces each picture with the same figure, interactive.
Marks: performance marks 'pack-static' (pictures parsed), 'pack-plotly', 'pack-drawn'; <html>
gets data-static="1" at once and data-ready="1" when every chart is interactive.

The PDF is the same selection printed by headless Chromium from a static copy of the pack whose
charts are server-rendered SVG (no script runs while printing).
"""

from __future__ import annotations

import html as _html
import json
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import plotly.io as pio

from dashboard.core import style
from dashboard.outputs.brief import render
from dashboard.outputs.brief.model import Briefing, BriefError, Item, citation_lines, claim_citation, image_figure, missing, quote_lines

CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
PACK_WIDTH = 1060  # px: a chart's width in the pack (main's 1100 px less its padding); it scales down on narrow screens
CSS = """
body{font-family:Liberation Sans,DejaVu Sans,Arial,sans-serif;color:#1A1A1A;background:#F4F6F8;margin:0}
main{max-width:1100px;margin:0 auto;padding:1rem 1.25rem 3rem}
header.cover{background:#fff;border-radius:6px;padding:1rem 1.25rem;margin-bottom:1rem}
section.panel{background:#fff;border-radius:6px;padding:1rem 1.25rem;margin:1rem 0;break-before:page}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:.2rem 0}
.sub,.meta,.src{color:#5B6573;font-size:.9rem}.chart{width:100%}.chart svg{width:100%;height:auto}
ol.quotes{font-size:.9rem;padding-left:1.4rem}ol.quotes li{margin:.35rem 0}article.claim{border-top:1px solid #E5E8EC;padding:.5rem 0}blockquote{margin:.3rem 0 .3rem 1rem;font-style:italic}
:target{outline:3px solid #D55E00;outline-offset:3px}
a{color:#0B5CAD}
@page{size:A4 landscape;margin:12mm}
@media print{body{background:#fff}section.panel,header.cover{padding:0;border-radius:0}}
"""


def _e(text) -> str:
    return _html.escape("" if text is None else str(text), quote=True)


def _script_json(value) -> str:
    """JSON to sit inside a <script>: no "</" can close it early."""
    return value.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def anchor(item: Item, row_id) -> str:
    return f"quote-{item.id}--{style.slug(str(row_id))}"


def _cover(briefing: Briefing) -> str:
    v = briefing.vintage
    items = "".join(f"<li><a href='#panel-{_e(i.id)}'>{_e(i.spec.caption.title)}</a></li>" for i in briefing.items)
    skipped = f"<p class='meta'>Not shown (no rows in this period): {_e(', '.join(briefing.skipped))}</p>" if briefing.skipped else ""
    vintage = "".join(f"<li>{_e(x)}</li>" for x in (f"Database built {v.built} · dashboard version {v.app_version}", f"SIPRI data: {v.sipri}", *("SIPRI " + r for r in v.releases), *("Document: " + d for d in v.documents)))
    return (
        "<header class='cover' id='cover'><h1>Russia–China military cooperation: briefing</h1>"
        f"<p class='sub'>Period: {_e(style.period_label(briefing.period))} · {len(briefing.items)} panels</p>"
        f"<h2>Data vintage</h2><ul class='meta'>{vintage}</ul>"
        "<p class='meta'>TIV is SIPRI's trend-indicator value: a measure of the volume of arms transfers, not their financial value.</p>"
        f"<h2>Panels</h2><ol>{items}</ol>{skipped}</header>"
    )


def _quotes(item: Item) -> str:
    """The quotes behind the panel, each an anchor, each linked to its claim card; then links to
    the SIPRI values it draws."""
    quotes, out = item.spec.quotes, ""
    curated = item.claims[item.claims["claim_kind"] == "curated"]
    card_of = dict(zip(curated["record_id"].astype(str), curated["claim_id"]))
    if quotes is not None and not quotes.empty:
        entries = []
        for row_id, line in zip(quotes["row_id"], quote_lines(item)):
            card = card_of.get(str(row_id))
            link = f" <a href='#{_e(claim_anchor(card))}'>claim card</a>" if card else ""
            entries.append(f"<li id='{_e(anchor(item, row_id))}'>{_e(line)}{link}</li>")
        out += f"<h3>{style.QUOTES_HEADING} ({len(quotes)})</h3><ol class='quotes'>{''.join(entries)}</ol>"
    sipri = item.claims[item.claims["claim_kind"] == "sipri"]
    if not sipri.empty:
        links = "".join(f"<li><a href='#{_e(claim_anchor(r.claim_id))}'>{_e(r.label)}, {_e(r.release)} release: {_e(_value(r._asdict()))}</a></li>" for r in sipri.itertuples())
        out += f"<details><summary>SIPRI values behind this chart ({len(sipri)} claim cards)</summary><ul class='quotes'>{links}</ul></details>"
    return out


def claim_anchor(claim_id) -> str:
    return f"claim-{claim_id}"


def _value(card: dict) -> str:
    value, unit = str(card.get("value_text") or ""), str(card.get("unit") or "")
    return (value + (" " + unit if unit and unit not in value else "")).strip() or "no figure (a statement)"


def _cards(briefing: Briefing) -> str:
    """One claim card per claim the pack shows: the value, its period, the quote (or paraphrase,
    or SIPRI's method), the citation, the other reading, the as-of date, and where it appears."""
    where: dict[str, list[Item]] = {}
    cards: dict[str, dict] = {}
    sources: dict[str, dict] = {}
    for item in briefing.items:
        sources.update({r["source_id"]: r for r in item.sources.to_dict("records")})
        for card in item.claims.to_dict("records"):
            cards.setdefault(card["claim_id"], card)
            where.setdefault(card["claim_id"], []).append(item)
    if not cards:
        return ""
    out = []
    for cid, c in cards.items():
        text = lambda k: "" if missing(c.get(k)) else str(c.get(k))  # noqa: E731
        if text("quote") and (text("evidence_kind") or "quote") == "quote":
            said = f"<blockquote>“{_e(text('quote'))}”</blockquote>"
        elif text("evidence") or text("quote"):
            said = f"<p>{_e(text('evidence') or text('quote'))} <i>({'method' if c.get('claim_kind') == 'sipri' else 'paraphrase'})</i></p>"
        else:
            said = ""
        extra = [x for x in (
            f"Qualifier: {text('qualifier_label')}." if text("qualifier") and text("qualifier") != "exact" else "",
            f"As of: {text('as_of')}." if text("as_of") else "",
            f"Another reading: {text('other_reading')}." if text("other_reading") else "",
            f"Note: {text('note')}." if text("note") else "",
        ) if x]
        shown = ", ".join(f"<a href='#panel-{_e(i.id)}'>{_e(i.spec.caption.title)}</a>" for i in where[cid])
        out.append(
            f"<article class='claim' id='{_e(claim_anchor(cid))}'><h3>{_e(text('label'))}</h3>"
            f"<p><b>{_e(_value(c))}</b> · {_e(text('period_text'))}</p>{said}"
            f"<p class='src'>{_e(claim_citation(c, sources))}</p>"
            + (f"<p class='meta'>{_e(' '.join(extra))}</p>" if extra else "")
            + f"<p class='meta'>Claim {_e(cid)} · in this pack: {shown}</p></article>"
        )
    return f"<section class='panel' id='claims'><h2>Claim cards ({len(cards)})</h2>{''.join(out)}</section>"


def _section(item: Item, chart: str) -> str:
    cap = item.spec.caption
    meta = item.figure.layout.meta
    description = meta.get("description") if isinstance(meta, dict) else None
    cites = "".join(f"<li>{_e(c)}</li>" for c in citation_lines(item))
    return (
        f"<section class='panel' id='panel-{_e(item.id)}'><h2>{_e(cap.title)}</h2><p class='sub'>{_e(cap.subtitle)}</p>"
        + chart
        + (f"<p><b>Chart description:</b> {_e(description)}</p>" if description else "")
        + (f"<p class='meta'>{_e(item.spec.note)}</p>" if item.spec.note else "")
        + f"<p class='src'>{_e(cap.source)}</p>"
        + _quotes(item)
        + (f"<h3>Sources</h3><ul class='src'>{cites}</ul>" if cites else "")
        + "</section>"
    )


def _page(briefing: Briefing, sections: list[str], scripts: str = "") -> str:
    title = f"Briefing: Russia–China military cooperation, {style.period_label(briefing.period)}"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>"
        + _cover(briefing) + "".join(sections) + _cards(briefing) + "</main>" + scripts + "</body></html>"
    )


@lru_cache(maxsize=1)
def _libraries() -> str:
    """plotly.js and the map outlines as inert text, run by _UPGRADE after the first paint."""
    return (
        "<script type='text/plain' id='plotly-js'>" + render.PLOTLY_JS.read_text(encoding="utf-8") + "</script>"
        "<script type='text/plain' id='geo-js'>" + _script_json(render.geo_assets_script()) + "</script>"
    )


# After the first paint: run plotly.js, then draw each figure interactive in place of its picture.
_STATIC = "<script>performance.mark('pack-static');document.documentElement.setAttribute('data-static','1');</script>"
_UPGRADE = (
    "<script>function run(id){var s=document.createElement('script');s.text=document.getElementById(id).textContent;document.head.appendChild(s);}"
    "function upgrade(){run('plotly-js');run('geo-js');performance.mark('pack-plotly');"
    "Promise.all(FIGURES.map(function(f){var box=document.getElementById(f[0]);var live=document.createElement('div');"
    "return Plotly.newPlot(live,f[1].data,f[1].layout,f[2]).then(function(){box.replaceChildren(live);});}))"
    ".then(function(){performance.mark('pack-drawn');document.documentElement.setAttribute('data-ready','1');});}"
    "requestAnimationFrame(function(){setTimeout(upgrade,0);});</script>"
)


def _config(item: Item) -> dict:
    config = style.png_config(item.id)
    config.pop("topojsonURL", None)  # the outlines are in the file (window.PlotlyGeoAssets)
    return config


def html(briefing: Briefing) -> bytes:
    """The offline pack: pictures first, interactive once plotly.js has run."""
    sections, figures = [], []
    for item in briefing.items:
        div = f"chart-{item.id}"
        height = int(item.figure.layout.height or 460)
        svg = render.image(item.figure, "svg", width=PACK_WIDTH, height=height).decode("utf-8")
        sections.append(_section(item, f"<div class='chart' id='{_e(div)}' role='img' aria-label='{_e(item.spec.caption.title)}'>{svg}</div>"))
        figures.append(f"[{json.dumps(div)},{_script_json(pio.to_json(item.figure, validate=False))},{_script_json(json.dumps(_config(item)))}]")
    scripts = _STATIC + _libraries() + "<script>var FIGURES=[" + ",".join(figures) + "];</script>" + _UPGRADE
    return _page(briefing, sections, scripts).encode("utf-8")


def print_html(briefing: Briefing) -> bytes:
    """The pack with each chart as a server-rendered SVG (with the data vintage) and no script."""
    sections = []
    for item in briefing.items:
        fig, width, height = image_figure(item, briefing.vintage)
        svg = render.image(fig, "svg", width=width, height=height).decode("utf-8")
        sections.append(_section(item, f"<div class='chart' role='img' aria-label='{_e(item.spec.caption.title)}'>{svg}</div>"))
    return _page(briefing, sections).encode("utf-8")


def chromium() -> str:
    """The system Chromium (or Chrome): $BROWSER_PATH, else the first on PATH."""
    for name in (os.environ.get("BROWSER_PATH"), "chromium", "chromium-browser", "google-chrome", "chrome"):
        if name and (found := shutil.which(name)):
            return found
    raise BriefError("PDF needs Chromium (apt-get install chromium), which is not installed")


def pdf(briefing: Briefing) -> bytes:
    """The print pack printed to PDF by headless Chromium (offline: background networking off,
    a proxy that goes nowhere)."""
    with tempfile.TemporaryDirectory(prefix="dashboard-pdf-") as tmp:
        page, out = Path(tmp) / "briefing.html", Path(tmp) / "briefing.pdf"
        page.write_bytes(print_html(briefing))
        cmd = [
            chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            f"--proxy-server={render.NOWHERE_PROXY}", f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri(),
        ]
        done = subprocess.run(cmd, capture_output=True, timeout=180, check=False)
        if not out.exists() or out.stat().st_size == 0:
            raise BriefError("Chromium did not print the PDF: " + done.stderr.decode("utf-8", "replace").strip()[-300:])
        return out.read_bytes()
