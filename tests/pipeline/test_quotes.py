"""Every quoted row of every table under data/ (a CSV with source_id, evidence_kind and quote) quotes
its source document verbatim: the quote appears in ../shared/seeds/<seed_file of the source>, with runs
of whitespace collapsed on both sides and nothing else changed (curly quotes and dashes must match)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tests.helpers.shared import SEEDS, need_shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read(path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = [(reader.line_num, row) for row in reader]
        return list(reader.fieldnames or []), rows


def quoted_rows() -> list[tuple[str, int, dict]]:
    """(file name, line, row) for each row with evidence_kind 'quote' in a table that has quotes."""
    found = []
    for path in sorted(DATA.glob("*.csv")):
        header, rows = read(path)
        if {"source_id", "evidence_kind", "quote"} <= set(header):
            found += [(path.name, line, row) for line, row in rows if row["evidence_kind"] == "quote"]
    return found


def seed_files() -> dict[str, str]:
    return {row["source_id"]: row["seed_file"] for _, row in read(DATA / "sources.csv")[1] if row["seed_file"]}


QUOTED = quoted_rows()


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    need_shared()
    return {name: norm((SEEDS / name).read_text(encoding="utf-8")) for name in set(seed_files().values())}


def test_there_are_quoted_rows():
    assert len({name for name, _, _ in QUOTED}) >= 2, "no table under data/ has quote rows"


@pytest.mark.parametrize("name,line,row", QUOTED, ids=[f"{n}:{line}" for n, line, _ in QUOTED])
def test_quote_is_verbatim_in_its_document(documents, name, line, row):
    quote = row["quote"]
    seed = seed_files().get(row["source_id"])
    assert quote.strip(), f"data/{name}, line {line}: evidence_kind is quote but the quote is empty"
    assert seed, f"data/{name}, line {line}: source {row['source_id']!r} has no seed_file in data/sources.csv, so its quote cannot be checked: {quote!r}"
    assert norm(quote) in documents[seed], f"data/{name}, line {line}: quote not found in {seed} (source {row['source_id']}): {quote!r}"
