"""The Overview page's panels: the period comparison and the key events."""

from __future__ import annotations

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.outputs.panels.model import Loader, Spec, quotes


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
    cap = Caption("Key events", "Dated statements of the sources; first day of the month or year where the source gives no day", period, "Source: Hrytsenko & Racz, CEPA (2025); Rabdan INSIGHTS (2025); since the documents, public pages (one cited page per row)")
    return Spec(
        "ru-cn-key-events", charts.timeline, rows, cap,
        {"date": "plot_date", "label": "title", "lane": "lane", "hover": ["What:title", "When:date_label", "Quote:quote", "Paraphrase:evidence", "Source:source_title", "Note:note"], "height": 520},
        quotes=quotes(rows, rows["title"], "id"),
    )
