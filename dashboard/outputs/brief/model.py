"""What a briefing is made of: the chosen panels' specs and figures for a period, the data
vintage, and the quotes and citations behind each panel, as plain text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import citations, style
from dashboard.core.citations import missing
from dashboard.core.db import ALL_PERIODS, PERIODS, Database
from dashboard.outputs import panels
from dashboard.outputs.panels import Loader, Spec

IMAGE_HEIGHT = 720  # px at scale 1: a 16:9 image is 1280 × 720 (PNG at scale 2: 2560 × 1440)
QUOTES_IN_NOTES = 40  # a slide's notes list at most this many quotes; the pack lists them all


class BriefError(ValueError):
    """A choice the briefing cannot make (unknown panel or period, an image of several panels)."""


@dataclass(frozen=True)
class Vintage:
    """What the data is as of: the build, the app, SIPRI's releases, the documents' dates."""

    built_at: dt.datetime  # UTC, naive, as meta_build holds it
    app_version: str
    sipri: str  # the build's SIPRI data vintage
    releases: tuple[str, ...]  # "2026 release: data generated 18 May 2026 – 14 July 2026 (deliveries to 2025)"
    documents: tuple[str, ...]  # "Hrytsenko, A. and Racz, A., … — April 2025 (latest events described)"

    @property
    def built(self) -> str:
        return f"{self.built_at.day} {self.built_at:%B %Y}, {self.built_at:%H:%M} UTC"

    def line(self) -> str:
        """One short line for inside an image."""
        return f"Data as of the build of {self.built_at.day} {self.built_at:%B %Y} · SIPRI: {_day_only(self.sipri)} · dashboard {self.app_version}"


@dataclass(frozen=True)
class Item:
    """One panel of a briefing: its spec, its figure, and the sources behind it."""

    spec: Spec
    figure: go.Figure
    sources: pd.DataFrame  # source_list rows for spec.source_ids()
    claims: pd.DataFrame  # claim_cards rows of the claims this panel shows in the period (claim_places)

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True)
class Briefing:
    period: str
    vintage: Vintage
    items: tuple[Item, ...]
    skipped: tuple[str, ...]  # panels with no rows in the period (not drawn)


def _day_only(text: str) -> str:
    return str(text).split(" (")[0]


def _reader_date(value) -> str:
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%B %Y}"


def vintage(database: Database, load: Loader) -> Vintage:
    info = database.build_info()
    releases = []
    for r in load("sipri_releases").itertuples():
        first, last = _reader_date(r.data_generated_first), _reader_date(r.data_generated_last)
        when = first if first == last else f"{first} – {last}"
        releases.append(f"{r.release} release: data generated {when} (deliveries {r.deliveries_first_year}–{r.deliveries_last_year})")
    docs = load("source_list", equals={"kind": "document"})
    documents = [f"{r.citation or r.title} — {r.data_vintage or r.published or 'date not recorded'}" for r in docs.itertuples()]
    return Vintage(pd.Timestamp(info["built_at"]).to_pydatetime(), str(info["app_version"]), str(info["data_vintage"]), tuple(releases), tuple(documents))


def prepare(database: Database, load: Loader, ids: list[str] | None = None, period: str = ALL_PERIODS, params: dict[str, dict] | None = None) -> Briefing:
    """The briefing for these panel ids (the default briefing when none) and period: each panel's
    spec, figure and sources, in the order given; panels with no rows in the period are skipped.
    `params`: a panel's page parameters by its id (e.g. the Arms page's release); the page's
    defaults otherwise."""
    if period not in (ALL_PERIODS, *PERIODS):
        raise BriefError(f"unknown period {period!r}; one of {', '.join((ALL_PERIODS, *PERIODS))}")
    try:
        chosen = panels.chosen(ids)
    except panels.UnknownPanel as err:
        raise BriefError(str(err)) from None
    sources = load("source_list")
    places = load("claim_places", equals={"panel_id": [p.id for p in chosen]})
    items, skipped = [], []
    for panel in chosen:
        spec = panel.spec(load, period, **(params or {}).get(panel.id, {}))
        if spec is None:
            skipped.append(panel.id)
            continue
        used = spec.source_ids()
        behind = sources[sources["source_id"].isin(used)]
        behind = behind.set_index("source_id").loc[[s for s in used if s in set(behind["source_id"])]].reset_index()
        ids = list(dict.fromkeys(places.loc[places["panel_id"] == panel.id, "claim_id"]))
        claims = load("claim_cards", equals={"claim_id": ids}, order_by=("claim_id",)) if ids else load("claim_cards", limit=0)
        items.append(Item(spec, spec.figure(), behind, claims[_shown(claims, spec, period)].reset_index(drop=True)))
    return Briefing(period, vintage(database, load), tuple(items), tuple(skipped))


def _shown(claims: pd.DataFrame, spec: Spec, period: str) -> pd.Series:
    """Which of a panel's claims it shows in the period: the curated rows it draws (by their id;
    for a view without ids, those of the period) and SIPRI's values for the years it draws."""
    quotes = spec.quotes
    keyed = quotes is not None and not quotes["row_id"].equals(quotes["label"])
    drawn = claims["record_id"].astype(str).isin(set(map(str, quotes["row_id"]))) if keyed else (claims["period_id"].eq(period) | (period == ALL_PERIODS))
    years = set(spec.rows["year"].dropna().astype(int)) if "year" in spec.rows.columns else set()
    return (claims["claim_kind"].eq("curated") & drawn) | (claims["claim_kind"].eq("sipri") & claims["year"].isin(years))


def image_figure(item: Item, vintage: Vintage) -> tuple[go.Figure, int, int]:
    """The panel's figure framed for a standalone 16:9 image: its own title, units, period and
    source line (the plot grows to the image's height; the margins stay), and the data vintage in
    the bottom right corner; with its width and height."""
    fig = go.Figure(item.figure)
    height = max(IMAGE_HEIGHT, int(fig.layout.height or IMAGE_HEIGHT))
    width = round(height * 16 / 9)
    margin = fig.layout.margin
    old_plot = int(fig.layout.height or height) - (margin.t or 0) - (margin.b or 0)
    new_plot = height - (margin.t or 0) - (margin.b or 0)
    legend_y = fig.layout.legend.y
    fig.update_layout(
        width=width, height=height,
        # a legend below the plot sits at a fraction of the plot's height: the same pixels below it
        legend={"y": legend_y * old_plot / new_plot} if legend_y is not None and legend_y < 0 and new_plot > 0 else {},
        annotations=list(fig.layout.annotations or ()) + [dict(
            text=_esc(vintage.line()), xref="paper", yref="paper", x=1, y=0, xanchor="right", yanchor="bottom",
            xshift=(margin.r or 0) - 12, yshift=-(margin.b or 0) + 10,
            showarrow=False, align="right", font={"size": style.SOURCE_FONT_SIZE, "color": style.NEUTRAL},
        )],
    )
    return fig, width, height


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote_lines(item: Item, limit: int | None = None) -> list[str]:
    """Each quote behind the panel as one plain-text line: label, the quote (or the paraphrase,
    marked), qualifier, source and page."""
    quotes = item.spec.quotes
    if quotes is None or quotes.empty:
        return []
    names = {r.source_id: (r.citation or r.title) for r in item.sources.itertuples()}
    lines = []
    for r in quotes.head(limit).to_dict("records"):
        value = lambda c: None if missing(r.get(c)) else r.get(c)  # noqa: E731
        if value("quote") and (value("evidence_kind") or "quote") == "quote":
            said = "“" + str(value("quote")) + "”"
        elif value("evidence") or value("quote"):
            said = str(value("evidence") or value("quote")) + " (paraphrase)"
        else:
            said = "(no quote or paraphrase recorded)"
        extra = [names.get(value("source_id")) or ""]
        if value("qualifier") and value("qualifier") != "exact":
            extra.append("qualifier: " + str(value("qualifier_label") or value("qualifier")).replace("_", " "))
        if value("source_url") and value("source_url") not in (extra[0] or ""):
            extra.append(str(value("source_url")))
        if value("note"):
            extra.append("note: " + str(value("note")))
        lines.append(f"{value('label') or ''} — {said} · " + " · ".join(x for x in extra if x))
    if limit is not None and len(quotes) > limit:
        lines.append(f"The first {limit} of {len(quotes)} quotes; all are in the offline pack and the dashboard's data explorer.")
    return lines


def citation_lines(item: Item) -> list[str]:
    """Each source behind the panel, cited in full (core.citations), with SIPRI's credit line for
    SIPRI's files and the data vintage."""
    out = []
    for r in item.sources.to_dict("records"):
        text = citations.source_citation(r)
        if r.get("kind") == "database" and "SIPRI" in str(r.get("title") or r.get("citation") or ""):
            text += " Credit: " + citations.sipri_credit({"data_generated": r.get("published")}) + "."
        if r.get("data_vintage"):
            text += f" Data vintage: {r['data_vintage']}."
        out.append(text)
    return out


def claim_citation(card: dict, sources: dict[str, dict]) -> str:
    """The citation of one claim card: its source's, or SIPRI's credit line for a SIPRI value."""
    if card.get("claim_kind") == "sipri":
        return citations.sipri_credit(card)
    source = sources.get(card.get("source_id") or "")
    return citations.source_citation(source) if source else ""


