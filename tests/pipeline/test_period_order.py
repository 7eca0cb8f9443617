"""Views that list periods list them in time order (Before 2014, 2014 – 23 Feb 2022, Since 24 Feb
2022), not in the alphabetical order of their ids, which puts 2014_2022 first."""

from dashboard.core.db import PERIODS


def first_appearance(values) -> list[str]:
    return list(dict.fromkeys(values))


def test_tiv_by_category_lists_periods_in_time_order(db):
    rows = db.execute("select period_id from arms_tiv_by_category").fetchall()
    seen = first_appearance(r[0] for r in rows)
    assert seen == [p for p in PERIODS if p in seen], seen
    assert len(seen) > 1  # the check means something only with more than one period
