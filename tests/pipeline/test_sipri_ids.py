"""Stable ids: sipri_register keeps its positional deal_id and gains SIPRI's own deal id where the
2025 per-delivery-year register pairs the row by a documented key, never by a guess."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from dashboard.pipeline.curate.sipri_ids import match_register_ids
from dashboard.pipeline.curate.sipri_releases import normalise_designation

DATA = Path(__file__).resolve().parents[2] / "data"


def _register():
    with (DATA / "sipri_register.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_sipris_ids_on_the_real_register():
    rows = {r["deal_id"]: r for r in _register()}
    # R-77 of 2000 (PROVENANCE.md section 6): the same designation in both exports of the release
    assert (rows["4827"]["designation"], rows["4827"]["sipri_deal_id"], rows["4827"]["sipri_deal_match"]) == ("R-77", "30125", "designation")
    # 'Il-76M' in the register, 'Il-76' in the per-year file: paired by order year, delivery years and numbers
    assert (rows["4772"]["designation"], rows["4772"]["sipri_deal_id"], rows["4772"]["sipri_deal_match"]) == ("Il-76M", "59489", "deliveries")
    # delivered only in 1993: the per-year file (from 1995) cannot hold it
    assert (rows["4746"]["sipri_deal_id"], rows["4746"]["sipri_deal_match"]) == ("", "outside_per_year_file")


def test_counts_stated_in_the_sidecar():
    counts = Counter(r["sipri_deal_match"] for r in _register())
    sidecar = (DATA / "sipri_register.meta.yaml").read_text(encoding="utf-8")
    for match, n in counts.items():
        assert f"'{match}' ({n:,} rows" in sidecar, (match, n)
    ids = [r["sipri_deal_id"] for r in _register() if r["sipri_deal_id"]]
    assert len(ids) == len(set(ids)) == counts["designation"] + counts["deliveries"]


def test_positional_deal_id_is_kept():
    rows = _register()
    assert [r["deal_id"] for r in rows] == [str(k) for k in range(1, len(rows) + 1)]


def _row(deal_id, designation, years, n, supplier="A", recipient="B", order=2010):
    ys = [int(y) for y in years.split("; ")] if years else []
    return {"deal_id": deal_id, "supplier": supplier, "recipient": recipient, "order_year": order, "designation": designation,
            "delivery_years": years, "number_delivered": n,
            "first_delivery_year": ys[0] if ys else None, "last_delivery_year": ys[-1] if ys else None}


def _deal(i, designation, supplier="A", recipient="B", order="2010"):
    return [i, supplier, recipient, designation, "d", "c", order, "false", "New", "1", "1", "false"]


def _years(i, *year_numbers):
    return [[i, str(y), "false", str(n), "false", "1"] for y, n in year_numbers]


def test_ambiguous_keys_pair_nothing():
    register = [_row("1", "X", "2011; 2012", 4), _row("2", "X", "2011; 2012", 4), _row("3", "Y-1", "2015", 2),
                _row("4", "Renamed", "2016; 2017", 7), _row("5", "Z", "1990", 1), _row("6", "Q", "2020", 3)]
    deals = [_deal("101", "X"), _deal("102", "X"), _deal("103", "Y1 (100)"), _deal("104", "Old name")]
    deliveries = _years("101", (2011, 2), (2012, 2)) + _years("102", (2011, 2), (2012, 2)) + _years("103", (2015, 2)) + _years("104", (2016, 3), (2017, 4))
    got = match_register_ids(register, deals, deliveries, normalise_designation)
    assert got == {
        "1": ("", "ambiguous"), "2": ("", "ambiguous"),     # same key and same deliveries: no guess
        "3": ("103", "designation"),                        # 'Y-1' ~ 'Y1 (100)'
        "4": ("104", "deliveries"),                         # renamed, same years and numbers
        "5": ("", "outside_per_year_file"),                 # delivered before 1995
        "6": ("", "none"),
    }
