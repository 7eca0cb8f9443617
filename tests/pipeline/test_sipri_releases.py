"""SIPRI releases as data and SIPRI's own yearly values (issue #13).

The figures checked on the real files are the ones PROVENANCE.md publishes for them ("Differences
between releases are real: Soviet Union→China in 1950 is 2,701 (2016 release), 2,572 (2022), 2,570
(2024); Russia→China in 2021 is 773 (2022 release) and 467 (2024); in 2022, 580 (2024 release) and
498 (2025)"; "Russia→China in 2024 from file 9 sums to 30.0"): computed by the files' curator, not
by this import. SIPRI's tables round the yearly sums to whole millions (Python's round(), half to
even: 579.5 -> 580, 498.5 -> 498).
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.pipeline.curate import sipri, sipri_releases as rel
from dashboard.pipeline.curate.sipri import CurateError, RawFile
from tests.helpers.shared import SHARED, need_shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW_DIR = SHARED / "data" / "raw"


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def dyad() -> dict[tuple, dict]:
    return {(int(r["release"]), r["supplier"], r["recipient"], int(r["year"])): r for r in rows("sipri_dyad_year.csv")}


def value(dyad, release, supplier, recipient, year) -> Decimal:
    return Decimal(dyad[(release, supplier, recipient, year)]["tiv_mtiv"])


# ----------------------------------------------------------------------------- published figures


@pytest.mark.parametrize(("release", "supplier", "year", "published", "method"), [
    (2025, "Russia", 2024, 30, "sipri_per_year"),
    (2022, "Russia", 2021, 773, "sipri_table"),
    (2024, "Russia", 2021, 467, "sipri_per_year"),
    (2024, "Russia", 2022, 580, "sipri_per_year"),
    (2025, "Russia", 2022, 498, "sipri_per_year"),
    (2016, "Soviet Union", 1950, 2701, "sipri_table"),
    (2022, "Soviet Union", 1950, 2572, "sipri_table"),
    (2024, "Soviet Union", 1950, 2570, "sipri_per_year"),
])
def test_published_yearly_values_by_release(dyad, release, supplier, year, published, method):
    row = dyad[(release, supplier, "China", year)]
    assert row["method"] == method and row["is_estimate"] == "false"
    assert round(Decimal(row["tiv_mtiv"])) == published


def test_russia_china_2024_is_exactly_30_not_the_even_split(dyad):
    assert value(dyad, 2025, "Russia", "China", 2024) == Decimal(30)  # the even split of the register gives about 207


def test_per_year_sums_are_the_deliveries_summed():
    deals = {(r["release"], r["sipri_deal_id"]): (r["supplier"], r["recipient"]) for r in rows("sipri_release_deals.csv")}
    sums: dict[tuple, Decimal] = defaultdict(Decimal)
    for r in rows("sipri_deliveries_per_year.csv"):
        s, t = deals[(r["release"], r["sipri_deal_id"])]
        sums[(r["release"], s, t, r["delivery_year"])] += Decimal(r["tiv_delivered_mtiv"])
    per_year = {(r["release"], r["supplier"], r["recipient"], r["year"]): Decimal(r["tiv_mtiv"])
                for r in rows("sipri_dyad_year.csv") if r["method"] == "sipri_per_year"}
    assert per_year == sums


def test_every_row_names_a_known_release():
    releases = {r["release"] for r in rows("sipri_releases.csv")}
    assert releases == {"2016", "2022", "2024", "2025", "2026"}
    for name in ("sipri_dyad_year.csv", "sipri_release_deals.csv", "sipri_deliveries_per_year.csv", "sipri_release_files.csv"):
        assert {r["release"] for r in rows(name)} <= releases, name


def test_releases_and_their_files():
    releases = {r["release"]: r for r in rows("sipri_releases.csv")}
    assert [releases[k]["deliveries_last_year"] for k in ("2016", "2022", "2024", "2025", "2026")] == ["2015", "2021", "2023", "2024", "2025"]
    assert releases["2026"]["data_generated_first"] == "2026-05-18"
    files = {r["file"]: r for r in rows("sipri_release_files.csv")}
    raw = {r["file"]: r for r in rows("sipri_raw_files.csv")}
    assert set(files) == set(raw)
    assert files["sipri_release_2025_per_year/trade-register_1995-2024.csv"]["export_scope"] == "deliveries made"
    assert files["sipri_release_2024_per_year/trade-register_1990-2023.csv"]["export_scope"] == "deliveries or orders"
    assert files["sipri_trade_register/trade-register.csv"]["release"] == "2025"
    # the checksums recorded are the ones hard-coded from PROVENANCE.md
    expected = {f.path: f.sha256 for f in (*sipri.RAW_FILES.values(), *rel.RELEASE_FILES.values())}
    assert {k: r["sha256"] for k, r in raw.items()} == expected


def test_raw_files_first_rows_unchanged_new_ones_appended():
    lines = (DATA / "sipri_raw_files.csv").read_text(encoding="utf-8").splitlines()
    assert [ln.split(",")[0] for ln in lines[1:5]] == sorted(f.path for f in sipri.RAW_FILES.values())
    assert [ln.split(",")[0] for ln in lines[5:]] == sorted(f.path for f in rel.RELEASE_FILES.values())


def test_raw_file_checksums_on_disk():
    need_shared()
    for f in (*sipri.RAW_FILES.values(), *rel.RELEASE_FILES.values()):
        assert hashlib.sha256((RAW_DIR / f.path).read_bytes()).hexdigest() == f.sha256, f.path


def test_sipri_deal_ids_are_sipris():
    deals = {(r["release"], r["sipri_deal_id"]): r for r in rows("sipri_release_deals.csv")}
    # Russia -> China D-30 engines ordered 2015: the same SIPRI id in both releases
    d30 = [k for k, r in deals.items() if r["supplier"] == "Russia" and r["recipient"] == "China" and r["designation"].startswith("D-30 ")
           and r["order_year"] == "2015"]
    assert sorted(d30) == [("2024", "63580"), ("2025", "63580")]


def test_flags_kept_per_deal_year():
    ys = [r for r in rows("sipri_deliveries_per_year.csv") if r["release"] == "2025" and r["sipri_deal_id"] == "63580"]
    assert [r["delivery_year"] for r in ys] == [str(y) for y in range(2018, 2025)]
    assert {r["number_delivered_estimated"] for r in ys} <= {"true", "false", ""}
    assert sum(int(r["number_delivered"]) for r in ys) == 482


# ----------------------------------------------------------------------------- 2025: the 2026 register


def test_russia_china_2025_from_the_2026_register(dyad):
    deals = [r for r in rows("sipri_release_2026_deliveries_2025.csv") if r["supplier"] == "Russia" and r["recipient"] == "China"]
    by = {r["designation"]: r for r in deals}
    assert set(by) == {"D-30", "Mineral"}  # PROVENANCE.md section 6: the 2025 deliveries
    d30 = by["D-30"]  # 487 delivered in all, 482 of them to 2024 in the 2025 release, 1461 TIV
    assert (d30["match"], d30["matched_sipri_deal_id"], d30["number_delivered_to_2024"], d30["tiv_2025_mtiv"]) == ("unique", "63580", "482", "15")
    assert by["Mineral"]["method"] == "register_minus_per_year_estimate"
    row = dyad[(2026, "Russia", "China", 2025)]
    assert (row["method"], row["is_estimate"], row["tiv_mtiv"]) == ("register_minus_per_year_estimate", "true", "25")


def test_china_exports_2025_are_sipris_table_not_an_estimate(dyad):
    row = dyad[(2026, "China", "Russia", 2025)]
    assert (row["method"], row["is_estimate"], row["tiv_mtiv"]) == ("sipri_table", "false", "5")
    china_2025 = [r for k, r in dyad.items() if k[0] == 2026 and k[1] == "China" and k[3] == 2025]
    assert sum(int(r["tiv_mtiv"]) for r in china_2025) == 880  # the table's 'Total imports from China' for 2025
    assert {r["method"] for r in china_2025} == {"sipri_table"}


def test_estimates_are_marked():
    for r in rows("sipri_dyad_year.csv"):
        assert (r["is_estimate"] == "true") == (r["method"] in rel.ESTIMATE_METHODS)
        assert r["method"] in ("sipri_per_year", "sipri_table") or (r["release"], r["year"]) == ("2026", "2025")


def _deal(line, years, n, tiv, supplier="A", recipient="B", order=2015, designation="X-1"):
    return {"raw_line": line, "supplier": supplier, "recipient": recipient, "order_year": order, "designation": designation,
            "years": years, "number_delivered": n, "tiv_delivered": Decimal(tiv)}


def _per_year_deal(deal_id, designation="X (100)", supplier="A", recipient="B", order="2015"):
    return [deal_id, supplier, recipient, designation, "d", "c", order, "false", "New", "1", "1", "false"]


def test_estimate_2025_methods():
    register = [
        _deal(1, [2025], 3, "6", designation="S"),                          # only 2025: exact
        _deal(2, [2023, 2024, 2025], 10, "20"),                             # matched: 8 of 10 delivered to 2024
        _deal(3, [2024, 2025], 4, "8", designation="Y-2"),                  # ambiguous: two 2025-release deals
        _deal(4, [2022, 2025], 2, "9", designation="Z"),                    # no match: even split
        _deal(5, [2020, 2025], 5, "5", designation="W"),                    # numbers disagree
        _deal(6, [1990, 2025], 2, "2", designation="V"),                    # starts before the per-year file
        _deal(7, [2020, 2021], 2, "2", designation="U"),                    # no 2025 delivery: not listed
    ]
    deals = [_per_year_deal("10", "X-1 (100)"), _per_year_deal("11", "Y-2"), _per_year_deal("12", "Y 2"),
             _per_year_deal("13", "W"), _per_year_deal("14", "V")]
    deliveries = [["10", "2023", "false", "5", "false", "10"], ["10", "2024", "false", "3", "false", "6"],
                  ["13", "2020", "false", "5", "false", "5"], ["14", "1995", "false", "1", "false", "1"]]
    out = {int(r[0]): dict(zip(rel.DEALS_2025_COLUMNS, r)) for r in rel.estimate_2025(register, deals, deliveries)}
    assert sorted(out) == [1, 2, 3, 4, 5, 6]
    got = {k: (r["match"], r["method"], r["tiv_2025_mtiv"]) for k, r in out.items()}
    assert got == {
        1: ("single_year", "register_single_year", "6"),
        2: ("unique", "register_minus_per_year_estimate", "4"),           # 20 x (10 - 8) / 10
        3: ("ambiguous", "even_split_estimate", "4"),
        4: ("none", "even_split_estimate", "4.5"),
        5: ("numbers_disagree", "even_split_estimate", "2.5"),
        6: ("before_1995", "even_split_estimate", "1"),
    }
    assert out[2]["matched_sipri_deal_id"] == "10" and out[2]["number_delivered_to_2024"] == "8"


def test_revaluation_does_not_land_in_2025():
    """R-77-like: the unit TIV rose between releases; the 2025 value counts only what was delivered in 2025."""
    register = [_deal(1, [2024, 2025], 4, "1500")]  # 4 units at 375 in the 2026 register
    deals = [_per_year_deal("10", "X-1")]
    deliveries = [["10", "2024", "false", "3", "false", "900"]]  # 3 units at 300 in the 2025 release
    (r,) = rel.estimate_2025(register, deals, deliveries)
    assert r[-1] == "375"  # not 1500 - 900 = 600


def test_a_pair_year_takes_the_weakest_method():
    deals_2025 = [["1", "A", "B", "2015", "X", "2025", "1", "1", "", "", "single_year", "register_single_year", "1"],
                  ["2", "A", "B", "2015", "Y", "2024; 2025", "2", "2", "", "", "none", "even_split_estimate", "1"],
                  ["3", "A", "C", "2015", "Y", "2025", "2", "2", "", "", "single_year", "register_single_year", "2"]]
    out = {(r[1], r[2]): r for r in rel.dyad_years({}, {}, deals_2025)}
    assert out[("A", "B")][4:] == ["even_split_estimate", "true", "2"]
    assert out[("A", "C")][4:] == ["register_single_year", "false", "2"]


# ----------------------------------------------------------------------------- refusals


def test_checksum_mismatch_is_a_clear_error(tmp_path):
    need_shared()
    f = rel.RELEASE_FILES["table_2016_chi"]
    bad = tmp_path / f.path
    bad.parent.mkdir(parents=True)
    data = bytearray((RAW_DIR / f.path).read_bytes())
    data[-5] ^= 1
    bad.write_bytes(bytes(data))
    with pytest.raises(CurateError, match=r"SHA-256 mismatch.*\n  expected 63443df2"):
        sipri.verify_checksums(tmp_path, {f.key: f})


def test_checksum_mismatch_writes_nothing(tmp_path, capsys):
    need_shared()
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw, ignore=shutil.ignore_patterns("*.xlsx"))
    target = raw / rel.RELEASE_FILES["per_year_2025"].path
    target.chmod(0o644)
    target.write_bytes(target.read_bytes().replace(b"Russia,China", b"Russia,Chine", 1))
    out = tmp_path / "out"
    assert sipri.main([str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "trade-register_1995-2024.csv: SHA-256 mismatch" in err and "Nothing was written." in err
    assert not out.exists()


PER_YEAR_FILE = RawFile("per_year", "test.csv", "", "ascii", "1 Jan 2026 1:00:00 PM", "2026-01-01", "sipri_at_2025_per_year",
                        "test/test", "0" * 40, "sipri_deliveries_per_year")
_PREAMBLE = ["Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range '1995' to '2025';",
             *["note;"] * 8, "Source: SIPRI Arms Transfers Database (c) SIPRI.;", "Data generated: 1 Jan 2026 1:00:00 PM;"]


def _per_year_bytes(*lines: str, crlf: bool = True) -> bytes:
    body = [*_PREAMBLE, ",".join(rel.PER_YEAR_HEADER) + ";", *lines]
    return ("\r\n" if crlf else "\n").join(body).encode("ascii")


GOOD = "7,Russia,China,Mi-17,transport helicopter,Aircraft,2019,No,9,Yes,2024,No,New,7.25,7.25,65.25,No;"


def test_per_year_parses_a_good_file():
    deals, deliveries, stamp = rel.parse_per_year(_per_year_bytes(GOOD), PER_YEAR_FILE, 2024, 2024, True, "deliveries made")
    assert stamp == "1 Jan 2026 1:00:00 PM"
    assert deals == [["7", "Russia", "China", "Mi-17", "transport helicopter", "Aircraft", "2019", "false", "New", "7.25", "7.25", "false"]]
    assert deliveries == [["7", "2024", "false", "9", "true", "65.25"]]


@pytest.mark.parametrize(("data", "message"), [
    (_per_year_bytes(GOOD.replace(",No,9,", ",Maybe,9,")), r"line 13 \(Order date is estimate\): 'Maybe'; expected Yes or No"),
    (_per_year_bytes(GOOD.replace(",2024,", ",2030,")), r"line 13: delivery year '2030'; this file covers 2024-2024"),
    (_per_year_bytes(GOOD, GOOD), r"line 14: deal 7 has a second row for delivery year 2024"),
    (_per_year_bytes(GOOD, GOOD.replace("Mi-17", "Mi-8").replace(",2024,", ",2024,")), r"line 14: deal 7 has other attributes"),
    (_per_year_bytes(GOOD, crlf=False), r"line 1: expected a CR LF line end"),
    (_per_year_bytes(GOOD.rstrip(";")), r"line 13: expected a ';' at the end of the line"),
    (_per_year_bytes(GOOD.replace("65.25", "6x")), r"line 13 \(TIV delivery values\): '6x' is not a number"),
    (_per_year_bytes(GOOD).replace(b"Data generated: 1 Jan 2026", b"Data generated: 2 Jan 2026"), r"line 11: .*another SIPRI release"),
    (_per_year_bytes(GOOD).replace(b"deliveries made", b"deliveries or orders made"), r"export scope 'deliveries or orders'"),
])
def test_per_year_refuses_malformed_rows(data, message):
    with pytest.raises(CurateError, match=message):
        rel.parse_per_year(data, PER_YEAR_FILE, 2024, 2024, True, "deliveries made")


def test_old_table_totals_must_add_up():
    need_shared()
    f = rel.RELEASE_FILES["table_2016_chi"]
    data = (RAW_DIR / f.path).read_bytes().replace(b",Uzbekistan,", b",Uzbekistan,900", 1)
    title, named, other, first, last = rel.TABLE_LAYOUT["table_2016_chi"]
    with pytest.raises(CurateError, match=r"line \d+: the yearly cells sum to"):
        rel.parse_old_table(data, f, title, named, other, first, last)


# ----------------------------------------------------------------------------- the built database


def test_pair_year_mart_and_revisions(db):
    got = db.execute("select release, tiv_mtiv, is_estimate from sipri_pair_year where pair = ? and year = ? order by release",
                     ["Russia → China", 2021]).fetchall()
    assert got == [(2022, 773.0, False), (2024, 466.75, False), (2025, 466.75, False)]
    rev = db.execute("select release_old, value_old, release_new, value_new, change from sipri_release_revisions "
                     "where pair = ? and year = ? order by release_new", ["Soviet Union → China", 1950]).fetchall()
    assert rev == [(2016, 2701.0, 2022, 2572.0, -129.0), (2022, 2572.0, 2024, 2570.37, -1.63)]


def test_deliveries_per_year_view_joins_the_deal(db):
    row = db.execute("select supplier, recipient, designation, order_year, number_delivered, tiv_delivered_mtiv, period_id "
                     "from stg_sipri_deliveries_per_year where release = 2025 and sipri_deal_id = 63580 and delivery_year = 2022").fetchall()
    assert len(row) == 1 and row[0][:4] == ("Russia", "China", "D-30 (12000)", 2015) and row[0][6] == "since_2022"


def test_the_2025_method_checked_against_sipris_china_table():
    """The sidecar states how far the method is from SIPRI's own figure where one exists: China's
    exports in 2025 are 880 in SIPRI's 2026 table; the deal values of the 2026 register sum to 1,070.51."""
    china = [Decimal(r["tiv_2025_mtiv"]) for r in rows("sipri_release_2026_deliveries_2025.csv") if r["supplier"] == "China"]
    assert sum(china) == Decimal("1070.51")
    assert "1,070.51" in (DATA / "sipri_release_2026_deliveries_2025.meta.yaml").read_text(encoding="utf-8")
