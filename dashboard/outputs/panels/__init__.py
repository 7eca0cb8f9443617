"""The panel registry: each chart panel of the pages, by its id, as a function of a loader and a
period, so the briefing output (slides, the offline pack, server-side images) draws exactly what
the page draws: the same view, the same chart builder, the same Caption.

A loader is `load(view, period="all", **filters) -> DataFrame` with reader rows, as
`dashboard.web.data.load` (the page) or `brief.loader(database)`'s caller passes it (the CLI).
A panel's `spec(load, period, **parameters)` is a Spec (builder, rows, caption, options, quotes,
note), or None when the period has no rows for it (the page shows a notice instead of the chart
then). Parameters are the page's choices (the Arms page's `release` and `window`); each one's
default is the page's, which is what a briefing draws. The pages draw their panels from here and
only from here (`ui.registry_panel`): one definition per panel, so a briefing cannot drift from
the page. One module per page.
"""

from __future__ import annotations

from dashboard.outputs.panels import arms, dual_use, exercises, incidents, overview
from dashboard.outputs.panels.model import VIEWS, Loader, Panel, Spec

__all__ = ["DEFAULT_BRIEFING", "PANELS", "VIEWS", "Loader", "Panel", "Spec", "UnknownPanel", "chosen"]

# ----------------------------------------------------------------------------- the registry

PANELS: dict[str, Panel] = {
    p.id: p
    for p in (
        Panel("ru-cn-period-comparison", "", "How cooperation changed across the three periods", overview.period_comparison),
        Panel("ru-cn-key-events", "", "Key events", overview.key_events),
        Panel("ru-cn-arms-tiv-by-year", "arms-transfers", "Arms delivered per year (TIV)", arms.arms_tiv_by_year, "Deliveries per year"),
        Panel("ru-cn-share-of-china-arms-imports", "arms-transfers", "Russia's share of China's arms imports", arms.china_import_share, "Deliveries per year"),
        Panel("ru-cn-sipri-five-year", "arms-transfers", "China's arms imports per five-year window, by supplier", arms.five_year, "Five-year view"),
        Panel("ru-cn-arms-tiv-by-category", "arms-transfers", "TIV by weapon category and period", arms.arms_tiv_by_category, "What was delivered"),
        Panel("ru-cn-arms-largest-deals", "arms-transfers", "Largest deals", arms.arms_largest_deals, "What was delivered"),
        Panel("ru-cn-arms-documents-vs-sipri", "arms-transfers", "Systems the documents name, beside SIPRI", arms.arms_documents_vs_sipri, "Documents beside SIPRI"),
        Panel("ru-cn-dual-use-shares", "dual-use", "China's share of Russia's chip imports", dual_use.dual_use_shares),
        Panel("ru-cn-nitrocellulose-tonnes", "dual-use", "Nitrocellulose shipped per year", dual_use.nitrocellulose),
        Panel("ru-cn-exercises-by-year", "exercises", "Joint exercises per year, by domain", exercises.exercises_by_year, "Exercises per year"),
        Panel("ru-cn-exercises-timeline", "exercises", "Timeline of joint exercises", exercises.exercises_timeline, "Timeline and map"),
        Panel("ru-cn-exercises-map", "exercises", "Where joint exercises took place", exercises.exercises_map, "Timeline and map"),
        Panel("ru-cn-agreements-timeline", "exercises", "Agreements and high-level meetings", exercises.agreements_timeline, "Agreements and meetings"),
        Panel("ru-cn-infrastructure-incidents-map", "incidents", "Undersea cable and pipeline incidents", incidents.incidents_map),
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
