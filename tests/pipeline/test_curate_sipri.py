"""The SIPRI import: it reproduces data/sipri_*.csv byte for byte, joins exactly the broken register
records, refuses any other malformed record, and refuses raw files whose checksum differs."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.pipeline.curate import sipri as curate
from dashboard.pipeline.curate.sipri import CurateError, RawFile
from tests.helpers.shared import need_shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW_DIR = ROOT.parent / "shared" / "data" / "raw"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "sipri" / "trade-register-broken.csv"
GENERATED = ("sipri_register.csv", "sipri_imports_by_recipient.csv", "sipri_exports_by_supplier.csv",
             "sipri_dyadic_2024.csv", "sipri_dyadic_2024_totals.csv", "sipri_raw_files.csv",
             "sipri_releases.csv", "sipri_release_files.csv", "sipri_release_deals.csv", "sipri_deliveries_per_year.csv",
             "sipri_release_2026_deliveries_2025.csv", "sipri_dyad_year.csv", "sipri_release_registers.csv")
FIXTURE_FILE = RawFile("register", "trade-register-broken.csv", "", "latin-1", "1 Jan 2000 12:00:00 AM", "2000-01-01",
                       "sipri_at_2025", "test/test", "0" * 40, "sipri_register")
FIXTURE_CATEGORIES = {"FGA aircraft": "aircraft", "vehicle engine": "engines", "APC": "armoured_vehicles", "anti-tank missile": "missiles"}


def need_raw() -> None:
    """Skip without ../shared on a developer's machine; in CI (env CI set) its absence is a failure."""
    need_shared()
    assert RAW_DIR.is_dir(), f"{RAW_DIR} is missing from ../shared"


def _fixture_register(data: bytes | None = None, expected_repairs=((14, "Aland", "Borduria", 2020, "vehicle engine"), (16, "Carpania", "Borduria", 2008, "BTR-X"))):
    rows, stamp, n = curate.parse_register(data if data is not None else FIXTURE.read_bytes(), FIXTURE_CATEGORIES, FIXTURE_FILE,
                                           name=FIXTURE.name, expected_repairs=expected_repairs)
    return [dict(zip(curate.REGISTER_COLUMNS, r)) for r in rows], stamp, n


# ----------------------------------------------------------------------------- the real files


def test_import_reproduces_committed_files(tmp_path):
    need_raw()
    run = subprocess.run([sys.executable, "-m", "dashboard.pipeline.curate", "sipri", str(RAW_DIR), "--out", str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(GENERATED)
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), (
            f"data/{name} differs from a fresh import; re-run .venv/bin/python -m dashboard.pipeline.curate sipri ../shared/data/raw")


def test_no_stray_sipri_files_in_data():
    """Every sipri_* file is the curate command's output, except the two curated by hand: the
    project's weapon categories and the Fact Sheet figures cited from SIPRI's publications."""
    on_disk = {p.name for p in DATA.glob("sipri_*.csv")}
    assert on_disk == set(GENERATED) | {"sipri_weapon_categories.csv", "sipri_fact_sheet_figures.csv"}


def test_real_register_repairs_exactly_the_four_known_records():
    need_raw()
    raw = curate.verify_checksums(RAW_DIR, {"register": curate.RAW_FILES["register"]})
    _records, repaired = curate.read_register_records(raw["register"].decode("latin-1"))
    assert repaired == [line for line, *_ in curate.KNOWN_BROKEN_RECORDS]


# ----------------------------------------------------------------------------- broken records (synthetic file)


def test_broken_records_are_joined():
    rows, stamp, n = _fixture_register()
    assert stamp == "1 Jan 2000 12:00:00 AM"
    assert n == 4
    assert [r["raw_line"] for r in rows] == ["13", "14", "16", "18"]
    assert [r["raw_record_repaired"] for r in rows] == ["false", "true", "true", "false"]
    engine = rows[1]
    assert (engine["comments"], engine["tiv_per_unit_mtiv"], engine["tiv_order_mtiv"], engine["tiv_delivered_mtiv"]) == (
        "Diesel engine for 12 APC", "0.03", "0.36", "0")
    assert engine["order_year_uncertain"] == "true" and engine["number_ordered_uncertain"] == "true"
    btr = rows[2]  # CR LF break, Latin-1 text, trailing space
    assert btr["comments"] == "Modernisé version; delivery delayed"
    assert (btr["delivery_years"], btr["first_delivery_year"], btr["last_delivery_year"], btr["delivery_year_count"]) == ("2010; 2012", "2010", "2012", "2")
    assert (btr["tiv_per_unit_mtiv"], btr["tiv_order_mtiv"], btr["tiv_delivered_mtiv"]) == ("0.25", "3.5", "3.25")


def test_zero_rules_on_synthetic_file():
    rows, _, _ = _fixture_register()
    spike = rows[3]  # nothing ordered/delivered known: unit TIV '0' and order TIV '0' become NULL
    assert (spike["designation"], spike["number_ordered"], spike["tiv_per_unit_mtiv"], spike["tiv_order_mtiv"], spike["tiv_delivered_mtiv"]) == (
        "Spike-X", "", "", "", "0")
    assert rows[0]["tiv_per_unit_mtiv"] == "60" and rows[0]["category"] == "aircraft"


def test_unexpected_repairs_are_refused():
    with pytest.raises(CurateError, match="repaired records"):
        _fixture_register(expected_repairs=((14, "Aland", "Borduria", 2020, "vehicle engine"),))


def _replace_line(line_no: int, new: str) -> bytes:
    lines = FIXTURE.read_bytes().split(b"\n")
    lines[line_no - 1] = new.encode("latin-1")
    return b"\n".join(lines)


@pytest.mark.parametrize(("line_no", "new", "message"), [
    (13, "Aland,Borduria,2015,,24,,Xa-35,FGA aircraft,24,,2016,New,$2 b deal,60,1440", r"line 13: malformed record with 15 fields"),
    (15, "x,0.03,0.36,0", r"line 14: malformed record with 13 fields"),
    (15, ",0.03,0.36", r"line 14: malformed record with 13 fields"),
    (13, "Aland,Borduria,2015,,24?,,Xa-35,FGA aircraft,24,,2016,New,,60,1440,1440", r"line 13 \(Number ordered\): '24\?' is not a whole number"),
    (13, "Aland,Borduria,2015,!,24,,Xa-35,FGA aircraft,24,,2016,New,,60,1440,1440", r"line 13: uncertainty flag '!'"),
    (13, "Aland,Borduria,2015,,24,,Xa-35,FGA aircraft,24,,2016,Used,,60,1440,1440", r"line 13: status 'Used'"),
    (13, "Aland,Borduria,2015,,24,,Xa-35,FGA aircraft,24,,2016-2018,New,,60,1440,1440", r"line 13: year\(s\) of delivery '2016-2018'"),
    (13, "Aland,Borduria,2015,,24,,Xa-35,FGA aircraft,24,,2016,New,,60,1440,1 440", r"line 13 \(SIPRI TIV of delivered weapons\)"),
    (13, "Aland,Borduria,2015,,24,,Xa-35,FGA aircraft,0,,2016,New,,60,1440,1440", r"line 13: number delivered '0', years '2016'"),
    (13, "Aland,Borduria,2015,,24,,Xa-35,UFO,24,,2016,New,,60,1440,1440", r"weapon description 'UFO' has no row"),
    (12, "Recipient,Supplier,Year of order", r"line 12: unexpected header"),
    (11, "Data generated: 2 Jan 2000 12:00:00 AM", r"data generated '2 Jan 2000 12:00:00 AM', but PROVENANCE.md says"),
])
def test_malformed_records_stop_the_import(line_no, new, message):
    with pytest.raises(CurateError, match=message):
        _fixture_register(_replace_line(line_no, new))


# ----------------------------------------------------------------------------- checksums


def test_checksum_mismatch_is_a_clear_error(tmp_path, capsys):
    raw = tmp_path / "raw"
    for f in curate.RAW_FILES.values():
        (raw / f.path).parent.mkdir(parents=True, exist_ok=True)
        (raw / f.path).write_bytes(FIXTURE.read_bytes())
    with pytest.raises(CurateError) as err:
        curate.verify_checksums(raw)
    text = str(err.value)
    assert "SHA-256 mismatch" in text and "sipri_trade_register/trade-register.csv" in text
    assert re.search(r"expected [0-9a-f]{64}\n  found    [0-9a-f]{64}", text)
    out = tmp_path / "out"
    assert curate.main([str(raw), "--out", str(out)]) == 2
    assert "SHA-256 mismatch" in capsys.readouterr().err
    assert not out.exists(), "nothing may be written when a check fails"


def test_missing_raw_file_is_a_clear_error(tmp_path):
    with pytest.raises(CurateError, match="raw file missing"):
        curate.verify_checksums(tmp_path)


def test_checksums_are_the_ones_in_provenance():
    need_raw()
    provenance = (RAW_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    for f in curate.RAW_FILES.values():
        section = provenance.split(f"`{f.path}`", 1)[1].split("\n## ", 1)[0]
        assert f"`{f.sha256}`" in section, f.path
        assert f"`{f.commit}`" in section, f.path


# ----------------------------------------------------------------------------- categories


def test_category_list_matches_the_table_definitions():
    for table in ("sipri_weapon_categories", "sipri_register"):
        ddl = (ROOT / "queries" / "tables" / f"{table}.sql").read_text(encoding="utf-8")
        listed = re.search(r"category\s+varchar not null check \(category in \(([^)]*)\)\)", ddl).group(1)
        assert tuple(re.findall(r"'([a-z_]+)'", listed)) == curate.CATEGORIES, table


def test_category_file_is_well_formed():
    mapping = curate.read_categories(DATA / "sipri_weapon_categories.csv")
    assert set(mapping.values()) == set(curate.CATEGORIES), "every category is used"
    with open(DATA / "sipri_weapon_categories.csv", encoding="utf-8", newline="") as f:
        descriptions = [r["description"] for r in csv.DictReader(f)]
    assert descriptions == sorted(descriptions, key=lambda s: (s.lower(), s)), "keep the file sorted by description"
