"""The Dual-use supply page's panels: China's share of Russia's chip imports, and nitrocellulose."""

from __future__ import annotations

from dashboard.core import charts
from dashboard.core.charts import Caption
from dashboard.outputs.panels.model import Loader, Spec, quotes


def dual_use_shares(load: Loader, period: str) -> Spec | None:
    rows = load("dual_use_shares", period)
    if rows.empty:
        return None
    cap = Caption("China's share of Russia's chip imports, chip-making inputs and drone electronics", "Percent, as each source states it (dotted bars: hedged figures)", period, "Source: Hrytsenko & Racz, CEPA (2025); NHK/WSJ summary (Abachy, 2023); SCMP (2023, IIF estimate); EIR News (2024, US government claim); LIGA.net (2025, Ukrainian intelligence claim)")
    return Spec(
        "ru-cn-dual-use-shares", charts.hedged_bars, rows, cap,
        {"x": "share_pct", "y": "row_label", "label": "share_label", "colour_by": "period_id", "orientation": "h", "value_range": (0, 105),
         "hover": ["Item:item", "Year:year", "Share:share_label", "Qualifier:qualifier_label", "Quote:quote", "Paraphrase:evidence", "URL:source_url", "Note:note"]},
        quotes=quotes(rows, rows["row_label"], "dependency_id"),
        note="The shares come from different data sets and definitions (microchips, chips and components, mainland China plus Hong Kong, microelectronics, the origin of drone electronics): they disagree and are shown side by side, not reconciled.",
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
        quotes=quotes(rows, rows["reading"] + " · " + rows["year_label"], "flow_id"), table=rows,
    )
