"""Briefing output: the chosen panels for a period as a slide deck (pptx), an offline pack (html),
its printed form (pdf), or one panel as an image (png, svg) — the same files from the command
line (`python -m dashboard brief`) and the Briefing page.

Every file carries the data vintage: when the database was built, the app version, the SIPRI
releases and the documents' dates. Where a format allows it, the bytes depend only on the
database and the choice (timestamps come from the build time), so the page and the command line
give the same file.
"""

from __future__ import annotations

from dashboard.core import style
from dashboard.outputs.brief import render
from dashboard.outputs.brief.model import Briefing, BriefError, image_figure, prepare, vintage

__all__ = ["FORMATS", "MIME", "Briefing", "BriefError", "file_name", "make", "prepare", "vintage"]

FORMATS = ("pptx", "html", "pdf", "png", "svg")
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "html": "text/html",
    "pdf": "application/pdf",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def file_name(briefing_ids: list[str] | None, period: str, fmt: str) -> str:
    """What the file is called: the panel (for an image) or "briefing", and the period."""
    what = briefing_ids[0] if fmt in ("png", "svg") and briefing_ids else "briefing"
    return f"{style.slug(what)}-{style.slug(period)}.{fmt}"


def make(briefing: Briefing, fmt: str) -> bytes:
    """The briefing's file in this format (png and svg: exactly one panel)."""
    if fmt not in FORMATS:
        raise BriefError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if not briefing.items:
        raise BriefError("no panel has rows in this period: " + ", ".join(briefing.skipped))
    if fmt in ("png", "svg"):
        if len(briefing.items) != 1:
            raise BriefError(f"a {fmt} image holds one panel; {len(briefing.items)} were chosen (give one with --panels)")
        fig, width, height = image_figure(briefing.items[0], briefing.vintage)
        return render.image(fig, fmt, width=width, height=height, scale=2 if fmt == "png" else 1)
    if fmt == "pptx":
        from dashboard.outputs.brief import deck

        return deck.deck(briefing)
    from dashboard.outputs.brief import pack

    return pack.html(briefing) if fmt == "html" else pack.pdf(briefing)
