"""The look, defined once: period colours, event markers, fonts, the source footer, PNG export."""

from __future__ import annotations

import re
import zlib

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
PERIOD_SHORT = {  # under narrow panels (the period comparison)
    "before_2014": "Before 2014",
    "2014_2022": "2014 – Feb 2022",
    "since_2022": "Since Feb 2022",
}
NEUTRAL = "#5B6573"
# Series that are not periods (readings of a figure, weapon categories, supplier pairs): a colour
# is a function of the series' key alone, never of which other series a chart happens to hold, so
# a source keeps its colour under every period and in every PNG. Known keys have a fixed colour
# below; any other key a stable hash into SERIES_COLOURS (Okabe–Ito again, then muted extras).
SERIES_COLOURS = ("#D55E00", "#009E73", "#0072B2", "#56B4E9", "#8C6D31", "#000000", "#E69F00", "#CC79A7", "#999999", "#882255", "#44AA99")
DOMAIN_COLOURS = {"land": "#8C6D31", "naval": "#0072B2", "air": "#56B4E9", "combined": "#009E73"}
CATEGORY_COLOURS = {  # SIPRI weapon categories as this project assigns them
    "aircraft": "#0072B2", "helicopters": "#56B4E9", "engines": "#999999", "missiles": "#D55E00", "air_defence": "#CC79A7",
    "ships": "#009E73", "submarines": "#44AA99", "naval_weapons": "#882255", "sensors": "#E69F00", "armoured_vehicles": "#8C6D31", "artillery": "#000000",
}
SOURCE_COLOURS = {  # readings of a figure, by the source (publisher or title) that states it
    "NHK World": "#D55E00",
    "Center for European Policy Analysis (CEPA)": "#009E73",
    "cepa_2025": "#009E73",
    "Abachy (summarising The Wall Street Journal)": "#56B4E9",
    "SIPRI register (units delivered)": "#000000",
    "Rabdan INSIGHTS": "#8C6D31",
    "rabdan_2025": "#8C6D31",
    "Russia → China": "#D55E00",  # the pair every comparison is about
    "Russia + Soviet Union share of China's imports": "#D55E00",
}
FIXED_COLOURS = {**DOMAIN_COLOURS, **CATEGORY_COLOURS, **SOURCE_COLOURS, **PERIOD_COLOURS}
# Any other key hashes into the colours no known source uses, so it never takes NHK's or the
# SIPRI register's swatch (nor Russia → China's) in a chart it shares with them.
HASHED_COLOURS = tuple(c for c in SERIES_COLOURS if c not in set(SOURCE_COLOURS.values()))
ESTIMATE_PATTERN = "/"  # hatching for estimated values
HEDGED_PATTERN = "."  # dots for hedged (at least / more than / about) values
FONT = "Liberation Sans, DejaVu Sans, Arial, sans-serif"  # local fonts only: nothing fetched
SOURCE_FONT_SIZE = 11
PAPER = "#FFFFFF"  # charts are white cards in both themes, so a downloaded PNG has a white background
QUOTES_HEADING = "Sources and verbatim quotes"  # a panel's quote list, on its page and in the briefing pack

# Where time is an axis: the two cut points. Yearly charts draw them between the years.
EVENT_MARKERS = (
    {"date": "2014-01-01", "year_edge": 2013.5, "label": "2014: Crimea annexed, sanctions", "short": "2014: Crimea<br>annexed, sanctions"},
    {"date": "2022-02-24", "year_edge": 2021.5, "label": "24 Feb 2022: full-scale invasion", "short": "24 Feb 2022:<br>full-scale invasion"},
)
# What each period covers on a date axis and on a year axis (None: open-ended, the data's end).
PERIOD_DATES = {"before_2014": (None, "2013-12-31"), "2014_2022": ("2014-01-01", "2022-02-23"), "since_2022": ("2022-02-24", None)}
PERIOD_YEARS = {"before_2014": (None, 2013), "2014_2022": (2014, 2021), "since_2022": (2022, None)}


def period_label(period: str) -> str:
    return PERIOD_LABELS.get(period, period)


def series_colour(key, i: int | None = None, colours: dict | None = None) -> str:
    """The colour of a series, from its key alone: the caller's `colours` mapping, else a period's,
    domain's, category's or known source's fixed colour, else a stable hash of the key into
    HASHED_COLOURS (the same under every period and whatever other series a chart holds). `i`, the
    series' position, is accepted for old callers and ignored."""
    if colours and key in colours:
        return colours[key]
    if key in FIXED_COLOURS:
        return FIXED_COLOURS[key]
    return HASHED_COLOURS[zlib.crc32(str(key).encode("utf-8")) % len(HASHED_COLOURS)]


def series_name(key, labels: dict | None = None) -> str:
    """A legend entry: the caller's reader label for the key (`labels`), a period's label, else the
    value with underscores read as spaces and a capital first letter ('armoured_vehicles' →
    'Armoured vehicles'). Not escaped."""
    if labels and key in labels:
        return str(labels[key])
    if key in PERIOD_LABELS:
        return PERIOD_LABELS[key]
    text = str(key).replace("_", " ")
    return text[:1].upper() + text[1:]


def period_swatches(periods=None) -> list[tuple[str, str]]:
    """(reader label, colour) for each period, in order: what a page's 'Period colours' key draws."""
    return [(period_label(p), PERIOD_COLOURS[p]) for p in (periods or PERIOD_COLOURS)]


def png_config(file_stem: str) -> dict:
    """Plotly's config for a panel: the camera button, a 16:9 PNG at scale 2 named after what the
    chart shows, as the toolbar's only button, so a keyboard reader tabs past a chart in one step
    (each toolbar button is a tab stop; zoom stays on drag, and a double click resets it)."""
    return {
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "png", "filename": slug(file_stem), "width": 1280, "height": 720, "scale": 2},
        "modeBarButtons": [["toImage"]],
        "topojsonURL": "app/static/",  # the map outlines, under the app's root (web/chart_view.js resolves it)
    }


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:120]


# SIPRI's five-year view (core/charts_sipri.py): China's imports by supplier.
FIVE_YEAR_COLOURS = {"From Russia (Soviet Union before 1992)": "#D55E00", "From other suppliers": "#999999"}
