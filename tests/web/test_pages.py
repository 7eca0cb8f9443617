"""Every page renders under every period choice with no exception, and shows its charts."""

import pytest

from dashboard.core.db import ALL_PERIODS, PERIODS
from tests.helpers.apptest import charts, open_page_views

# page file → the least number of Plotly charts it must show with all periods selected
PAGES = {
    "web/pages/overview.py": 2,
    "web/pages/arms_transfers.py": 4,
    "web/pages/dual_use.py": 2,
    "web/pages/exercises.py": 3,
    "web/pages/incidents.py": 1,
    "web/pages/limits.py": 0,
    "web/pages/data_explorer.py": 0,
    "web/pages/sources.py": 0,
}


@pytest.mark.parametrize("period", [ALL_PERIODS, *PERIODS])
@pytest.mark.parametrize("page", list(PAGES))
def test_page_renders(page, period, built_db):
    views = open_page_views(page, params={"period": period})  # a page with tabs: each tab
    at = views[0]
    assert at.session_state["period"] == period
    assert at.title, "the page has no title"
    drawn = [c for view in views for c in charts(view)]
    if period == ALL_PERIODS:  # a single period may rightly have nothing to chart on some pages
        assert len(drawn) >= PAGES[page], f"{page} shows {len(drawn)} charts"
    for chart in drawn:
        spec = chart.spec
        assert "Source:" in spec, f"a chart on {page} has no source line"
