"""The record since the documents (issue #16): rows after the documents' dates exist in every list,
each cited to a public page (http(s), not a staging host, a cached copy or a tracking link) with a
paraphrase of our own, not text copied from the documents; the "record up to" mart equals each list's
latest date; figures that stand only in the documents' reference titles are recorded with the title
as their quote."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from dashboard.core.paths import DATA_DIR
from dashboard.pipeline.curate.fingerprints import fingerprint_path, read_fingerprint, shingle_hashes, words
from tests.helpers.shared import SEEDS, need_shared

DOCUMENTS_END = date(2025, 4, 30)  # the documents' latest events are from April 2025
DATED_LISTS = {"agreements_and_meetings": "event_date", "incidents": "event_date", "events": "event_date"}
# hosts that are not a page's public address: staging and preview servers, CDN origins, caches and archives
NOT_PUBLIC_HOST = re.compile(
    r"(^|[.-])(staging|stage|preprod|preproduction|dev|test|qa|uat|admin|cms|localhost)([.-]|$)|\.pages\.dev$|\.vercel\.app$|"
    r"\.netlify\.app$|\.herokuapp\.com$|cloudfront\.net$|amazonaws\.com$|^megalodon\.jp$|webcache|^web\.archive\.org$|^archive\.(ph|today|is)$|"
    r"^\d+\.\d+\.\d+\.\d+$",
)
TRACKING = re.compile(r"^(utm_[a-z]+|traffic_source|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|bc|sessionid|sid|token)$", re.IGNORECASE)
COPIED_WORDS = 8  # a run of this many words found in a document is copied text, not a paraphrase


def read(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


SOURCES = {r["source_id"]: r for r in read("sources")}


def after_documents(name: str) -> list[dict[str, str]]:
    column = DATED_LISTS[name]
    return [r for r in read(name) if r[column] and date.fromisoformat(r[column]) > DOCUMENTS_END]


def page_rows() -> list[tuple[str, dict[str, str]]]:
    """Every row compiled since the documents: dated after them, or citing a page published after them."""
    out = [(name, r) for name in DATED_LISTS for r in after_documents(name)]
    for name in ("supply_dependencies", "commodity_flows"):
        out += [(name, r) for r in read(name) if r["source_url"] and SOURCES[r["source_id"]]["published"][:10] > DOCUMENTS_END.isoformat()]
    return out


def row_id(name: str, row: dict[str, str]) -> str:
    return f"{name}:{next(iter(row.values()))}"


@pytest.mark.parametrize("name", sorted(DATED_LISTS))
def test_each_list_holds_rows_after_the_documents(name):
    assert after_documents(name), f"data/{name}.csv has no row dated after {DOCUMENTS_END}"


def test_a_dual_use_figure_published_after_the_documents_is_recorded():
    assert any(n == "supply_dependencies" for n, _ in page_rows())


@pytest.mark.parametrize("name,row", page_rows(), ids=[row_id(n, r) for n, r in page_rows()])
def test_a_row_since_the_documents_cites_its_public_page_with_a_paraphrase(name, row):
    assert row["evidence_kind"] == "paraphrase" and not row["quote"], "a row from a public page is paraphrased, never quoted"
    assert len(words(row["evidence"])) >= 12, f"the paraphrase is empty or too short to say what the page reports: {row['evidence']!r}"
    url = row["source_url"]
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.hostname, f"not an http(s) address: {url!r}"
    assert not NOT_PUBLIC_HOST.search(parts.hostname), f"not the page's public host: {parts.hostname}"
    assert parts.port is None, f"an address with an explicit port is not the page's public address: {url}"
    assert not [k for k, _ in parse_qsl(parts.query) if TRACKING.match(k)], f"tracking or session parameter in {url}"
    assert not parts.fragment, f"a fragment is not part of the page's address: {url}"
    source = SOURCES[row["source_id"]]
    assert source["kind"] == "web_page" and source["url"] == url, "the row's URL is its source's URL in data/sources.csv"
    assert source["published"][:10] <= date.today().isoformat()
    if "confidence" in row:
        assert row["confidence"] in ("stated", "inferred"), "a page's row says whether its fields are stated or worked out"


@pytest.mark.parametrize("name,row", page_rows(), ids=[row_id(n, r) for n, r in page_rows()])
def test_a_paraphrase_copies_no_passage_of_the_documents(name, row):
    """A run of eight words that all stand in a row in a document is copied, not paraphrased."""
    for source_id in ("cepa_2025", "rabdan_2025"):
        _, hashes = read_fingerprint(fingerprint_path(DATA_DIR, source_id))
        found = [h in hashes for h in shingle_hashes(row["evidence"])]
        window = COPIED_WORDS - 3  # shingles of four words in a run of eight
        runs = [i for i in range(len(found) - window + 1) if all(found[i:i + window])]
        assert not runs, f"{row_id(name, row)} repeats {COPIED_WORDS} words of {source_id}: {' '.join(words(row['evidence'])[runs[0]:runs[0] + COPIED_WORDS])!r}"


def test_the_copy_check_finds_a_copied_sentence():
    """The check above can fail: a sentence of CEPA's own is caught."""
    _, hashes = read_fingerprint(fingerprint_path(DATA_DIR, "cepa_2025"))
    copied = "In November 2024, another Chinese ship commanded by a Russian captain, the Yi Peng 3, cut another cable"
    found = [h in hashes for h in shingle_hashes(copied)]
    assert all(found[:COPIED_WORDS - 3])


def test_the_host_check_refuses_a_staging_host_and_a_tracking_link():
    assert NOT_PUBLIC_HOST.search("staging.exportcompliancedaily.com")
    assert NOT_PUBLIC_HOST.search("americancourant.pages.dev")
    assert NOT_PUBLIC_HOST.search("d33gy59ovltp76.cloudfront.net")
    assert not NOT_PUBLIC_HOST.search("www.themoscowtimes.com")
    assert [k for k, _ in parse_qsl(urlsplit("https://www.aljazeera.com/news/x?traffic_source=rss").query) if TRACKING.match(k)]


# ----------------------------------------------------------------------------- record up to


def latest(dated: list[tuple[date, str]]) -> tuple[date, str]:
    rank = {"day": 0, "month": 1, "year": 2}
    return min(dated, key=lambda dp: (-dp[0].toordinal(), rank[dp[1]]))


def expected_records() -> dict[str, tuple[date, str, int]]:
    """Each list's latest dated row and its row count, computed from the CSVs (not from the views)."""
    ag = [(date.fromisoformat(r["event_date"]) if r["event_date"] else date(int(r["valid_from_year"]), 1, 1) if r["valid_from_year"] else None,
           r["date_precision"] or "year") for r in read("agreements_and_meetings")]
    inc = [(date.fromisoformat(r["event_date"]), r["date_precision"]) for r in read("incidents")]
    ev = [(date.fromisoformat(r["event_date"]) if r["event_date"] else None, r["date_precision"]) for r in read("events")]
    ex = [(date.fromisoformat(r["start_date"]) if r["start_date"] else date(int(r["year"]), 1, 1), r["date_precision"] if r["start_date"] else "year")
          for r in read("exercises")]
    du = [(date(int(r["year"]), 1, 1) if r["year"] else None, "year") for r in read("supply_dependencies") + read("commodity_flows")]
    li = [(date.fromisoformat(r["as_of_date"]) if r["as_of_date"] else None, r["date_precision"]) for r in read("partnership_limits")]
    key = [x for x in ag + inc + ev if x[0]]
    out = {}
    for list_id, rows in {"agreements_and_meetings": ag, "incidents": inc, "events": ev, "key_events": key, "exercises": ex, "dual_use": du, "limits": li}.items():
        d, p = latest([x for x in rows if x[0]])
        out[list_id] = (d, p, len(rows))
    return out


def test_record_dates_give_each_list_its_latest_date_and_row_count(db):
    got = {r[0]: r[1:] for r in db.execute("select list_id, latest_date, latest_precision, rows from record_dates").fetchall()}
    assert got == expected_records()


def test_record_dates_say_the_latest_date_in_words_at_its_precision(db):
    labels = dict(db.execute("select list_id, latest_label from record_dates").fetchall())
    words_at = {"day": lambda d: f"{d.day} {d:%B %Y}", "month": lambda d: f"{d:%B %Y}", "year": lambda d: f"{d:%Y}"}
    assert labels == {k: words_at[p](d) for k, (d, p, _) in expected_records().items()}
    assert labels["dual_use"] == "2025", "the dual-use figures are dated to the year: the record says the year, not 1 January"


def test_the_overview_key_events_record_counts_the_timeline_rows(db):
    timeline = db.execute("select count(*), max(plot_date) from key_events").fetchone()
    record = db.execute("select rows, latest_date from record_dates where list_id = 'key_events'").fetchone()
    assert record == timeline


def test_rows_after_the_documents_are_counted(db):
    got = dict(db.execute("select list_id, rows_after_documents from record_dates").fetchall())
    assert got["agreements_and_meetings"] == len(after_documents("agreements_and_meetings"))
    assert got["incidents"] == len(after_documents("incidents"))


# ----------------------------------------------------------------------------- reference titles


def reference_lines(seed: str) -> list[str]:
    return [line for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines() if re.match(r"\[\d+\] ", line)]


def test_a_figure_in_a_reference_title_is_recorded_with_the_title_as_its_quote():
    need_shared()
    rows = [r for r in read("doc_arms_transfers") if r["note"].startswith("REFERENCE TITLE")]
    assert ("463", "engines") in [(r["quantity"], r["quantity_unit"]) for r in rows], "the D-30 engines of Rabdan's reference [5]"
    refs = reference_lines(SOURCES["rabdan_2025"]["seed_file"])
    for r in rows:
        assert r["evidence_kind"] == "quote" and r["source_id"] == "rabdan_2025"
        assert any(r["quote"] in line for line in refs), f"{r['quote']!r} is not in a reference title of the document"
        assert str(int(float(r["quantity"]))) in words(r["quote"])


def test_every_reference_title_with_a_count_of_systems_is_recorded():
    """A number in a reference title that counts weapons or engines (not a date) has its row."""
    need_shared()
    quoted = " ".join(r["quote"] for r in read("doc_arms_transfers"))
    for line in reference_lines(SOURCES["rabdan_2025"]["seed_file"]):
        title = line.split("”")[0]
        for n in re.findall(r"\b(\d+) (?:[A-Z]|engines|aircraft|fighters|tanks|ships|systems)", title):
            assert n in quoted, f"reference title with a figure not recorded: {title}"
