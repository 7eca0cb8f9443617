"""Claim cards seen from the pages: which cards a panel's rows are behind, their addresses, and the
citation of a panel. The ids are those of the claim_cards mart (queries/marts/claim_cards.sql):
'<table>:<row id>' for a curated row, 'sipri:<release>:<supplier>-<recipient>:<year>' for a SIPRI
yearly value, 'overview:<period>:<n>' for an Overview headline."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from urllib.parse import quote, urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import __version__
from dashboard.core import citations
from dashboard.web import data

PAGE_PATH = "claim"
PARAM = "claim"

# A row's own id column → the curated table whose rows it names (the first a row has wins).
ID_TABLES = (
    ("transfer_id", "doc_arms_transfers"),
    ("flow_id", "commodity_flows"),
    ("dependency_id", "supply_dependencies"),
    ("limit_id", "partnership_limits"),
    ("mention_id", "exercise_mentions"),
    ("event_id", "events"),
    ("incident_id", "incidents"),
    ("agreement_id", "agreements_and_meetings"),
    ("exercise_id", "exercises"),
)
# key_events (one timeline of three tables) names its rows `id`, with the lane saying which table.
LANE_TABLES = {"agreements_and_meetings": "agreements_and_meetings", "incidents": "incidents"}
_KEY = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A SIPRI country name as it stands in a claim id (as the SQL writes it): lower case, every
    run of other characters one '_'."""
    return _KEY.sub("_", str(name).lower()).strip("_")


def sipri_claim_id(release, supplier: str, recipient: str, year) -> str:
    return f"sipri:{int(release)}:{name_key(supplier)}-{name_key(recipient)}:{int(year)}"


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and str(value).strip() != ""


def id_of(record: dict) -> str | None:
    """The claim id of one row (a dict of its columns): its `claim_id` where it carries one, else a
    curated table's own id column, else (a SIPRI yearly value) release, supplier, recipient and
    year; None for a row that is none of these (an aggregate of several rows)."""
    if _present(record.get("claim_id")):
        return str(record["claim_id"])
    if "lane_id" in record and _present(record.get("id")):
        return f"{LANE_TABLES.get(record['lane_id'], 'events')}:{record['id']}"
    for column, table in ID_TABLES:
        if column in record:
            return f"{table}:{record[column]}" if _present(record[column]) else None
    if all(_present(record.get(c)) for c in ("release", "supplier", "recipient", "year")):
        return sipri_claim_id(record["release"], record["supplier"], record["recipient"], record["year"])
    return None


def ids_in(rows: pd.DataFrame | None) -> list[str]:
    """The claim ids of a panel's rows, in row order, each once (see id_of)."""
    if rows is None or rows.empty:
        return []
    return list(dict.fromkeys(i for i in map(id_of, rows.to_dict("records")) if i))


def url(claim_id: str) -> str:
    """The card's address, relative to the app's root (every page sits at the root)."""
    return f"{PAGE_PATH}?{urlencode({PARAM: claim_id})}"


def cards(ids: list[str]) -> pd.DataFrame:
    """The cards of these ids that exist (the mart decides), one query with the ids bound."""
    if not ids:
        return pd.DataFrame(columns=["claim_id", "label", "value_text", "period_text"])
    return data.load("claim_cards", equals={"claim_id": list(ids)})


def tile_claim(label: str, period: str) -> str | None:
    """The card of the Overview headline tile with this label under this period choice."""
    places = data.load("claim_places", equals={"panel": "headline", "tile_period": period, "panel_title": str(label)})
    return None if places.empty else str(places["claim_id"].iloc[0])


def title_of(fig: go.Figure) -> str:
    """The chart's title in words, from the figure (its bold first line, unwrapped)."""
    text = str(getattr(fig.layout.title, "text", "") or "")
    bold = re.search(r"<b>(.*?)</b>", text, re.S)
    return html.unescape(re.sub(r"<br\s*/?>", " ", bold.group(1) if bold else text.split("<br>")[0])).strip()


def release_of(rows: pd.DataFrame) -> str | None:
    """The SIPRI data a panel's rows come from, where they say: the release(s) of a `release`
    column ('2025', or '2024 and 2025'), else SIPRI's credit line for the SIPRI sources their
    `source_id` column names (with each one's date of data generation)."""
    if rows is None or rows.empty:
        return None
    if "release" in rows.columns:
        releases = sorted({int(r) for r in rows["release"].dropna()})
        if len(releases) == 1:
            return str(releases[0])
        if releases:
            return f"{citations.SIPRI_DATABASE}, releases " + ", ".join(map(str, releases[:-1])) + f" and {releases[-1]} (not mixed in one number)"
    if "source_id" in rows.columns:
        ids = sorted({str(s) for s in rows["source_id"].dropna() if str(s).startswith("sipri")})
        if ids:
            sources = data.load("source_list", equals={"source_id": ids})
            dates = [citations.reader_date(p) for p in sorted(sources["published"].dropna())]
            return f"{citations.SIPRI_DATABASE}, " + " and ".join(d for d in dict.fromkeys(dates) if d) if dates else None
    return None


def view_url() -> str:
    """The link that reopens this view: the page's address with its filters (query string)."""
    base = st.context.url or ""
    params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    query = urlencode(params, quote_via=quote)
    return base + (("?" + query) if query else "")


def accessed_today():
    return datetime.now(timezone.utc).date()


def panel_citation(fig: go.Figure, rows: pd.DataFrame, release: str | None = None) -> str:
    """'Cite this chart' for a panel: the dashboard, its version, the chart's title, the SIPRI
    release where the rows carry one (or the page says), the link to this view, the date accessed."""
    return citations.dashboard_citation(title_of(fig), view_url(), accessed_today(), __version__, release or release_of(rows))
