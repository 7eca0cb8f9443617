"""Helper for the AppTest tests: open one page of the real app, as a reader's browser would."""

from __future__ import annotations

import json
from dataclasses import dataclass

from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT
from dashboard.core.style import QUOTES_HEADING as QUOTES
from dashboard.web import chart_view

APP = str(ROOT / "dashboard" / "app.py")


def open_page(page: str, *, params: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    """Run the app with `params` in the URL, switch to `page` (e.g. "web/pages/overview.py") and
    run it; fail on any exception the page shows."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params.update(params or {})
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def element_key(node) -> str:
    """The key a page gave an element: a keyed element's id ends with it ("$$ID-<hash>-<key>",
    Streamlit's own format; an element whose id is not so fails here rather than be misread)."""
    parts = node.proto.id.split("-", 2)
    assert len(parts) == 3 and parts[0] == "$$ID", f"not the id of a keyed element: {node.proto.id!r}"
    return parts[2]


def open_quote_lists(at: AppTest) -> AppTest:
    """Open every panel's quote list (web.ui.panel's "Sources and verbatim quotes"), as a reader
    clicks each: a lazy expander, whose list is sent on the rerun that opening it starts; then run
    the page again."""
    boxes = [e for e in at.expander if e.label.startswith(QUOTES)]
    assert all(e.proto.id for e in boxes), "a quote list's expander has no key: it would not be lazy"
    if boxes:
        for e in boxes:
            at.session_state[element_key(e)] = True
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def page_views(page: str) -> tuple[str, ...]:
    """The page's tabs (its ?view= values, dashboard.outputs.panels.VIEWS by the page's URL path,
    which web.claims.PAGE_FILES maps to its file), first the one it opens on; () for a page without."""
    from dashboard.outputs.panels import VIEWS
    from dashboard.web.claims import PAGE_FILES

    paths = {file: path.lstrip("/") for path, file in PAGE_FILES.items()}
    return VIEWS.get(paths.get(page, ""), ())


def open_page_views(page: str, *, params: dict[str, str] | None = None, timeout: float = 60) -> list[AppTest]:
    """The page opened on each of its tabs (only the open tab's content is sent), or once on a page
    without tabs, with its quote lists opened: together, everything the page can show under `params`
    but the lists a reader opens one by one (rows, claim cards, citations)."""
    views = page_views(page)
    if not views:
        return [open_quote_lists(open_page(page, params=params, timeout=timeout))]
    return [open_quote_lists(open_page(page, params={**(params or {}), "view": view}, timeout=timeout)) for view in views]


@dataclass(frozen=True)
class Chart:
    """A chart as the page sends it (dashboard.web.chart_view): the figure's JSON as plotly.js
    receives it (`spec`), Plotly's config and the element's key."""

    spec: str
    config: dict
    key: str

    @property
    def figure(self) -> dict:
        return json.loads(self.spec)


def is_chart(node) -> bool:
    """Whether an element of the AppTest tree is one of the dashboard's charts."""
    return getattr(node, "type", None) == "bidi_component" and node.proto.component_name == chart_view.COMPONENT


def charts(at: AppTest) -> list[Chart]:
    """The page's charts, in page order."""
    found = []
    for node in at.get("bidi_component"):
        if is_chart(node):
            data = json.loads(node.proto.json)
            found.append(Chart(data["figure"], data["config"], element_key(node)))
    return found


def static_tables(at: AppTest) -> list:
    """The page's short reader tables (web.ui.static_table: Markdown tables) as DataFrames whose
    headers and cells are the Markdown text of each cell (a pipe escaped as in the source)."""
    import re

    import pandas as pd

    split = lambda line: [c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]  # noqa: E731
    found = []
    for m in at.markdown:
        lines = str(m.value).splitlines()
        if len(lines) >= 2 and all(x.startswith("| ") and x.endswith(" |") for x in lines) and set(lines[1]) <= set("| -"):
            found.append(pd.DataFrame([split(x) for x in lines[2:]], columns=split(lines[0])))
    return found
