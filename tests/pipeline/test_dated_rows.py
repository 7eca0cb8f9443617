"""A date is only as precise as its source: each dated row carries the interval its precision covers,
and a row whose interval holds a period cut is shown under every period it overlaps."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.core.db import Query, compile_query

ROOT = Path(__file__).resolve().parents[2]
CUTS = (dt.date(2014, 1, 1), dt.date(2022, 2, 24))
DATED_MARTS = ("key_events", "agreement_list", "incident_list", "exercise_list", "exercise_mention_list", "arms_named_systems")
INTERVAL_COLUMNS = ("date_from", "date_to", "straddles_cut", "precision_note", "period_ids", "period_label")


def rows(db, sql, params=()):
    return db.execute(sql, list(params)).fetchall()


@pytest.mark.parametrize("mart", DATED_MARTS)
def test_dated_marts_carry_the_interval(db, mart):
    cols = {c for (c,) in rows(db, "select column_name from information_schema.columns where table_name = ?", [mart])}
    missing = [c for c in INTERVAL_COLUMNS if c not in cols]
    assert not missing, f"{mart} lacks {missing}"
    kind = dict(rows(db, "select column_name, data_type from information_schema.columns where table_name = ?", [mart]))
    assert kind["period_ids"] == "VARCHAR[]" and kind["straddles_cut"] == "BOOLEAN", kind


def test_interval_follows_the_precision(db):
    got = {r[0]: r[1:] for r in rows(db, "select id, date_precision, date_from, date_to from key_events")}
    for id_, (precision, start, end) in got.items():
        if precision == "day":
            assert start == end, id_
        elif precision == "month":
            assert start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and end.month == start.month, id_
        elif precision == "year":
            assert (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31), id_
    # a span with an end year runs to 31 Dec of that year
    assert got["cepa_advanced_weaponry_2014_2022"][1:] == (dt.date(2014, 1, 1), dt.date(2022, 12, 31))
    assert got["cepa_no_limits_2022_02_04"][1:] == (dt.date(2022, 2, 4), dt.date(2022, 2, 4))
    assert got["cepa_full_scale_invasion_feb_2022"][1:] == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))


@pytest.mark.parametrize("mart", DATED_MARTS)
def test_straddles_cut_means_a_cut_strictly_inside(db, mart):
    for start, end, straddles, ids, note, period_id in rows(db, f"select date_from, date_to, straddles_cut, period_ids, precision_note, period_id from {mart} where date_to is not null"):
        inside = any((start is None or start < c) and c <= end for c in CUTS)
        assert straddles == inside, (mart, start, end)
        assert (len(ids) > 1) == straddles, (mart, start, end, ids)
        assert (note is not None) == straddles, (mart, start, end, note)
        assert period_id is None or period_id in ids, (mart, start, end, period_id, ids)


def test_year_and_month_rows_of_2022_are_under_both_periods(db):
    got = dict(rows(db, "select id, period_ids from key_events"))
    assert got["rabdan_no_limits_early_2022"] == ["2014_2022", "since_2022"]  # 'in early 2022'
    assert got["cepa_full_scale_invasion_feb_2022"] == ["2014_2022", "since_2022"]  # 'February 2022'
    assert got["cepa_no_limits_2022_02_04"] == ["2014_2022"]  # a day settles it
    assert got["cepa_crimea_annexation_2014"] == ["2014_2022"]  # the year starts on the cut


def test_precision_note_in_reader_words(db):
    note = dict(rows(db, "select id, precision_note from key_events"))
    assert note["rabdan_no_limits_early_2022"] == "Dated only to 2022: may fall before or after 24 Feb 2022"
    assert note["cepa_full_scale_invasion_feb_2022"] == "Dated only to February 2022: may fall before or after 24 Feb 2022"
    assert note["cepa_advanced_weaponry_2014_2022"] == "Dated 2014–2022: may end before or after 24 Feb 2022"
    assert note["cepa_state_armament_program_2010_2020"] == "Dated 2010–2020: runs across 1 Jan 2014"


def test_period_filter_shows_a_straddling_row_under_each_period(database):
    before = database.fetch(Query("key_events", period="2014_2022"))
    after = database.fetch(Query("key_events", period="since_2022"))
    for id_ in ("rabdan_no_limits_early_2022", "cepa_full_scale_invasion_feb_2022", "cepa_western_sanctions_2022"):
        assert id_ in set(before["id"]) and id_ in set(after["id"]), id_
    assert "cepa_no_limits_2022_02_04" in set(before["id"]) and "cepa_no_limits_2022_02_04" not in set(after["id"])
    # under "since 24 Feb 2022", nothing drawn before the cut unless its date may fall after it
    early = after[after["plot_date"] < "2022-02-24"]
    assert early["straddles_cut"].all(), early[["id", "date_label"]]
    assert "joint_naval_patrol_2nd" in set(database.fetch(Query("exercise_list", period="2014_2022"))["exercise_id"])


def test_compile_query_binds_the_period_against_period_ids():
    sql, params = compile_query(Query("key_events", period="since_2022"), {"key_events": ["id", "period_id", "period_ids"]})
    assert 'list_contains("period_ids", ?)' in sql and "since_2022" not in sql and params == ["since_2022"]
    sql, params = compile_query(Query("arms_tiv_by_year", period="since_2022"), {"arms_tiv_by_year": ["year", "period_id"]})
    assert '"period_id" = ?' in sql and params == ["since_2022"]


def test_export_cli_follows_the_same_rule(built_db, tmp_path):
    out = tmp_path / "k.csv"
    run = subprocess.run([sys.executable, "-m", "dashboard", "export", "key_events", "--period", "2014_2022", "--out", str(out), "--db", str(built_db)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert "rabdan_no_limits_early_2022" in text and "cepa_full_scale_invasion_feb_2022" in text


def test_key_events_order_is_fixed(db):
    got = [r[0] for r in rows(db, "select id from key_events")]
    want = [r[0] for r in rows(db, "select id from key_events order by plot_date, id")]
    assert got == want


def test_date_labels_state_the_precision(db):
    labels = dict(rows(db, "select id, date_label from key_events"))
    assert labels["rabdan_no_limits_early_2022"] == "2022"
    assert labels["cepa_full_scale_invasion_feb_2022"] == "February 2022"
    assert labels["cepa_no_limits_2022_02_04"] == "4 February 2022"
    for mart in ("key_events", "agreement_list", "incident_list", "exercise_list"):
        for (label,) in rows(db, f"select date_label from {mart}"):
            assert label and not re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}", label), (mart, label)
    ex = dict(rows(db, "select exercise_id, date_label from exercise_list"))
    assert ex["joint_sea_2013"] == "5–12 July 2013" and ex["joint_naval_patrol_2nd"] == "2022"


def test_lanes_are_reader_labels(db):
    lanes = {r[0]: r[1] for r in rows(db, "select distinct lane_id, lane from key_events")}
    assert lanes["us_policy"] == "US policy" and lanes["dual_use"] == "Dual use"
    assert lanes["agreements_and_meetings"] == "Agreements and meetings"
    for lane_id, lane in lanes.items():
        assert lane and lane[0].isupper() and "_" not in lane, (lane_id, lane)


@pytest.mark.parametrize("mart", DATED_MARTS)
def test_derived_columns_are_described(db, mart):
    described = dict(rows(db, "select column_name, description from meta_columns where relation = ?", [mart]))
    for col in INTERVAL_COLUMNS:
        assert (described.get(col) or "").strip(), (mart, col)


def test_a_column_description_for_no_mart_stops_the_build(project_copy, tmp_path):
    from dashboard.core.errors import BuildError
    from dashboard.pipeline.build import build

    docs = project_copy / "queries" / "columns.yaml"
    docs.write_text(docs.read_text(encoding="utf-8") + "no_such_column:\n  description: Nothing has it.\n", encoding="utf-8")
    with pytest.raises(BuildError, match="no mart has a column 'no_such_column'"):
        build(tmp_path / "x.duckdb", project_copy / "data", project_copy / "queries")
