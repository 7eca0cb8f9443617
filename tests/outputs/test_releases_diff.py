"""`python -m dashboard releases [diff OLD NEW]` on the real files: the revisions PROVENANCE.md
names (sections 6 and 11) appear with both values, deals are paired by SIPRI's id or a documented
key, and what cannot be paired is listed as ambiguous, never guessed."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.__main__ import main
from dashboard.outputs import releases


def _diff(database, old, new, supplier="Russia", recipient="China"):
    return releases.diff(database, old, new, supplier, recipient)


def _changes(d, change, designation=None, order_year=None):
    rows = d.changes[d.changes.change == change]
    if designation is not None:
        rows = rows[rows.designation == designation]
    if order_year is not None:
        rows = rows[rows.order_year == order_year]
    return rows


def test_russia_china_2021_is_773_in_2022_and_467_in_2024(database):
    d = _diff(database, 2022, 2024)
    row = d.revisions[d.revisions.year == 2021]
    assert (row.value_old.tolist(), row.value_new.tolist()) == ([773.0], [466.75])
    assert "SIPRI's table (whole millions)" in row.note.iloc[0]
    assert "Russia → China 2021: 773 → 466.75 (-306.25)" in releases.diff_text(d)


def test_r77_revalued_from_300_to_375_between_2025_and_2026(database):
    d = _diff(database, 2025, 2026)
    for change in ("revalued_tiv_order", "revalued_tiv_delivered"):
        row = _changes(d, change, "R-77", 2000)
        assert row[["value_old", "value_new", "match"]].values.tolist() == [["300", "375", "designation"]]
    unit = _changes(d, "revalued_tiv_per_unit", "R-77", 2000)
    assert unit[["value_old", "value_new"]].values.tolist() == [["0.4", "0.5"]]
    text = releases.diff_text(d)
    assert "Russia → China, R-77, ordered 2000: 300 → 375" in text


@pytest.mark.parametrize("designation, order_year, delivered", [("D-30", 2015, ("482", "487")), ("Mineral", 2004, ("40", "42"))])
def test_the_2026_register_adds_2025_deliveries(database, designation, order_year, delivered):
    d = _diff(database, 2025, 2026)
    years = _changes(d, "delivery_years", designation, order_year)
    assert len(years) == 1
    old, new = years.value_old.iloc[0], years.value_new.iloc[0]
    assert new == old + "; 2025" and "2025" not in old
    assert years.reason.iloc[0] == "deliveries after the last year the 2025 release covers (2024)"
    numbers = _changes(d, "number_delivered", designation, order_year)
    assert tuple(numbers[["value_old", "value_new"]].values[0]) == delivered


@pytest.mark.parametrize("old, new", [("S-300PMU1", "S-300PMU-1"), ("Project-956/Sovremenny", "Sovremenny"), ("9M96", "9M96M")])
def test_designations_renamed_between_2025_and_2026(database, old, new):
    d = _diff(database, 2025, 2026)
    renamed = _changes(d, "renamed")
    assert ((renamed.value_old == old) & (renamed.value_new == new)).any(), renamed[["value_old", "value_new"]].values.tolist()


def test_every_russia_china_deal_of_2025_is_paired_in_2026(database):
    """97 deals each side (PROVENANCE.md section 6): none added, removed or ambiguous."""
    d = _diff(database, 2025, 2026)
    assert not d.changes.change.isin(["added", "removed", "ambiguous"]).any()


def test_deals_paired_by_sipris_id_where_both_releases_carry_it(database):
    d = _diff(database, 2024, 2025)
    renamed = _changes(d, "renamed", "Krasnopol-M", 1997)
    assert renamed[["match", "deal_old", "deal_new"]].values.tolist() == [
        ["sipri_deal_id", "SIPRI deal 31040", "register row 4792 (SIPRI deal 31040)"]]


def test_ambiguous_rows_are_listed_alone_never_paired(database):
    d = _diff(database, 2024, 2026)
    ambiguous = _changes(d, "ambiguous")
    assert len(ambiguous) > 0
    for r in ambiguous.itertuples():
        assert isinstance(r.deal_old, str) != isinstance(r.deal_new, str)  # one release's row, alone
        assert r.candidates_old >= 1 and r.candidates_new >= 1 and max(r.candidates_old, r.candidates_new) >= 2
    assert "Ambiguous: not paired" in releases.diff_text(d)


def test_layout_not_scope_is_given_as_the_reason_where_it_is(database):
    """The 2024 per-delivery-year file (scope 'deliveries or orders') lists only deals with deliveries:
    an undelivered deal of 2025 is new to it because of that layout, not because of the export scope."""
    d = releases.diff(database, 2024, 2025)
    added = d.changes[(d.changes.change == "added") & d.changes.value_new.str.contains(" 0 delivered")]
    assert len(added) > 0
    assert set(added.reason) == {"nothing delivered yet: the 2024 release's per-delivery-year file lists only deals with deliveries"}
    assert not d.changes.reason.fillna("").str.startswith("export scope").any()


def test_cli_lists_the_releases(built_db, capsys):
    assert main(["releases", "--db", str(built_db)]) == 0
    out = capsys.readouterr().out
    for line in ("2016: deliveries 1950–2015; data generated 2016-07-24",
                 "2026: deliveries 1950–2025; data generated 2026-05-18 to 2026-07-14 (newest)",
                 "file: sipri_release_2024_per_year/trade-register_1990-2023.csv (deliveries or orders)",
                 "file: sipri_release_2026/trade-register.csv (deliveries made)"):
        assert line in out


def test_cli_diff_as_csv(built_db, capsys):
    assert main(["releases", "diff", "2025", "2026", "--supplier", "Russia", "--recipient", "China", "--format", "csv", "--db", str(built_db)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    r77 = [r for r in rows if r["designation"] == "R-77" and r["order_year"] == "2000" and r["change_kind"] == "revalued_tiv_order"]
    assert [(r["value_old"], r["value_new"], r["release_old"], r["release_new"]) for r in r77] == [("300", "375", "2025", "2026")]


@pytest.mark.parametrize("argv, message", [
    (["releases", "diff", "2026", "2025"], "give the older release first"),
    (["releases", "diff", "2023", "2026"], "release 2023 is not in the database"),
    (["releases", "diff", "2025"], "needs two releases"),
    (["releases", "2025", "2026"], "releases diff OLD NEW"),
    (["releases", "diff", "2025", "2026", "--supplier", "Narnia"], "no supplier 'Narnia'"),
])
def test_cli_refusals(built_db, capsys, argv, message):
    assert main([*argv, "--db", str(built_db)]) == 2
    assert message in capsys.readouterr().err


def test_a_revised_year_of_order_is_shown_where_sipris_id_pairs_the_deal(database):
    d = releases.diff(database, 2024, 2025)
    years = d.changes[d.changes.change == "order_year"]
    assert len(years) > 0 and set(years.match) == {"sipri_deal_id"}
    assert (years.value_old != years.value_new).all() and (years.order_year.astype(str) == years.value_new).all()
