"""The Exercises page as a reader sees it: how far the record reaches, and the published counts of
joint exercises beside ours for the same span and definition, each difference explained."""

from __future__ import annotations

import csv
import re

import pytest

from dashboard.core.paths import DATA_DIR
from tests.helpers.apptest import open_page, static_tables

PAGE = "web/pages/exercises.py"


def _rows(name: str) -> list[dict]:
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def page(built_db):
    return open_page(PAGE, params={"view": "How others count"})  # the page's tab with the published counts


def _comparison(at):
    """The table of published counts with the headers the reader sees (the column labels)."""
    # A static table: headers and cells are Markdown text; read them as shown (escapes removed).
    shown = lambda text: re.sub(r"\\(.)", r"\1", text)  # noqa: E731
    tables = [t.rename(columns=shown).map(shown) for t in static_tables(at) if "Their count" in t.columns]
    assert len(tables) == 1, "one table of published counts"
    return tables[0]


def test_record_up_to_the_latest_event_at_its_precision(page, db):
    label, name = db.execute("select latest_label, latest_name from exercise_record_date").fetchone()
    text = " ".join(m.value for m in page.markdown)
    assert f"Record up to {label}" in text and re.sub(r"[()]", "", name) in re.sub(r"\\|[()]", "", text)
    assert label == "27 June 2026"  # the 11th joint strategic air patrol, a day-precise date


def test_published_counts_beside_ours_with_the_difference_explained(page, db):
    table = _comparison(page)
    counts = _rows("exercise_counts_published")
    assert len(table) == len(counts)
    assert {"Counted by", "What they count", "Span", "Their count", "Our count (same span and definition)", "Difference (theirs − ours)", "Why the numbers differ", "Page"} <= set(table.columns)
    csis = table[table["Counted by"] == "CSIS China Power Project"].iloc[0]
    ours = db.execute("select our_count from exercise_count_comparison where count_id = 'csis_chinapower_2003_2022'").fetchone()[0]
    assert csis["Their count"] == "at least 78" and csis["Our count (same span and definition)"] == str(ours)
    assert "competitions" in csis["Why the numbers differ"]
    assert all(isinstance(n, str) and n.strip() for n in table["Why the numbers differ"])
    unmatched = table[table["Our count (same span and definition)"] == ""]
    assert len(unmatched) == sum(1 for c in counts if not c["count_to"]) and all(unmatched["Our count counts"].str.startswith("Not matched"))


def test_the_panel_stands_alone_and_says_what_our_count_counts(page):
    captions = " ".join(c.value for c in page.caption)
    assert "Number of exercises" in captions and "all periods" in captions and "Source: published counts" in captions
    assert "What our count counts" in captions and "Not counted: military competitions" in captions
    assert any(h.value == "How others count" for h in page.header)


def test_no_nan_or_none_reaches_the_reader(page):
    shown = [m.value for m in page.markdown] + [c.value for c in page.caption]
    table = _comparison(page)
    shown += [str(v) for v in table.to_numpy().ravel() if isinstance(v, str)]
    assert not [t for t in shown if re.search(r"\b(nan|None|NaT)\b", t)]
