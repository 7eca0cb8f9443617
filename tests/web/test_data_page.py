"""The Data page (AppTest): filters from the link, hostile links, and a row count equal to a
direct query of the same filters."""

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT
from dashboard.outputs import export
from dashboard.pipeline import catalog

# The page as app.py serves it: the sidebar's shared period selector, then the page.
SCRIPT = f"""
import runpy
from dashboard.web import ui
ui.period_selector()
runpy.run_path({str(ROOT / "dashboard" / "web" / "pages" / "data_explorer.py")!r}, run_name="__main__")
"""
HOSTILE = ["'; drop table sources; --", "\" or 1=1 --", "<script>alert(1)</script>", "x" * 10_000, "\u202eevil", "\x00", "🙂", "%", "-1", "99999999999999999999", "1e309", ""]


def _run(params: dict) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _count(at: AppTest) -> int:
    return int(at.metric[0].value.replace(",", ""))


def test_filters_come_from_the_link_and_the_count_matches_a_direct_query(built_db, database):
    at = _run({"relation": "exercise_list", "period": "since_2022", "kind": ["patrol", "bomber_patrol"], "year_from": "2022", "year_to": "2024", "q": "sea"})
    assert at.multiselect(key="kind").value == ["patrol", "bomber_patrol"]
    assert at.slider(key="year").value == (2022, 2024) and at.text_input(key="q").value == "sea"
    f = export.choose(database, "exercise_list", "since_2022", (2022, 2024), {"kind": ["patrol", "bomber_patrol"]}, "sea")
    expected = len(database.fetch(export.to_query(f)))
    assert 0 < _count(at) == expected < len(database.fetch(export.to_query(export.choose(database, "exercise_list"))))
    assert export.command(f) in at.code[0].value


def test_changing_a_filter_updates_the_link_and_the_count(built_db, database):
    at = _run({"relation": "exercise_list"})
    at.multiselect(key="domain").select("naval").run()
    assert at.query_params["domain"] in ("naval", ["naval"])
    assert _count(at) == len(database.fetch(export.to_query(export.choose(database, "exercise_list", values={"domain": ["naval"]}))))
    at.selectbox(key="relation").set_value("qualifiers").run()
    assert not at.exception and "domain" not in at.query_params  # a filter that no longer applies leaves the link
    assert _count(at) == len(database.fetch(export.to_query(export.choose(database, "qualifiers"))))


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_links_fall_back_or_find_nothing(built_db, database, value):
    at = _run({"relation": value, "period": value})
    assert at.selectbox(key="relation").value == "exercise_list" and _count(at) == len(database.fetch(export.to_query(export.choose(database, "exercise_list"))))
    at = _run({"relation": "exercise_list", "kind": [value, "patrol"], "source_id": value, "year_from": value, "year_to": value, "q": value})
    assert at.multiselect(key="kind").value == ["patrol"] and at.multiselect(key="source_id").value == []
    assert at.slider(key="year").value == catalog.year_bounds(database, "exercise_list")  # the whole span
    assert len(at.text_input(key="q").value) <= 200
    expected = export.choose(database, "exercise_list", values={"kind": ["patrol"]}, text=value[:200])
    assert _count(at) == len(database.fetch(export.to_query(expected)))
    assert database.fetch(export.to_query(export.choose(database, "sources"))).shape[0] > 0  # nothing was dropped


def test_every_relation_renders(built_db, database):
    """Under a period, every relation shows the rows the period keeps, or, where it has no period,
    date or year, all its rows and a caption saying the period does not apply."""
    from dashboard.outputs import filters

    for relation in database.relations():
        at = _run({"relation": relation, "period": "2014_2022"})
        applies = filters.period_applies(database, relation) is not None
        f = export.choose(database, relation, "2014_2022" if applies else "all", per_deal=relation in filters.ROLLUPS,
                          values={"release": [max(catalog.distinct_values(database, relation, "release"), default="")]} if "release" in catalog.filter_columns(database, relation) else None)
        assert _count(at) == filters.count(database, f), relation
        if not applies:
            assert any("does not apply here" in c.value for c in at.caption), relation


def test_the_command_the_page_shows_runs_as_shown(built_db, database, tmp_path):
    """The page's command, run as it reads (python = the project's environment), writes the file
    the CSV button offers, byte for byte, under the name the button gives it."""
    import os
    import shlex
    import subprocess
    import sys

    from dashboard.outputs import bundle

    at = _run({"relation": "arms_deal_deliveries", "year_from": "2014", "year_to": "2024", "supplier": "Russia", "recipient": "China"})
    words = shlex.split(at.code[0].value)
    assert words[:4] == ["python", "-m", "dashboard", "export"] and "--per-deal" in words and "release=2025" in words
    env = {**os.environ, "DASHBOARD_DB": str(built_db), "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, *words[1:]], cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    f = export.choose(database, "arms_deal_deliveries", years=(2014, 2024), values={"supplier": ["Russia"], "recipient": ["China"], "release": ["2025"]}, per_deal=True)
    name = bundle.download_name(database, f, "csv")
    assert words[-1] == name and (tmp_path / name).read_bytes() == bundle.download(database, f, "csv").data
    assert _count(at) == len(export.fetch(database, f)) > 0
