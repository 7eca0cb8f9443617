"""The Largest deals chart gives every deal its own row: two deals with the same designation,
order year and supplier (e.g. two Mi-17 orders of 2019) were drawn on one row, the smaller hidden."""


import pytest

from dashboard.core.db import ALL_PERIODS, PERIODS
from tests.helpers.apptest import charts, open_page


@pytest.mark.parametrize("period", [ALL_PERIODS, *PERIODS])
def test_every_deal_has_its_own_row(period, database):
    at = open_page("web/pages/arms_transfers.py", params={"period": period, "view": "What was delivered"})
    deals = next(c.figure for c in charts(at) if "Largest deals" in c.spec)
    rows = [y for trace in deals["data"] for y in trace["y"]]
    assert rows and len(rows) == len(set(rows)), sorted(rows)
    if period == "since_2022":  # the case that showed it: deals 4887 and 4896, both "Mi-17 (2019, Russia)"
        assert {"Mi-17 (2019, Russia) · SIPRI deal 4887", "Mi-17 (2019, Russia) · SIPRI deal 4896"} <= set(rows)
