"""Regenerate data/exercises.csv from the compiled list of joint exercises and patrols.

Usage::

    python -m dashboard.pipeline.curate exercises RAW_CSV [--out DATA_DIR]
    python -m dashboard.pipeline.curate exercises RAW_CSV --print-sources >> data/sources.csv

RAW_CSV is ``../shared/data/exercises/joint_exercises.csv`` (one row per exercise or patrol, each with
its source page, the list's own paraphrase ``evidence``, ``confidence`` and ``note``).

Design:

* Every row of the list becomes one row of ``exercises`` in the list's order, with
  ``evidence_kind`` ``paraphrase``, ``counted`` true and qualifier ``exact``. Columns map
  one to one (``lat``/``lon`` → ``map_lat``/``map_lon``, text kept exactly as written, numbers
  not reformatted); ``exercise_id`` is a slug of the name; ``date_precision`` is ``day`` when the
  list gives a start date, else ``year``; ``note`` is the list's note followed by the list
  README's caveats that apply to the row (see :func:`caveats`).
* The row's source page becomes a ``sources`` row whose id is derived from the page's host and
  date (:func:`source_id_for`). The importer never writes data/sources.csv (other curators
  append to it): it checks that each id is there with the same URL, and ``--print-sources``
  prints the rows that are missing, ready to append with ``>>``.
* Rows that come from the two documents rather than the list are curated by hand in
  ``data/curation/exercises_from_documents.csv`` (same columns as data/exercises.csv) and
  appended after the list rows unchanged.
* Rows this project adds from public pages the list lacks (multilateral exercises with both
  countries' forces, events after the list was compiled) are curated by hand in
  ``data/curation/exercises_additions.csv`` (same columns; each row cites its own page, whose
  source row is in data/sources.csv) and appended after the document rows unchanged.
* ``counted_reason`` says, for every row, why it is or is not in the yearly counts: for list rows
  it follows from the framework and kind (:func:`counted_reason`); curated rows give their own.

Running the import again on the same inputs reproduces data/exercises.csv byte for byte
(``tests/pipeline/test_curate_exercises.py``).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from dashboard.core.paths import DATA_DIR

DOCUMENT_ROWS = DATA_DIR / "curation" / "exercises_from_documents.csv"
ADDED_ROWS = DATA_DIR / "curation" / "exercises_additions.csv"
SOURCES_CSV = DATA_DIR / "sources.csv"

RAW_COLUMNS = [
    "name", "year", "start_date", "end_date", "kind", "domain", "framework", "location", "lat", "lon",
    "participants_note", "source_title", "source_publisher", "source_date", "source_url", "evidence",
    "confidence", "note",
]

COLUMNS = [
    "exercise_id", "name", "year", "start_date", "end_date", "date_precision", "kind", "domain",
    "framework", "location", "map_lat", "map_lon", "participants_note", "confidence", "counted",
    "counted_reason", "source_id", "evidence_kind", "quote", "evidence", "source_url", "qualifier", "note",
    "disagreement_id",
]

SOURCE_COLUMNS = [
    "source_id", "kind", "title", "publisher", "authors", "published", "year", "url", "terms_of_use",
    "data_vintage", "citation", "seed_file",
]

KINDS = {"exercise", "patrol", "bomber_patrol"}
DOMAINS = {"land", "naval", "air", "combined"}
FRAMEWORKS = {"bilateral", "SCO", "trilateral with Iran", "Russian strategic exercise", "other"}
CONFIDENCE = {"stated", "inferred"}

TERMS_OF_USE = "Cited by URL with a paraphrase; no text copied"
UNDATED = "n.d. (the compiled list gives no date for this page)"

#: Short names for the hosts of the list's source pages (part of each source_id). A host that is
#: not here stops the import: add it, choosing a short lower-case name.
HOST_SLUGS = {
    "armadainternational.com": "armada",
    "archive.shine.cn": "shanghaidaily",
    "chine-magazine.com": "chinemagazine",
    "chinareporter.news": "chinareporter",
    "claws.co.in": "claws",
    "cosmoschronicle.com": "cosmoschronicle",
    "en.chinadiplomacy.org.cn": "chinadiplomacy",
    "en.inform.kz": "kazinform",
    "en.people.cn": "peopledaily",
    "en.wikipedia.org": "wikipedia",
    "eng.chinamil.com.cn": "chinamil",
    "eng.danfetv.com": "danfetv",
    "eng.mod.gov.cn": "chinamod",
    "europe.chinadaily.com.cn": "chinadaily",
    "global.chinadaily.com.cn": "chinadaily",
    "gna.org.gh": "gna",
    "kazworld.info": "kazworld",
    "news.cgtn.com": "cgtn",
    "sputnikglobe.com": "sputnik",
    "tass.com": "tass",
    "uawire.org": "uawire",
    "www.bnnbloomberg.ca": "bnnbloomberg",
    "www.china.org.cn": "chinaorgcn",
    "www.geo.tv": "geonews",
    "www.japantimes.co.jp": "japantimes",
    "www.mdhjx.com": "xinhuamirror",
    "www.ndtv.com": "ndtv",
    "www.newsweek.com": "newsweek",
    "www.themoscowtimes.com": "moscowtimes",
    "zh.chinausfocus.com": "chinausfocus",
}

#: The list's own column names in its notes, in reader words (a note is reader text).
READER_WORDS = {"source_date unknown": "The source page's date is not known"}


def reader_words(note: str) -> str:
    for raw, words in READER_WORDS.items():
        note = note.replace(raw, words)
    return note


#: Caveats from the list's README, appended to the note of the rows they apply to.
CAVEAT_PATROL_NUMBERING = (
    "List caveat: Chinese and Russian counts of joint naval patrols differ (the August 2025 patrol is "
    "the fifth for TASS, the sixth for China's defence ministry); the number in the name follows the cited source"
)
CAVEAT_RUSSIAN_TOTALS = "List caveat: overall totals for Russian strategic exercises are Russian official claims"
CAVEAT_SECONDARY = "List caveat: rests on a secondary reprint or Wikipedia; treat as a lower-quality source"
CAVEAT_JOINT_SEA_2017 = (
    "Curation note: Joint Sea-2017 was one exercise in two phases; the list gives each phase its own row, so the "
    "yearly count has two rows for it"
)
_SECONDARY = re.compile(r"wikipedia|mirror|republishing|global times text", re.IGNORECASE)


#: What a counted list row is, by framework (the list holds only events with both countries' forces).
COUNTED_AS = {
    "bilateral": "a bilateral {what} of Russia's and China's armed forces",
    "SCO": "a multilateral SCO exercise in which both Russia's and China's armed forces took part",
    "trilateral with Iran": "a multilateral exercise with Iran in which both Russia's and China's armed forces took part",
    "Russian strategic exercise": "a Russian strategic exercise in which China's armed forces took part",
    "other": "a multilateral exercise in which both Russia's and China's armed forces took part",
}
WHAT = {"exercise": "exercise", "patrol": "joint patrol", "bomber_patrol": "joint strategic air patrol"}


def counted_reason(raw: dict) -> str:
    """Why a list row counts: what kind of event it is under the count's definition."""
    reason = "Counted: " + COUNTED_AS[raw["framework"]].format(what=WHAT[raw["kind"]])
    if raw["name"].startswith("Joint Sea-2017"):
        reason += " (one of the two phase rows of Joint Sea-2017, so that exercise counts twice)"
    return reason


class CurationError(Exception):
    """A problem in the input that stops the import."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def source_id_for(raw: dict) -> str:
    """web_ex_<host>_<date digits> (``nd`` when the list gives no date)."""
    host = urlsplit(raw["source_url"]).netloc.lower()
    if host not in HOST_SLUGS:
        raise CurationError(f"no short name for the host {host!r} of {raw['source_url']}; add it to HOST_SLUGS")
    date = raw["source_date"].replace("-", "") or "nd"
    return f"web_ex_{HOST_SLUGS[host]}_{date}"


def caveats(raw: dict) -> list[str]:
    """The README's caveats that apply to a list row."""
    found = []
    if raw["name"].startswith("Joint naval patrol"):
        found.append(CAVEAT_PATROL_NUMBERING)
    if raw["framework"] == "Russian strategic exercise" and raw["participants_note"]:
        found.append(CAVEAT_RUSSIAN_TOTALS)
    if _SECONDARY.search(raw["source_publisher"]):
        found.append(CAVEAT_SECONDARY)
    if raw["name"].startswith("Joint Sea-2017"):
        found.append(CAVEAT_JOINT_SEA_2017)
    return found


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def list_row(raw: dict, line: int) -> dict:
    """One row of the compiled list as a row of data/exercises.csv."""
    where = f"line {line} ({raw.get('name')!r})"
    for col, allowed in (("kind", KINDS), ("domain", DOMAINS), ("framework", FRAMEWORKS), ("confidence", CONFIDENCE)):
        if raw[col] not in allowed:
            raise CurationError(f"{where}: {col} {raw[col]!r} is not one of {sorted(allowed)}")
    for col in ("name", "year", "location", "source_url", "evidence"):
        if not raw[col]:
            raise CurationError(f"{where}: empty {col}")
    if not re.fullmatch(r"(19|20)[0-9]{2}", raw["year"]):
        raise CurationError(f"{where}: year {raw['year']!r}")
    if raw["start_date"] and not raw["start_date"].startswith(raw["year"]):
        raise CurationError(f"{where}: start_date {raw['start_date']} is not in {raw['year']}")
    note = "; ".join([reader_words(n) for n in [raw["note"]] if n] + caveats(raw))
    return {
        "exercise_id": slug(raw["name"]),
        "name": raw["name"],
        "year": raw["year"],
        "start_date": raw["start_date"],
        "end_date": raw["end_date"],
        "date_precision": "day" if raw["start_date"] else "year",
        "kind": raw["kind"],
        "domain": raw["domain"],
        "framework": raw["framework"],
        "location": raw["location"],
        "map_lat": raw["lat"],
        "map_lon": raw["lon"],
        "participants_note": raw["participants_note"],
        "confidence": raw["confidence"],
        "counted": "true",
        "counted_reason": counted_reason(raw),
        "source_id": source_id_for(raw),
        "evidence_kind": "paraphrase",
        "quote": "",
        "evidence": raw["evidence"],
        "source_url": raw["source_url"],
        "qualifier": "exact",
        "note": note,
        "disagreement_id": "",
    }


def source_row(raw: dict) -> dict:
    """The sources row for a list row's page."""
    date = raw["source_date"]
    return {
        "source_id": source_id_for(raw),
        "kind": "web_page",
        "title": raw["source_title"],
        "publisher": raw["source_publisher"],
        "authors": "",
        "published": date or UNDATED,
        "year": date[:4],
        "url": raw["source_url"],
        "terms_of_use": TERMS_OF_USE,
        "data_vintage": date or UNDATED,
        "citation": f'{raw["source_publisher"]}, "{raw["source_title"]}", {date or "n.d."}, {raw["source_url"]}',
        "seed_file": "",
    }


def read_raw(raw_csv: Path) -> list[dict]:
    header, rows = read_csv(raw_csv)
    if header != RAW_COLUMNS:
        raise CurationError(f"{raw_csv}: header {header} is not the expected {RAW_COLUMNS}")
    return rows


def curated_rows(path: Path) -> list[dict]:
    """Hand-curated rows (documents, additions): the columns of data/exercises.csv, in that order."""
    header, rows = read_csv(path)
    if header != COLUMNS:
        raise CurationError(f"{path}: header {header} is not the expected {COLUMNS}")
    for line, r in enumerate(rows, 2):
        prefix = "Counted:" if r["counted"] == "true" else "Not counted:"
        if r["counted"] not in ("true", "false") or not r["counted_reason"].startswith(prefix):
            raise CurationError(f"{path}: line {line} ({r['exercise_id']!r}): counted {r['counted']!r} needs a counted_reason starting {prefix!r}")
    return rows


def import_list(raw_csv: Path, documents_csv: Path = DOCUMENT_ROWS, additions_csv: Path = ADDED_ROWS) -> tuple[list[dict], list[dict]]:
    """The rows of data/exercises.csv and the sources rows they need."""
    raws = read_raw(raw_csv)
    rows = [list_row(r, i) for i, r in enumerate(raws, 2)]
    sources: dict[str, dict] = {}
    for r in raws:
        s = source_row(r)
        if s["source_id"] in sources and sources[s["source_id"]] != s:
            raise CurationError(f"two different pages get the source id {s['source_id']}: {sources[s['source_id']]['url']} and {s['url']}")
        sources[s["source_id"]] = s
    rows += curated_rows(documents_csv) + curated_rows(additions_csv)
    seen: set[str] = set()
    for r in rows:
        if r["exercise_id"] in seen:
            raise CurationError(f"exercise_id {r['exercise_id']!r} appears twice")
        seen.add(r["exercise_id"])
    return rows, list(sources.values())


def missing_sources(needed: list[dict], sources_csv: Path = SOURCES_CSV, rows: list[dict] = ()) -> list[dict]:
    """Needed sources rows that data/sources.csv lacks; an id there with another URL is an error,
    and so is a curated row whose source is not there, or whose page is not its source's URL."""
    _, existing = read_csv(sources_csv)
    by_id = {s["source_id"]: s for s in existing}
    for r in rows:
        have = by_id.get(r["source_id"])
        if have is None and not any(s["source_id"] == r["source_id"] for s in needed):
            raise CurationError(f"{sources_csv}: no source {r['source_id']!r}, which the row {r['exercise_id']!r} cites; append its row to data/sources.csv")
        if have is not None and r["source_url"] and have["url"] != r["source_url"]:
            raise CurationError(f"{sources_csv}: {r['source_id']} has URL {have['url']!r}, the row {r['exercise_id']!r} cites {r['source_url']!r}")
    missing = []
    for s in needed:
        have = by_id.get(s["source_id"])
        if have is None:
            missing.append(s)
        elif have["url"] != s["url"]:
            raise CurationError(f"{sources_csv}: {s['source_id']} has URL {have['url']!r}, the list has {s['url']!r}")
    return missing


def to_csv(rows: list[dict], columns: list[str], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.pipeline.curate exercises", description=__doc__.split("\n\n")[0])
    parser.add_argument("raw_csv", type=Path, help="../shared/data/exercises/joint_exercises.csv")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write exercises.csv into (default: data/)")
    parser.add_argument("--documents", type=Path, default=DOCUMENT_ROWS, help="hand-curated document rows (default: data/curation/exercises_from_documents.csv)")
    parser.add_argument("--additions", type=Path, default=ADDED_ROWS, help="hand-curated rows from public pages the list lacks (default: data/curation/exercises_additions.csv)")
    parser.add_argument("--sources", type=Path, default=SOURCES_CSV, help="sources file to check the source ids against (default: data/sources.csv)")
    parser.add_argument("--print-sources", action="store_true", help="print the sources rows missing from --sources (CSV, no header, to append with >>) and write nothing")
    args = parser.parse_args(argv)
    try:
        rows, needed = import_list(args.raw_csv, args.documents, args.additions)
        missing = missing_sources(needed, args.sources, rows)
        if args.print_sources:
            sys.stdout.write(to_csv(missing, SOURCE_COLUMNS, header=False))
            return 0
        if missing:
            raise CurationError(
                f"{len(missing)} source(s) missing from {args.sources} (first: {missing[0]['source_id']}); "
                "append them with: python -m dashboard.pipeline.curate exercises RAW_CSV --print-sources >> data/sources.csv"
            )
    except CurationError as e:
        print(f"curate_exercises: {e}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "exercises.csv"
    target.write_bytes(to_csv(rows, COLUMNS).encode("utf-8"))
    print(f"wrote {len(rows)} rows to {target}", file=sys.stderr)
    return 0
