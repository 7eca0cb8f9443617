"""Totals shown rounded are rounded from exact sums, the same in every build."""


def test_rounded_tiv_totals_are_exact_sums(db):
    """A total rounded to 0.1 from a sum of doubles rounds x.x5 up or down with the order of the
    sum (France → Sweden: SIPRI's years sum to 912.75, shown as 912.7 or 912.8 from build to build)."""
    off = db.execute(
        "select p.pair, p.tiv_delivered_mtiv, round(sum(cast(v.tiv_mtiv as decimal(18, 4))), 1) as exact "
        "from arms_pairs p join stg_sipri_dyad_year_views v on v.pair = p.pair and v.release_view = 'newest' "
        "group by all having p.tiv_delivered_mtiv <> exact"
    ).fetchall()
    assert off == []
    assert db.execute("select tiv_delivered_mtiv from arms_pairs where pair = 'France → Sweden'").fetchone()[0] == 912.8
