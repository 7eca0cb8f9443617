"""The Arms transfers page's panels: SIPRI's yearly TIV of Russia (and the Soviet Union) → China,
release by release (`release`: a release year, or NEWEST for each year's newest release), Russia's
share of China's imports, SIPRI's five-year view (`window`), what was delivered by category, the
largest deals, and the documents' figures beside SIPRI's."""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts, charts_sipri, style
from dashboard.core.charts import Caption
from dashboard.outputs.panels.model import Loader, Spec, quotes

NEWEST = "newest"  # the page's default release: each year from the newest release that covers it


def arms_tiv_by_year(load: Loader, period: str, release: str = NEWEST) -> Spec:
    rows = load("arms_tiv_by_year", period, equals={"release_view": release})
    cap = Caption("Russia and Soviet Union → China: arms delivered per year", "Millions of TIV (SIPRI's yearly values; Soviet Union to 1991, Russia from 1992)", period, charts_sipri.release_source(rows))
    estimated = rows[rows["is_estimate"].astype(bool)]
    note = ("Hatched: " + "; ".join(f"{r.year}, {r.method_label}" for r in estimated.itertuples()) + "." if not estimated.empty else "Every bar is SIPRI's own yearly value.") + " One value per year from one release: the bars add up."
    return Spec("ru-cn-arms-tiv-by-year", charts.tiv_by_year, rows, cap, note=note)


def china_import_share(load: Loader, period: str, release: str = NEWEST) -> Spec:
    rows = load("arms_china_import_share", period, equals={"release_view": release})
    cap = Caption("Share of China's arms imports supplied by Russia (Soviet Union before 1992)", "Percent of China's total TIV imports, both from the same release", period, charts_sipri.release_source(rows))
    return Spec(
        "ru-cn-share-of-china-arms-imports", charts_sipri.estimated_lines, rows.assign(series="Russia + Soviet Union share of China's imports"), cap,
        {"x": "year", "y": "share_pct", "series": "series", "hover": ["Year:year", "Share (%):share_pct", "From Russia/Soviet Union (millions TIV):russia_soviet_union_mtiv", "China's total imports (millions TIV):china_imports_mtiv", "Release:release_label", "Method:method"]},
        note=None if not rows.empty else f"The {release} release holds no values of China's total imports here: choose another release.",
        table=rows,
    )


def five_year_rows(load: Loader, release: str = NEWEST) -> tuple[pd.DataFrame, int | None]:
    """SIPRI's five-year windows of one release: the chosen one where it has windows, else the
    newest that has (None when no release has)."""
    five = load("sipri_five_year")
    releases = sorted(five["release"].unique(), reverse=True)
    if not releases:
        return five, None
    chosen = int(release) if release != NEWEST and int(release) in releases else int(releases[0])
    return five[five["release"] == chosen], chosen


def five_year(load: Loader, period: str, release: str = NEWEST, window: str | None = None) -> Spec | None:
    rows, five_release = five_year_rows(load, release)
    if five_release is None:
        return None
    cap = Caption("China's arms imports per five-year window, by supplier", f"Millions of TIV per five years ({five_release} release, windows as SIPRI's Fact Sheets compare them)", "all", charts_sipri.release_source(rows, year="window_last_year"))
    return Spec(
        "ru-cn-sipri-five-year", charts_sipri.five_year_bars, rows, cap, {"highlight": window or rows["window_label"].iloc[0]},
        note="Percentages at SIPRI's rounding (whole numbers from 10%, one decimal below). Every value of a window comes from one release.",
    )


def _register_source(load: Loader, period: str) -> tuple[pd.DataFrame, str]:
    rows = load("arms_tiv_by_category", period)
    return rows, charts_sipri.release_source(rows, year=None)


def arms_tiv_by_category(load: Loader, period: str) -> Spec:
    rows, _ = _register_source(load, period)
    rows = rows.assign(category_label=rows["category"].map(style.series_name), row=rows["category"].str.replace("_", " ") + " · " + rows["period_id"].map(style.period_label))
    cap = Caption("What was delivered: TIV by weapon category and period", "Millions of TIV (estimate: each deal's TIV spread evenly over its delivery years)", period, charts_sipri.release_source(rows, year=None, extra="categories assigned by this project"))
    return Spec(
        "ru-cn-arms-tiv-by-category", charts.horizontal_bars, rows, cap,
        {"x": "tiv_mtiv", "y": "row", "colour_by": "period_id", "label": "tiv_mtiv", "estimate_col": "is_estimate", "hover": ["Category:category_label", "Period:period_label", "TIV (millions, estimate):tiv_mtiv", "Deals:deals", "Systems:systems", "Method:method"]},
    )


def arms_largest_deals(load: Loader, period: str) -> Spec:
    register = _register_source(load, period)[1]
    rows = load("arms_deals_by_period", equals={"period_scope": period}, order_by=("-tiv_in_scope_mtiv",), limit=15)
    row = rows["designation"] + " (" + rows["order_year"].astype(str) + ", " + rows["supplier"] + ")"
    rows = rows.assign(row=row.where(~row.duplicated(keep=False), row + " · SIPRI deal " + rows["deal_id"].astype(str)))  # one row per deal
    cap = Caption("Largest deals", "Millions of TIV delivered" + (" in the period (estimate)" if period != "all" else " (SIPRI's total per deal)"), period, register)
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
    register = _register_source(load, period)[1]
    cap = Caption("Systems the documents name: their figures beside SIPRI's", "Units delivered or stated (≥, > and ≈ mark hedged figures; dotted bars)", period, "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025); " + register.removeprefix("Source: "))
    quoted = rows[rows["evidence_kind"] == "quote"]
    return Spec(
        "ru-cn-arms-documents-vs-sipri", charts.hedged_bars, rows, cap,
        {"x": "units", "y": "system_family", "label": "units_label", "colour_by": "reading", "orientation": "h", "hover": ["System:system_family", "Reading:reading", "Units:units_label", "Years:years", "Qualifier:qualifier_label", "Quote or register rows:evidence", "Note:note"]},
        quotes=quotes(quoted, quoted["system_family"], None), sources=("cepa_2025", "rabdan_2025", "sipri_at_2025"),
    )

