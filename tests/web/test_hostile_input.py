"""Hostile values never reach SQL as text: names come only from the build's list, values are bound."""

import shlex

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.core.db import PERIODS, Query, UnknownRelation, compile_query

HOSTILE = ["'; drop table sources; --", "\" or 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "x" * 10_000, "‮evil", "\x00", "🙂", "%", "_", "\\"]
COLUMNS = {"source_list": ["source_id", "title", "citation"], "exercise_list": ["exercise_id", "name", "year", "quote", "period_id"]}


@given(text=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300)))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_free_text_is_always_a_parameter(text):
    sql, params = compile_query(Query("exercise_list", text=text), COLUMNS)
    stripped = text.strip()[:200]
    if stripped:
        assert stripped in params
        # the SQL text is the same whatever the value: the value travels only as a parameter
        assert sql == compile_query(Query("exercise_list", text="x"), COLUMNS)[0]


@given(name=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=50)))
def test_unknown_relations_are_refused(name):
    if name in COLUMNS:
        return
    with pytest.raises(UnknownRelation):
        compile_query(Query(name), COLUMNS)


@given(period=st.text(max_size=40))
def test_unknown_periods_are_refused(period):
    if period in (*PERIODS, "all"):
        return
    with pytest.raises(ValueError):
        compile_query(Query("exercise_list", period=period), COLUMNS)


@given(value=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=100), st.integers()), years=st.tuples(st.integers(-10**12, 10**12), st.integers(-10**12, 10**12)))
def test_values_and_years_are_bound(value, years):
    sql, params = compile_query(Query("exercise_list", equals=(("name", value),), year_range=years), COLUMNS)
    assert value in params and "between ? and ?" in sql
    assert sql == compile_query(Query("exercise_list", equals=(("name", "x"),), year_range=(1, 2)), COLUMNS)[0]
    assert sql.count("?") == len(params)


def test_unknown_columns_are_refused():
    with pytest.raises(KeyError):
        compile_query(Query("exercise_list", equals=(("name; drop table x", 1),)), COLUMNS)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_against_the_real_database(database, text):
    rows = database.fetch(Query("exercise_list", text=text))
    assert rows.empty or len(rows) >= 0
    assert database.fetch(Query("source_list")).shape[0] > 0  # nothing was dropped


# ----------------------------------------------------------------------------- the filter and export functions (issue #7)

from dashboard.outputs import export  # noqa: E402
from dashboard.web.ui import _whole  # noqa: E402

RELATIONS = ["exercise_list", "source_list", "sqlite_master", "duckdb_settings()", "information_schema.tables", "meta_build", "exercise_list; drop table sources"]
anything = st.one_of(st.sampled_from(HOSTILE), st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80))


@given(
    relation=st.one_of(st.sampled_from(RELATIONS), anything), period=st.one_of(st.sampled_from(["all", *PERIODS]), anything),
    years=st.one_of(st.none(), st.tuples(st.integers(-10**30, 10**30), st.integers(-10**30, 10**30)), st.tuples(st.integers(1990, 2030), st.integers(1990, 2030))),
    values=st.dictionaries(st.one_of(st.sampled_from(["kind", "domain", "source_id", "name"]), anything), st.lists(anything, max_size=3), max_size=3),
    text=anything,
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_choose_accepts_or_refuses_cleanly_and_the_rows_are_read_safely(database, relation, period, years, values, text):
    try:
        f = export.choose(database, relation, period, years, values, text)
    except export.FilterError as err:
        assert "\n" not in str(err) and len(str(err)) < 3_000
        return
    assert f.relation in database.relations() and f.period in ("all", *PERIODS) and len(f.text) <= 200
    rows = export.fetch(database, f)
    assert rows.shape[1] == len(database.columns[f.relation])
    words = shlex.split(export.command(f))  # the page's command line quotes every value
    assert words[:5] == ["python", "-m", "dashboard", "export", f.relation]
    if f.text:
        assert words[words.index("--text") + 1] == f.text


@given(text=st.one_of(st.none(), st.integers(), anything, st.sampled_from(["-1", "0", "99999", str(10**30), "1e3", "٢٠١٠", " 12", "12 ", "+12"])))
def test_url_years_are_whole_numbers_of_at_most_six_digits(text):
    value = _whole(text)
    assert value is None or (isinstance(text, str) and abs(value) < 10**6 and str(value) == text.lstrip("+").replace("-0", "0"))
