"""data/exercises.csv and data/exercise_mentions.csv: every row of the compiled list imported as it is,
every source page in data/sources.csv, every document quote verbatim, the disputed 2003 Bering
Sea patrol kept but not counted, the project's added rows each on its own page, and every row's
counted flag with its reason."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import duckdb

from dashboard.pipeline.curate.exercises import reader_words
from tests.helpers.shared import SEEDS, SHARED, need_shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
TABLES = ROOT / "queries" / "tables"
RAW = SHARED / "data" / "exercises" / "joint_exercises.csv"


def rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


EXERCISES = rows("exercises")
MENTIONS = rows("exercise_mentions")
ADDED = rows("curation/exercises_additions")
ADDED_IDS = {r["exercise_id"] for r in ADDED}
LIST_ROWS = [r for r in EXERCISES if r["evidence_kind"] == "paraphrase" and r["exercise_id"] not in ADDED_IDS]
BERING = "rabdan_bering_sea_naval_patrol_2003"


def test_every_list_row_imported_in_order():
    need_shared()
    with open(RAW, encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))
    assert len(LIST_ROWS) == len(raw)
    for ours, theirs in zip(LIST_ROWS, raw):
        for a, b in [("name", "name"), ("year", "year"), ("start_date", "start_date"), ("end_date", "end_date"),
                     ("source_url", "source_url"), ("kind", "kind"), ("domain", "domain"), ("framework", "framework"),
                     ("location", "location"), ("map_lat", "lat"), ("map_lon", "lon"),
                     ("participants_note", "participants_note"), ("evidence", "evidence"), ("confidence", "confidence")]:
            assert ours[a] == theirs[b], (theirs["name"], a)
        assert ours["note"].startswith(reader_words(theirs["note"])), theirs["name"]  # the list's column names in reader words
        assert ours["counted"] == "true" and ours["quote"] == "", theirs["name"]


def test_list_rows_cite_their_page_in_sources():
    sources = {s["source_id"]: s for s in rows("sources")}
    for r in LIST_ROWS:
        s = sources.get(r["source_id"])
        assert s is not None, f"{r['exercise_id']}: no source {r['source_id']}"
        assert s["url"] == r["source_url"], r["exercise_id"]
        assert s["kind"] == "web_page" and r["source_id"].startswith("web_ex_"), r["exercise_id"]


def test_list_rows_cite_the_lists_title_and_publisher():
    need_shared()
    sources = {s["source_id"]: s for s in rows("sources")}
    with open(RAW, encoding="utf-8", newline="") as f:
        for ours, theirs in zip(LIST_ROWS, csv.DictReader(f)):
            s = sources[ours["source_id"]]
            assert (s["title"], s["publisher"]) == (theirs["source_title"], theirs["source_publisher"])


def test_document_quotes_are_verbatim():
    need_shared()
    sources = {s["source_id"]: s for s in rows("sources")}
    quoted = [(r["exercise_id"], r) for r in EXERCISES if r["evidence_kind"] == "quote"] + [(m["mention_id"], m) for m in MENTIONS]
    assert quoted
    for key, r in quoted:
        seed = sources[r["source_id"]]["seed_file"]
        assert seed, f"{key}: quote from {r['source_id']}, which has no seed file"
        text = norm((SEEDS / seed).read_text(encoding="utf-8"))
        assert r["quote"].strip() and norm(r["quote"]) in text, f"{key}: quote not found verbatim in {seed}"


def test_bering_sea_2003_claim_is_kept_but_not_counted():
    row = next(r for r in EXERCISES if r["exercise_id"] == BERING)
    assert row["counted"] == "false"
    assert row["disagreement_id"] == "bering_sea_patrol_2003"
    assert row["evidence_kind"] == "quote" and row["qualifier"] == "exact" and row["source_id"] == "rabdan_2025"
    assert row["map_lat"] == row["map_lon"] == ""
    assert not [r for r in EXERCISES if r["counted"] == "true" and r["kind"] == "patrol" and int(r["year"]) < 2021]
    assert any(m["exercise_id"] == BERING and m["disagreement_id"] == "bering_sea_patrol_2003" for m in MENTIONS)


def test_mentions_link_to_exercises_or_say_why_not():
    ids = {r["exercise_id"] for r in EXERCISES}
    for m in MENTIONS:
        assert m["exercise_id"] == "" or m["exercise_id"] in ids, m["mention_id"]
        assert m["exercise_id"] or m["note"], m["mention_id"]


def test_disagreements_referenced_exist():
    known = {d["disagreement_id"] for d in rows("source_disagreements")}
    for r in EXERCISES + MENTIONS:
        if r["disagreement_id"]:
            assert r["disagreement_id"] in known, f"{r.get('exercise_id') or r.get('mention_id')}: {r['disagreement_id']} not in data/source_disagreements.csv"


def test_yearly_counts_quoted_in_the_pace_disagreement_match_the_data():
    """The disagreement quotes the compiled list's yearly counts: the list's rows, without this project's additions."""
    counts = Counter(int(r["year"]) for r in EXERCISES if r["counted"] == "true" and r["exercise_id"] not in ADDED_IDS)
    d = next(d for d in rows("source_disagreements") if d["disagreement_id"] == "ex_pace_after_2019")
    stated = {int(y): int(n) for n, y in re.findall(r"\b(\d+) (?:events )?in (\d{4})\b", d["reading_b"])}
    assert stated and all(counts[y] == n for y, n in stated.items()), (stated, counts)
    assert all(counts[y] == 2 for y in range(2012, 2019))


def _ddl_columns(con, table):
    return [c for (c,) in con.execute("select column_name from information_schema.columns where table_name = ? order by ordinal_position", [table]).fetchall()]


def test_csvs_load_into_their_tables():
    """Headers match the DDL; the files load typed (no guessing) and satisfy every constraint."""
    con = duckdb.connect()
    order = ["sources", "qualifiers", "periods", "source_disagreements", "exercises", "exercise_mentions"]
    for table in order:
        con.execute((TABLES / f"{table}.sql").read_text(encoding="utf-8"))
        cols = con.execute("select column_name, data_type from information_schema.columns where table_name = ? order by ordinal_position", [table]).fetchall()
        path = DATA / f"{table}.csv"
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw, path
        with open(path, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header == [c for c, _ in cols], f"{path.name}: header differs from {table}.sql"
        spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in cols) + "}"
        con.execute(f"insert into {table} select * from read_csv('{path}', columns={spec}, auto_detect=false, header=true, quote='\"', escape='\"')")
    assert con.execute("select count(*) from exercises").fetchone()[0] == len(EXERCISES)
    assert con.execute("select count(*) from exercise_mentions").fetchone()[0] == len(MENTIONS)


def test_every_row_says_why_it_is_counted_or_not():
    for r in EXERCISES:
        assert r["counted_reason"].startswith("Counted: " if r["counted"] == "true" else "Not counted: "), r["exercise_id"]
    reasons = {r["exercise_id"]: r["counted_reason"] for r in EXERCISES}
    assert "SCO" in reasons["peace_mission_2007"] and "bilateral" in reasons["joint_sea_2012"]
    assert "counts twice" in reasons["joint_sea_2017_baltic_phase"] and "Russian strategic exercise" in reasons["vostok_2018"]


def test_added_rows_follow_the_list_and_documents_each_on_its_own_page():
    assert ADDED, "data/curation/exercises_additions.csv holds the project's additions"
    assert [r["exercise_id"] for r in EXERCISES[-len(ADDED):]] == [r["exercise_id"] for r in ADDED]
    sources = {s["source_id"]: s for s in rows("sources")}
    for r in ADDED:
        s = sources[r["source_id"]]
        assert r["evidence_kind"] == "paraphrase" and r["evidence"] and r["quote"] == "", r["exercise_id"]
        assert s["url"] == r["source_url"] and s["kind"] == "web_page", r["exercise_id"]
        assert r["note"].startswith("Added by this project"), r["exercise_id"]
        assert r["confidence"] in ("stated", "inferred"), r["exercise_id"]


def test_announced_drills_and_open_multinational_exercises_are_kept_but_not_counted_or_drawn():
    uncounted = [r for r in ADDED if r["counted"] == "false"]
    announced = [r for r in uncounted if "announced" in r["counted_reason"]]
    assert announced and all(r["map_lat"] == "" and r["counted_reason"].startswith("Not counted: ") for r in uncounted)
    counts = Counter(int(r["year"]) for r in EXERCISES if r["counted"] == "true")
    assert counts[2026] == sum(1 for r in ADDED if r["year"] == "2026" and r["counted"] == "true")
