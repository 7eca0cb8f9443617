"""The look, defined once: period colours, event markers, fonts, the source footer, PNG export."""

from __future__ import annotations

import re

# Okabe–Ito colours: distinct for the common forms of colour blindness, and in greyscale by order.
PERIOD_COLOURS = {
    "before_2014": "#0072B2",  # blue
    "2014_2022": "#E69F00",  # orange
    "since_2022": "#CC79A7",  # reddish purple
}
PERIOD_LABELS = {
    "before_2014": "Before 2014",
    "2014_2022": "2014 – 23 Feb 2022",
    "since_2022": "Since 24 Feb 2022",
    "all": "All periods",
}
NEUTRAL = "#5B6573"
# Series that are not periods (readings of a figure, weapon categories, supplier pairs), in order
# of appearance: Okabe–Ito again, period colours last so that a chart of other series rarely
# borrows one.
SERIES_COLOURS = ("#D55E00", "#009E73", "#0072B2", "#56B4E9", "#8C6D31", "#000000", "#E69F00", "#CC79A7", "#999999")
DOMAIN_COLOURS = {"land": "#8C6D31", "naval": "#0072B2", "air": "#56B4E9", "combined": "#009E73"}
ESTIMATE_PATTERN = "/"  # hatching for estimated values
HEDGED_PATTERN = "."  # dots for hedged (at least / more than / about) values
FONT = "Liberation Sans, DejaVu Sans, Arial, sans-serif"  # local fonts only: nothing fetched
SOURCE_FONT_SIZE = 11
PAPER = "#FFFFFF"  # charts are white cards in both themes, so a downloaded PNG has a white background

# Where time is an axis: the two cut points. Yearly charts draw them between the years.
EVENT_MARKERS = (
    {"date": "2014-01-01", "year_edge": 2013.5, "label": "2014: Crimea annexed, sanctions"},
    {"date": "2022-02-24", "year_edge": 2021.5, "label": "24 Feb 2022: full-scale invasion"},
)


def period_label(period: str) -> str:
    return PERIOD_LABELS.get(period, period)


def series_colour(key, i: int) -> str:
    """A period's own colour, else the i-th series colour."""
    return PERIOD_COLOURS.get(key, SERIES_COLOURS[i % len(SERIES_COLOURS)])


def series_name(key) -> str:
    """A legend entry: a period's label, else the value with underscores read as spaces and a
    capital first letter ('armoured_vehicles' → 'Armoured vehicles'). Not escaped."""
    if key in PERIOD_LABELS:
        return PERIOD_LABELS[key]
    text = str(key).replace("_", " ")
    return text[:1].upper() + text[1:]


def png_config(file_stem: str) -> dict:
    """Plotly's camera button: a 16:9 PNG at scale 2 named after what the chart shows."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": slug(file_stem), "width": 1280, "height": 720, "scale": 2},
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        "topojsonURL": "/app/static/",
    }


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:120]
