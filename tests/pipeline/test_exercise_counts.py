"""Published counts of joint exercises (data/exercise_counts_published.csv) and the mart that sets
our count beside each: every row cites its page, and "ours for the same span and definition" is
what a direct count of data/exercises.csv gives."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


COUNTS = rows("exercise_counts_published")
EXERCISES = rows("exercises")
SOURCES = {s["source_id"]: s for s in rows("sources")}


def _start_span(e: dict) -> tuple[dt.date, dt.date]:
    """The first and last day an exercise row's start can be, at its precision."""
    year = int(e["year"])
    if not e["start_date"]:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    start = dt.date.fromisoformat(e["start_date"])
    if e["date_precision"] == "month":
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if e["date_precision"] == "year":
        return start, dt.date(year, 12, 31)
    return start, start


def direct_count(c: dict) -> tuple[int, int]:
    """Our rows for a published count, straight from the CSV: (wholly in its span, straddling it)."""
    lo, hi = dt.date.fromisoformat(c["count_from"]), dt.date.fromisoformat(c["count_to"])
    placed = unplaced = 0
    for e in EXERCISES:
        if e["counted"] != "true":
            continue
        if c["match_framework"] != "any" and e["framework"] != c["match_framework"]:
            continue
        if (c["match_kind"] and e["kind"] != c["match_kind"]) or (c["match_domain"] and e["domain"] != c["match_domain"]):
            continue
        first, last = _start_span(e)
        if first >= lo and last <= hi:
            placed += 1
        elif last >= lo and first <= hi:
            unplaced += 1
    return placed, unplaced


def test_every_count_cites_its_page():
    assert len(COUNTS) >= 10
    for c in COUNTS:
        s = SOURCES.get(c["source_id"])
        assert s is not None, f"{c['count_id']}: no source {c['source_id']}"
        assert s["kind"] == "web_page" and c["evidence_kind"] == "paraphrase" and c["evidence"], c["count_id"]
        if c["source_url"]:
            assert s["url"] == c["source_url"], c["count_id"]
        else:
            assert not s["url"] and "no URL" in c["note"], f"{c['count_id']}: a count without an address says why"
        assert c["difference_note"].strip(), c["count_id"]


def test_the_csis_count_of_the_issue_is_there_with_its_hedge():
    c = next(c for c in COUNTS if c["counted_by"].startswith("CSIS"))
    assert (c["count"], c["qualifier"], c["count_from"][:4], c["count_to"][:4]) == ("78", "at_least", "2003", "2022")
    assert c["includes_competitions"] == c["includes_simulations"] == "true" and c["scope"] == "bilateral_and_multilateral"


def test_counts_load_and_pass_the_build(db):
    assert db.execute("select count(*) from exercise_counts_published").fetchone()[0] == len(COUNTS)
    assert db.execute("select count(*) from exercise_count_comparison").fetchone()[0] == len(COUNTS)


def test_ours_for_the_same_span_and_definition_is_a_direct_count_of_the_list(db):
    got = {r[0]: r[1:] for r in db.execute("select count_id, our_count, our_unplaced, difference, their_count from exercise_count_comparison").fetchall()}
    matched = [c for c in COUNTS if c["count_to"]]
    assert matched and len(matched) < len(COUNTS), "some counts are matched, and one with no end to its span is not"
    for c in matched:
        placed, unplaced = direct_count(c)
        assert got[c["count_id"]][:2] == (placed, unplaced), c["count_id"]
        assert got[c["count_id"]][2] == int(c["count"]) - placed, c["count_id"]
    for c in COUNTS:
        if not c["count_to"]:
            assert got[c["count_id"]][:3] == (None, None, None), c["count_id"]


def test_a_year_dated_row_is_not_placed_on_one_side_of_a_span_end(db):
    """The 2nd joint naval patrol is dated only to 2022: inside 2022, but neither inside nor outside 2003–mid-2022."""
    row = db.execute("select our_names, our_unplaced_names from exercise_count_comparison where count_id = 'csis_chinapower_2003_2022'").fetchone()
    assert "Joint naval patrol (2nd)" not in (row[0] or "") and "Joint naval patrol (2nd)" in row[1]
    assert "Joint naval patrol (2nd)" in db.execute("select our_names from exercise_count_comparison where count_id = 'ndu_2022'").fetchone()[0]


def test_record_date_is_the_lists_latest_event_at_its_precision(db):
    latest = max(sorted(EXERCISES, key=lambda e: e["exercise_id"]), key=lambda e: _start_span(e)[0])  # ties: the first id, as the view
    name, date, precision, label = db.execute("select latest_name, latest_date, date_precision, latest_label from exercise_record_date").fetchone()
    assert (name, date, precision) == (latest["name"], _start_span(latest)[0], latest["date_precision"])
    first = _start_span(latest)[0]
    assert label == {"day": f"{first.day} {first:%B %Y}", "month": f"{first:%B %Y}", "year": f"{first:%Y}"}[precision]
