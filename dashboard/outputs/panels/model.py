"""What a registry panel is: a Spec (one panel for one period) and a Panel (its id, page and spec
function), and the quotes a panel lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.charts import Caption

Loader = Callable[..., pd.DataFrame]

QUOTE_COLUMNS = ["row_id", "label", "evidence_kind", "quote", "evidence", "source_id", "source_citation", "source_title", "source_url", "qualifier", "qualifier_label", "note"]


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
    table: pd.DataFrame | None = None  # the rows listed behind the chart, where they are not the rows it draws

    @property
    def behind(self) -> pd.DataFrame:
        """The rows a reader gets behind the chart (table and CSV)."""
        return self.rows if self.table is None else self.table

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
    spec: Callable[..., Spec | None]  # spec(load, period, **page parameters); each parameter's default is the page's
    view: str = ""  # the page's tab it is on (?view=<label>), on a page with tabs (panels.VIEWS)

    def url_params(self) -> dict[str, str]:
        """The query string that opens the panel's tab ({} for a page's first tab or no tabs)."""
        views = VIEWS.get(self.page, ())
        return {"view": self.view} if views and self.view != views[0] else {}


#: A page's tabs (its ?view= values), first the one it opens on; each panel names its own. The
#: pages read theirs from here, and the tests read every tab of every page from here.
VIEWS: dict[str, tuple[str, ...]] = {
    "arms-transfers": ("Deliveries per year", "Five-year view", "What was delivered", "Documents beside SIPRI", "Another pair"),
    "exercises": ("Exercises per year", "Timeline and map", "How others count", "Agreements and meetings"),
    "sources": ("Sources", "Definitions", "Where sources disagree", "What changed between releases"),  # tables, no panel
}


def quotes(rows: pd.DataFrame, label: pd.Series, key: str | None) -> pd.DataFrame:
    """The rows' quotes with a reader label, and their row id (column `key`; the label where the
    view has no id) to anchor them by."""
    out = rows.assign(label=label, row_id=rows[key] if key else label)
    return out[[c for c in QUOTE_COLUMNS if c in out.columns]]
