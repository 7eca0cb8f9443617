"""Briefing files in the app: one panel as a 16:9 PNG or SVG rendered on the server (title, source
and vintage inside the image), and the Briefing page's deck, pack and PDF — the same bytes as
`python -m dashboard brief`, from the same rows (web.data.load) and the same code."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard.core import style
from dashboard.core.paths import db_path
from dashboard.outputs import brief
from dashboard.web import data

IMAGE_HELP = {
    "png": "A 16:9 PNG (2560 px wide at scale 2) drawn on the server, with the chart's title, source line and data vintage inside the image.",
    "svg": "A 16:9 SVG drawn on the server, with the chart's title, source line and data vintage inside the image.",
}


@st.cache_data(max_entries=12, show_spinner=False)  # a pack is ~5 MB
def _cached(version: int, ids: tuple[str, ...], period: str, fmt: str, params: tuple = ()) -> bytes:
    chosen = {panel: dict(values) for panel, values in params}
    return brief.make(brief.prepare(data.database(), data.load, list(ids) or None, period, chosen), fmt)


def briefing_file(ids: list[str] | tuple[str, ...] | None, period: str, fmt: str, params: dict[str, dict] | None = None) -> bytes:
    """The briefing file for these panels (none: the default briefing) and period, in `fmt`;
    `params`: a panel's page parameters by its id (the page's defaults otherwise)."""
    frozen = tuple(sorted((panel, tuple(sorted(values.items()))) for panel, values in (params or {}).items()))
    return _cached(db_path().stat().st_mtime_ns, tuple(ids or ()), period, fmt, frozen)


def image_downloads(panel_id: str, period: str, container=None, **params) -> None:
    """PNG and SVG download buttons for one registry panel (dashboard.outputs.panels), rendered only
    when clicked (a callable for Streamlit's deferred download data; the camera button stays).
    `params`: the page's choices the panel is drawn with (e.g. release), so the image is the figure
    on screen; the file name carries them."""
    container = container or st
    left, right = container.columns(2)
    chosen = {k: v for k, v in params.items() if v is not None}
    for where, fmt in ((left, "png"), (right, "svg")):
        name = brief.file_name([panel_id], period, fmt)
        if chosen:
            name = name.removesuffix(f".{fmt}") + "_" + "_".join(style.slug(str(v)) for v in chosen.values()) + f".{fmt}"
        where.download_button(
            f"Image ({fmt.upper()}, 16:9)", data=partial(briefing_file, [panel_id], period, fmt, {panel_id: chosen}),
            file_name=name, mime=brief.MIME[fmt], on_click="ignore",
            key=f"image_{fmt}_{panel_id}", help=IMAGE_HELP[fmt], icon=":material/image:",
        )
