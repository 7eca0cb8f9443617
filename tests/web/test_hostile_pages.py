"""Hostile values in every query-string key a page reads, on every page (AppTest): no exception,
the page falls back to its defaults (or keeps a free-text value as inert text), no SQL text carries
a value, no relation outside the build's list is read, and the database file is unchanged.

Lone surrogates cannot be tested here: a browser percent-encodes the URL as UTF-8 and Streamlit
decodes it with errors="replace" (so they arrive as U+FFFD, which is tested), and AppTest's own
urlencode cannot carry them at all.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs

import pytest
import streamlit as st
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from streamlit.testing.v1 import AppTest

from dashboard.core import db
from dashboard.core.db import ALL_PERIODS, MAX_TEXT
from dashboard.pipeline import catalog
from tests.helpers.apptest import APP, charts

PAGES = [
    "web/pages/overview.py", "web/pages/arms_transfers.py", "web/pages/dual_use.py", "web/pages/exercises.py",
    "web/pages/incidents.py", "web/pages/limits.py", "web/pages/data_explorer.py", "web/pages/sources.py",
]

SQL = ["x' or 1=1 --", "meta_build; drop table sources", '"; select * from duckdb_settings() --', "exercise_list' union select * from meta_build --"]
MARKUP = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', "**bold** [link](javascript:alert(1)) $x$ :red[red]"]
UNICODE = [
    "\u202eevil\u202c", "a\u200db", "e\u0301\u0301\u0301", "🙂🇺🇦", "\x00", "a\x00b", "\ufffd",
    parse_qs("q=%ED%A0%80%FF", keep_blank_values=True)["q"][0],  # what a lone surrogate / bad byte becomes
]
LONG = ["x" * 10_000, "<script>" * 1_300]
YEARS = ["-1", "0", "99999", str(10**30), "1e3", " 2010", "2010.5", "٢٠١٠"]
RELATIONS = ["sqlite_master", "duckdb_settings()", "information_schema.tables", "meta_build", "meta_relations", "meta_columns", "exercise_list; drop table sources", "EXERCISE_LIST", "exercise_list "]
PAYLOADS = SQL + MARKUP + UNICODE + LONG
KEYS = ("period", "pair", "relation", "q", "present", "year_from", "year_to", *catalog.FILTER_COLUMNS)


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Recorder:
    """Every SQL text the pages send through dashboard.core.db and dashboard.pipeline.catalog."""

    def __init__(self, monkeypatch):
        self.sql: list[str] = []
        self.relations: list[str] = []
        real_compile, real_rows = db.compile_query, catalog._rows

        def compile_query(q, columns):
            self.relations.append(q.relation)
            sql, params = real_compile(q, columns)
            self.sql.append(sql)
            return sql, params

        def rows(database, sql, params):
            self.sql.append(sql)
            return real_rows(database, sql, params)

        monkeypatch.setattr(db, "compile_query", compile_query)
        monkeypatch.setattr(catalog, "_rows", rows)


def _run(page: str, params: dict) -> AppTest:
    """The app opened at `page` with these query parameters (the main script runs first, as in
    the browser, and reads the period; the page then reads its own keys)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    at.switch_page(page)
    at.query_params.clear()
    at.query_params.update(params)
    at.run()
    return at


def _profile(payloads: list[str], year: str, relation: str, present: str = "") -> dict:
    """Every key a page reads gets one of the payloads (in turn), the years one hostile year."""
    params = {key: payloads[i % len(payloads)] for i, key in enumerate(KEYS)}
    params.update(year_from=year, year_to=year, relation=relation)
    if present:
        params["present"] = present
    params["source_id"] = [payloads[0], "cepa_2025"]  # a repeated key: one hostile, one valid
    params[payloads[-1][:40] or "empty"] = payloads[0]  # an unknown key: ignored
    return params


def _check(at: AppTest, page: str, params: dict, database, recorder: Recorder) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page has no title"
    assert at.session_state["period"] == ALL_PERIODS
    values = [v for k, v in params.items() if k not in ("relation", "year_from", "year_to", "present") and isinstance(v, str) and len(v) >= 3]
    for sql in recorder.sql:  # values travel as bound parameters, never inside the SQL text
        assert not any(v in sql for v in values), sql
    allowed = set(database.relations())
    assert set(recorder.relations) <= allowed, set(recorder.relations) - allowed
    if page.endswith("data_explorer.py"):
        assert at.session_state["relation"] == "exercise_list"
        assert at.session_state["q"] == str(params["q"])[:MAX_TEXT]
        assert at.text_input(key="q").value == str(params["q"])[:MAX_TEXT]  # kept, as plain text
        low, high = catalog.year_bounds(database, "exercise_list")
        assert tuple(at.session_state["year"]) == (low, high)
        offered = [c for c in catalog.filter_columns(database, "exercise_list") if len(catalog.distinct_values(database, "exercise_list", c)) > 1]
        assert offered, "the default relation offers no category filter"
        for column in offered:  # a filter with one value would change nothing: not offered, no state
            assert column in at.session_state, column
            assert set(at.session_state[column]) <= set(catalog.distinct_values(database, "exercise_list", column))
        assert at.session_state["source_id"] == ["cepa_2025"] or "cepa_2025" not in catalog.distinct_values(database, "exercise_list", "source_id")
    if page.endswith("arms_transfers.py") and params.get("present") != "1":
        assert at.session_state["pair"] == "Russia → India"
    if page.endswith("arms_transfers.py"):
        titles = [c.figure["layout"]["title"]["text"] for c in charts(at)]
        assert any("Russia → China beside Russia → India" in t for t in titles), titles


CASES = {  # name → (payloads for the keys in turn, year, relation)
    "sql": (SQL + MARKUP, "-1", "sqlite_master"),
    "markup": (MARKUP + SQL, "99999", "meta_build"),
    "unicode": (UNICODE, "٢٠١٠", "duckdb_settings()"),
    "long": (LONG, str(10**30), "information_schema.tables"),
    "mixed": (["".join(UNICODE) + SQL[2] + MARKUP[0], SQL[1] + LONG[0]], "0", "exercise_list; drop table sources"),
}


@pytest.fixture
def recorder(monkeypatch, built_db):
    st.cache_data.clear()  # so every query of the page is compiled (and recorded) in this test
    st.cache_resource.clear()  # query results (web.data._fetch) and registry panels
    return Recorder(monkeypatch)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_string(page, case, built_db, database, recorder):
    before = _sha256(built_db)
    params = _profile(*CASES[case])
    if page.endswith("arms_transfers.py"):
        params["view"] = "Another pair"  # the tab that reads ?pair
    at = _run(page, params)
    _check(at, page, params, database, recorder)
    assert _sha256(built_db) == before


@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_string_in_presentation_mode(page, built_db, database, recorder):
    """?present=1 takes the period (and the arms page its pair) from the link alone."""
    params = _profile(MARKUP[1:] + SQL, "-1", "meta_build", present="1")
    params["pair"] = SQL[0]
    if page.endswith("arms_transfers.py"):
        params["view"] = "Another pair"  # the tab that reads ?pair
    at = _run(page, params)
    _check(at, page, params, database, recorder)
    assert not at.sidebar.radio, "presentation mode draws no period selector"


@pytest.mark.parametrize("page", ["web/pages/data_explorer.py"])
@pytest.mark.parametrize("relation", RELATIONS)
def test_data_explorer_reads_only_the_builds_relations(page, relation, built_db, database, recorder):
    """meta_* (the build's own bookkeeping), DuckDB's catalogues and table functions are not among
    the relations a reader can choose: the explorer falls back to its default."""
    at = _run(page, {"relation": relation})
    assert not at.exception
    assert at.session_state["relation"] == "exercise_list"
    assert all(not r.startswith("meta_") for r in database.relations())
    assert set(recorder.relations) <= set(database.relations())


def test_valid_links_still_work(built_db, database, recorder):
    """The fallbacks do not swallow good values: a valid link opens what it names."""
    at = _run("web/pages/data_explorer.py", {"period": "since_2022", "relation": "exercise_list", "year_from": "2022", "year_to": "2024", "kind": "patrol", "q": "Sea"})
    assert not at.exception
    assert at.session_state["period"] == "since_2022"
    assert tuple(at.session_state["year"]) == (2022, 2024)
    assert at.session_state["kind"] == ["patrol"] and at.session_state["q"] == "Sea"


query_values = hs.one_of(
    hs.sampled_from(PAYLOADS + YEARS + RELATIONS + ["all", "since_2022", "1", "exercise_list", "Russia → India", "patrol"]),
    hs.text(alphabet=hs.characters(exclude_categories=("Cs",)), max_size=60),
)


@given(params=hs.dictionaries(hs.sampled_from(KEYS), query_values, max_size=8), page=hs.sampled_from(["web/pages/data_explorer.py", "web/pages/arms_transfers.py", "web/pages/overview.py"]))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_query_string(params, page, built_db, database):
    at = _run(page, params)
    assert not at.exception, (params, [e.value for e in at.exception])
    assert at.session_state["period"] in (ALL_PERIODS, *db.PERIODS)
    if page.endswith("data_explorer.py"):
        assert at.session_state["relation"] in database.relations()
