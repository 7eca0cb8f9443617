"""What a reader reads in the marts: no internal ids, local paths or timestamps in text columns, no
'nan'/'None' words for missing values, sources with real titles and public URLs, periods in words."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
URL = re.compile(r"https?://\S+")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\b\d{1,2}:\d{2}(:\d{2})?\s*(AM|PM)?\b")
NULL_WORDS = {"nan", "none", "nat", "null", ""}
# Columns that hold codes, ids or links rather than reader text.
NOT_TEXT = re.compile(r"(^|_)id$|^id$|_ids$|^(url|source_url|kind|category|domain|qualifier|evidence_kind|date_precision|period_scope|"
                      r"commodity|indicator|unit|supplier_status|confidence|framework|status|direction|transfer_type|series|lane_id|"
                      r"qualifier_symbol|symbol|pair|supplier|recipient|system_family|flow|date_basis|parties)$")


def marts(db) -> list[str]:
    return [r[0] for r in db.execute("select name from meta_relations where layer = 'marts' order by name").fetchall()]


def text_columns(db, relation: str) -> list[str]:
    cols = db.execute("select column_name from information_schema.columns where table_name = ? and data_type = 'VARCHAR' order by ordinal_position", [relation]).fetchall()
    return [c for (c,) in cols if not NOT_TEXT.search(c)]


@pytest.fixture(scope="module")
def ids(db) -> set[str]:
    """Every code the database holds: snake_case values of any table, table and column names."""
    found: set[str] = set()
    tables = [r[0] for r in db.execute("select name from meta_relations where kind = 'table' and layer = 'table'").fetchall()]
    for t in tables:
        found.add(t)
        for col, typ in db.execute("select column_name, data_type from information_schema.columns where table_name = ?", [t]).fetchall():
            found.add(col)
            if typ == "VARCHAR" and not t.startswith("sipri_"):
                found.update(v for (v,) in db.execute(f'select distinct "{col}" from "{t}" where "{col}" is not null').fetchall() if SNAKE.fullmatch(v))
    return found


def test_no_ids_paths_or_timestamps_in_reader_text(db, ids):
    bad = []
    for mart in marts(db):
        for col in text_columns(db, mart):
            for (value,) in db.execute(f'select distinct "{col}" from "{mart}" where "{col}" is not null').fetchall():
                text = URL.sub("", value)
                tokens = [t for t in SNAKE.findall(text) if t in ids]
                if tokens or "../" in text or "data/" in text or TIMESTAMP.search(text):
                    bad.append(f"{mart}.{col}: {tokens or ''} {value[:120]!r}")
    assert not bad, "\n".join(bad)


def test_missing_text_is_null_not_a_word(db):
    bad = []
    for mart in marts(db):
        cols = [c for (c,) in db.execute("select column_name from information_schema.columns where table_name = ? and data_type = 'VARCHAR'", [mart]).fetchall()]
        for col in cols:
            n = db.execute(f'select count(*) from "{mart}" where lower(trim("{col}")) in (select unnest(?))', [sorted(NULL_WORDS)]).fetchone()[0]
            if n:
                bad.append(f"{mart}.{col}: {n} rows")
    assert not bad, "\n".join(bad)


def test_source_urls_are_public_addresses(db):
    urls = [r[0] for r in db.execute("select url from sources where url is not null").fetchall()]
    for t, in db.execute("select distinct table_name from information_schema.columns where column_name = 'source_url'").fetchall():
        urls += [r[0] for r in db.execute(f'select source_url from "{t}" where source_url is not null').fetchall()]
    assert urls
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and parts.hostname, url
        assert not parts.hostname.startswith("stage."), url
        assert not re.search(r"(^|&)(BC|search_id|utm_[a-z]+)=", parts.query), url


def test_sources_have_reader_titles(db):
    for title, citation in db.execute("select title, citation from source_list").fetchall():
        assert "[No title" not in title and "[No title" not in (citation or ""), title
    title, citation, authors = db.execute("select title, citation, authors from sources where source_id = 'cepa_2025'").fetchone()
    assert title == "Hrytsenko & Racz, CEPA (2025)"
    assert all(name.split()[-1] in title for name in authors.split("; "))  # the authors as the document names them
    assert "no title" in citation  # the document's lack of a title stays on record


def test_period_ids_exposed_as_text_have_a_label(db):
    labels = dict(db.execute("select period_id, label from periods").fetchall())
    for mart in marts(db):
        cols = [c for (c,) in db.execute("select column_name from information_schema.columns where table_name = ?", [mart]).fetchall()]
        period_col = next((c for c in ("period_id", "period_scope") if c in cols), None)
        if period_col is None or mart in ("overview_headlines", "period_definitions"):
            continue
        assert "period_label" in cols, mart
        for pid, label in db.execute(f'select distinct "{period_col}", period_label from "{mart}" where "{period_col}" is not null').fetchall():
            if pid == "all":
                assert label == "All periods", mart
            elif "period_ids" in cols:
                assert labels[pid] in label, (mart, pid, label)
            else:
                assert label == labels[pid], (mart, pid, label)


def test_exercise_quotes_name_their_source_by_title(db):
    quotes = [r[0] for r in db.execute("select document_quotes from exercise_list where document_quotes is not null").fetchall()]
    assert quotes and not any("(cepa_2025)" in q or "(rabdan_2025)" in q for q in quotes)
