"""The analysts' filters, shared by the Data page and ``python -m dashboard export``.

:func:`choose` checks and normalises the choices, :func:`rows` and :func:`count` read what they
keep, so a scripted export equals the page's download. No filter silently does nothing:

- the period applies through the relation's ``period_id``/``period_ids``, else through its
  ``year`` column by the yearly convention (data/periods.csv: first_year..last_year); a relation
  with neither refuses it (naming the views that read it and can be filtered by period);
- years apply to the ``year`` column (a delivery year in SIPRI's per-year deliveries);
- values apply to the filter columns (catalog.filter_columns), numbers (a SIPRI ``release``) as numbers;
- ``per_deal`` (relations in :data:`ROLLUPS`): one row per deal, summing the rows the other
  filters kept, i.e. the TIV delivered in the chosen years.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import ALL_PERIODS, MAX_TEXT, PERIOD_COLUMN, PERIODS, PERIODS_COLUMN, Database, Query, compile_query, quote_ident
from dashboard.core.style import period_label
from dashboard.pipeline import catalog

YEAR_LIMITS = (-9999, 9999)  # years outside these are refused (the slider never offers them)
YEAR_COLUMN = "year"


class FilterError(ValueError):
    """A filter choice that is not valid for the relation; the message lists the valid ones."""


@dataclass(frozen=True)
class Rollup:
    """One row per deal: the columns that name the deal, and what the kept rows add up to."""

    keys: tuple[str, ...]
    sums: dict  # output column -> (SQL aggregate over the kept rows, description, unit)
    title: str


_ROUND = "round(sum({c}), 6)"
ROLLUPS = {
    "arms_deal_deliveries": Rollup(
        keys=("release", "sipri_deal_id", "supplier", "recipient", "pair", "designation", "description", "category", "order_year", "order_year_estimated", "status"),
        sums={
            "years_delivered": ("string_agg(cast(\"year\" as varchar), ', ' order by \"year\")", "The delivery years the filters kept for this deal, in order, separated by ', ' (SIPRI's per-year deliveries).", None),
            "first_year": ("min(\"year\")", "First delivery year kept for this deal.", "year"),
            "last_year": ("max(\"year\")", "Last delivery year kept for this deal.", "year"),
            "number_delivered": ("cast(sum(number_delivered) as bigint)", "Units SIPRI records as delivered in the kept years (its per-year numbers, added).", "units (weapon systems)"),
            "number_delivered_estimated": ("bool_or(number_delivered_estimated)", "True when SIPRI marks the number of any kept year as uncertain.", None),
            "delivery_year_estimated": ("bool_or(delivery_year_estimated)", "True when SIPRI marks any kept delivery year as uncertain.", None),
            "tiv_delivered_mtiv": (_ROUND.format(c="tiv_delivered_mtiv"), "TIV SIPRI records as delivered for this deal in the kept years: the sum of SIPRI's own per-year values (not an even split), within one release.", "million TIV (SIPRI trend-indicator value; volume, not money)"),
        },
        title="one row per deal: the TIV delivered in the chosen years",
    ),
}


def _shown(value, limit: int = 60) -> str:
    """A refused value as the message quotes it: repr (so control characters and newlines show
    escaped and the message stays one line), cut to its first `limit` characters."""
    text = str(value)
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


@dataclass(frozen=True)
class Filters:
    """The analysts' choices, normalised: equal choices give equal Filters (and equal files)."""

    relation: str
    period: str = ALL_PERIODS
    years: tuple[int, int] | None = None
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()
    text: str = ""
    per_deal: bool = False
    # How the period applies: None (all periods, or through period_id/period_ids), else the
    # years of the period on the year column, by the yearly convention.
    period_years: tuple[int, int] | None = None

    @property
    def narrowed(self) -> bool:
        """Whether values or text narrow the rows (beyond period, years and release)."""
        return bool([c for c, _ in self.values if c != "release"] or self.text)

    @property
    def releases(self) -> tuple[str, ...]:
        return dict(self.values).get("release", ())


def period_applies(database: Database, relation: str) -> str | None:
    """How the period filters a relation: 'period' (its period columns), 'year' (its year
    column, by the yearly convention) or None (it cannot)."""
    columns = database.columns[relation]
    if PERIOD_COLUMN in columns or PERIODS_COLUMN in columns:
        return "period"
    if YEAR_COLUMN in columns:
        return "year"
    return None


def choose(database: Database, relation: str, period: str = ALL_PERIODS, years: tuple[int, int] | None = None, values: Mapping[str, Iterable[str]] | None = None, text: str = "", per_deal: bool = False) -> Filters:
    """Check choices against the relation and normalise them. Raises FilterError naming the valid
    choices, and for a filter the relation cannot apply (no silent no-op)."""
    if relation not in database.columns:
        raise FilterError(f"unknown view {_shown(relation)}; expected one of: {', '.join(database.relations())}")
    columns = database.columns[relation]
    if period != ALL_PERIODS and period not in PERIODS:
        raise FilterError(f"unknown period {_shown(period)}; expected one of: {ALL_PERIODS}, {', '.join(PERIODS)}")
    period_years = None
    if period != ALL_PERIODS:
        how = period_applies(database, relation)
        if how is None:
            others = catalog.period_views_reading(database, relation)
            hint = f"; the views {', '.join(others)} read it and can be" if others else ""
            raise FilterError(f"{relation} has no period, date or year column, so it cannot be filtered by period{hint}")
        if how == "year":
            period_years = catalog.period_years(database, period)
    if years is not None:
        if YEAR_COLUMN not in columns:
            raise FilterError(f"{relation} has no year column, so it cannot be filtered by year")
        low, high = (int(y) for y in years)
        if not (YEAR_LIMITS[0] <= low <= high <= YEAR_LIMITS[1]):
            raise FilterError(f"year range {low}–{high} is empty or outside {YEAR_LIMITS[0]}–{YEAR_LIMITS[1]}")
        years = (low, high)
    if per_deal and relation not in ROLLUPS:
        raise FilterError(f"{relation} has no one-row-per-deal form; expected one of: {', '.join(sorted(ROLLUPS))}")
    allowed = catalog.filter_columns(database, relation)
    chosen = []
    for column, wanted in sorted((values or {}).items()):
        if column not in allowed:
            raise FilterError(f"unknown filter column {_shown(column)} for {relation}; expected one of: {', '.join(allowed) or '(none: it has no filterable column)'}")
        wanted = tuple(sorted({str(v) for v in wanted}))
        if wanted:
            chosen.append((column, wanted))
    return Filters(relation, period, years, tuple(chosen), str(text).strip()[:MAX_TEXT].strip(), bool(per_deal), period_years)


def applied_years(f: Filters) -> tuple[int, int] | None:
    """The year range the query keeps: the chosen years, within the period's where it applies
    through the year column (an empty intersection keeps nothing)."""
    if f.period_years is None:
        return f.years
    if f.years is None:
        return f.period_years
    low, high = max(f.years[0], f.period_years[0]), min(f.years[1], f.period_years[1])
    return (low, high) if low <= high else (1, 0)


def _as_numbers(wanted: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(int(v) for v in wanted if v.strip().lstrip("-").isdigit() and len(v) <= 12)


def to_query(f: Filters, numeric: Iterable[str] = ("release",)) -> Query:
    """The one query behind the Data page's table, its downloads and the command line's export
    (before any one-row-per-deal summing)."""
    numeric = set(numeric)
    values = tuple((c, _as_numbers(v) if c in numeric else v) for c, v in f.values)
    period = f.period if f.period_years is None else ALL_PERIODS
    return Query(f.relation, period=period, equals=values, year_range=applied_years(f), text=f.text)


def _sql(database: Database, f: Filters, limit: int | None = None) -> tuple[str, list]:
    sql, params = compile_query(to_query(f, catalog.numeric_filter_columns(database, f.relation)), database.columns)
    if f.per_deal:
        spec = ROLLUPS[f.relation]
        keys = ", ".join(quote_ident(k) for k in spec.keys)
        sums = ", ".join(f"{expr} as {quote_ident(name)}" for name, (expr, _, _) in spec.sums.items())
        sql = f"select {keys}, {sums} from ({sql}) group by {keys} order by release desc, tiv_delivered_mtiv desc nulls last, sipri_deal_id"
    if limit is not None:
        sql = f"select * from ({sql}) limit {int(limit)}"
    return sql, params


def rows(database: Database, f: Filters, limit: int | None = None) -> pd.DataFrame:
    """The filtered rows (uncached: for the downloads and the command line)."""
    if f.relation not in database.columns:
        raise FilterError(f"unknown view {_shown(f.relation)}; expected one of: {', '.join(database.relations())}")
    sql, params = _sql(database, f, limit)
    cur = database.cursor()
    try:
        return cur.execute(sql, params).df()
    finally:
        cur.close()


def count(database: Database, f: Filters) -> int:
    """How many rows the filters keep (deals, for one row per deal)."""
    sql, params = _sql(database, f)
    cur = database.cursor()
    try:
        return cur.execute(f"select count(*) from ({sql})", params).fetchone()[0]
    finally:
        cur.close()


def column_docs(database: Database, f: Filters) -> dict[str, dict]:
    """Each output column's description and unit (the rollup's own for its summed columns)."""
    docs = catalog.column_docs(database, f.relation)
    if not f.per_deal:
        return docs
    spec = ROLLUPS[f.relation]
    out = {k: docs.get(k, {"description": None, "unit": None}) for k in spec.keys}
    out.update({name: {"description": d, "unit": u} for name, (_, d, u) in spec.sums.items()})
    return out


def describe(f: Filters) -> list[str]:
    """The filters in words, one line each, for a README and the spreadsheet's About sheet."""
    if f.period == ALL_PERIODS:
        lines = [f"period: {period_label(f.period)} ({f.period})"]
    elif f.period_years is not None:
        lines = [f"period: {period_label(f.period)} ({f.period}), applied to column year by the yearly convention: {f.period_years[0]} to {f.period_years[1]}"]
    else:
        lines = [f"period: {period_label(f.period)} ({f.period}), applied to column period_id (or period_ids: every period a row's date can fall in)"]
    if f.years:
        lines.append(f"years: {f.years[0]} to {f.years[1]} (column year)")
    for column, wanted in f.values:
        lines.append(f"{column}: " + " or ".join(wanted))
    if f.text:
        lines.append(f"text contains (any case, in quotes, notes, titles, names, descriptions): {f.text!r}")
    if f.per_deal:
        lines.append(f"{ROLLUPS[f.relation].title} (rows summed per deal after the filters above)")
    return lines


def command(f: Filters) -> str:
    """The command line that exports the same rows."""
    words = ["python", "-m", "dashboard", "export", f.relation]
    if f.period != ALL_PERIODS:
        words += ["--period", f.period]
    if f.years:
        words += ["--year-from", str(f.years[0]), "--year-to", str(f.years[1])]
    for column, wanted in f.values:
        words += [w for v in wanted for w in ("--filter", f"{column}={v}")]
    if f.text:
        words += ["--text", f.text]
    if f.per_deal:
        words += ["--per-deal"]
    return shlex.join(words)


def arrow(database: Database, f: Filters):
    """The filtered rows as an Arrow table, with DuckDB's own types (for Parquet)."""
    sql, params = _sql(database, f)
    cur = database.cursor()
    try:
        return cur.sql(sql, params=params).to_arrow_table()
    finally:
        cur.close()


def result_types(database: Database, f: Filters) -> dict[str, str]:
    """Each output column with its DuckDB type, in order (the rollup's too)."""
    sql, params = _sql(database, f, limit=0)
    cur = database.cursor()
    try:
        cur.execute(sql, params)
        return {name: str(kind) for name, kind, *_ in cur.description}
    finally:
        cur.close()
