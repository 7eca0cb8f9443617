"""What a reader sees of the record since the documents (issue #16): each list's page says how far
the record runs ("Record up to ...", never "nan"), the rows from public pages show their paraphrase
and page, and the figure from a reference title shows with the title as its quote."""

from __future__ import annotations

import re

import pytest

from tests.helpers.apptest import open_page, open_quote_lists, static_tables

PAGES = {
    "web/pages/incidents.py": "incidents",
    "web/pages/overview.py": "key_events",
    "web/pages/dual_use.py": "dual_use",
    "web/pages/limits.py": "limits",
}
MISSING = re.compile(r"\b(nan|NaN|None|NaT|null)\b")


def texts(at) -> list[str]:
    return [c.value for c in at.caption] + [m.value for m in at.markdown]


@pytest.mark.parametrize("page,list_id", PAGES.items())
def test_the_page_says_how_far_its_list_runs(built_db, db, page, list_id):
    label, rows = db.execute("select latest_label, rows from record_dates where list_id = ?", [list_id]).fetchone()
    at = open_page(page)
    shown = [t for t in texts(at) if "Record up to" in t]
    assert len(shown) == 1, shown
    assert f"Record up to {label}**" in shown[0] and f"{rows:,} rows in this list" in shown[0], shown[0]
    assert not MISSING.search(shown[0]), shown[0]


def test_the_record_holds_under_any_period(built_db, db):
    label = db.execute("select latest_label from record_dates where list_id = 'incidents'").fetchone()[0]
    at = open_page("web/pages/incidents.py", params={"period": "before_2014"})
    assert any(f"Record up to {label}**" in t for t in texts(at))


def test_incidents_since_the_documents_show_their_paraphrase_and_page(built_db):
    at = open_quote_lists(open_page("web/pages/incidents.py"))
    quotes = " ".join(m.value for m in at.markdown if "(paraphrase)" in m.value)
    assert "Fitburg" in quotes and "themoscowtimes.com" in quotes, quotes[:500]
    table = static_tables(at)[0]  # a static table: every cell is Markdown text
    assert (table["Quote or paraphrase"].str.len() > 0).all()
    pages = [cell for cell in table["Source page"] if cell]
    assert pages and all(re.fullmatch(r"\[[^\]]+\]\(<https?://[^>\s]+>\)", cell) for cell in pages), pages  # each a link to its page
    assert "themoscowtimes.com" in " ".join(pages)


def test_overview_key_events_include_the_leaders_meetings_since_the_documents(built_db):
    at = open_quote_lists(open_page("web/pages/overview.py"))
    quotes = " ".join(m.value for m in at.markdown)
    assert "Putin–Xi video call" in quotes and "(paraphrase)" in quotes


def test_the_reference_title_figure_shows_with_its_quote(built_db):
    at = open_quote_lists(open_page("web/pages/arms_transfers.py", params={"view": "Documents beside SIPRI"}))
    quotes = " ".join(m.value for m in at.markdown)
    assert "“China buys 463 D30 engines for Y\\-20 and H\\-6K, WS\\-20 to come”" in quotes, "the reference title is shown as the row's quote"
    assert "REFERENCE TITLE" in quotes
