"""`python -m dashboard export` with filters gives the Data page's download byte for byte (the
page builds its files with dashboard.bundle.download), and refuses unknown names with exit 2."""

import datetime as dt
import subprocess
import sys

import pytest

from dashboard import bundle, export
from dashboard.paths import ROOT

CASES = [
    ("exercise_list", ["--period", "since_2022", "--filter", "kind=patrol", "--filter", "kind=bomber_patrol", "--text", "Sea"],
     dict(period="since_2022", values={"kind": ["bomber_patrol", "patrol"]}, text="Sea")),
    ("exercise_list", ["--year-from", "2014", "--year-to", "2021", "--filter", "domain=naval"], dict(years=(2014, 2021), values={"domain": ["naval"]})),
    ("arms_tiv_by_year", ["--period", "2014_2022"], dict(period="2014_2022")),
    ("source_list", [], {}),
]


def _cli(built_db, *args):
    return subprocess.run([sys.executable, "-m", "dashboard", "export", *args, "--db", str(built_db)], cwd=ROOT, capture_output=True)


@pytest.mark.parametrize("fmt", ["csv", "zip"])
@pytest.mark.parametrize("relation,args,choices", CASES)
def test_cli_equals_the_page_download(built_db, database, tmp_path, relation, args, choices, fmt):
    out = tmp_path / f"out.{fmt}"
    run = _cli(built_db, relation, *args, "--format", fmt, "--out", str(out))
    assert run.returncode == 0, run.stderr.decode()
    page = bundle.download(database, export.choose(database, relation, **choices), fmt, dt.date.today())
    assert out.read_bytes() == page.data
    assert page.file_name in run.stderr.decode()


def test_cli_writes_to_standard_output(built_db, database):
    run = _cli(built_db, "qualifier_definitions", "--filter", "qualifier=about")
    assert run.returncode == 0
    assert run.stdout == bundle.download(database, export.choose(database, "qualifier_definitions", values={"qualifier": ["about"]})).data
    assert run.stdout.decode("utf-8-sig").count("\r\n") == 2


@pytest.mark.parametrize("args,words", [
    (["no_such_view"], ["unknown view", "exercise_list"]),
    (["exercise_list", "--period", "1=1"], ["unknown period", "since_2022"]),
    (["exercise_list", "--filter", "name;drop table x=1"], ["unknown filter column", "kind"]),
    (["exercise_list", "--filter", "kind"], ["COLUMN=VALUE"]),
    (["source_list", "--year-from", "2000", "--year-to", "2010"], ["no year column"]),
    (["exercise_list", "--year-from", "2020", "--year-to", "2010"], ["year range"]),
    (["exercise_list", "--year-from", "-99999999999999999999", "--year-to", "2010"], ["year range"]),
    (["exercise_list", "--year-from", "2020"], ["--year-to"]),
    (["exercise_list", "--format", "xlsx"], ["invalid choice", "csv", "zip"]),
])
def test_cli_refuses_unknown_choices_with_a_clear_message(built_db, args, words):
    run = _cli(built_db, *args)
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert all(w in err for w in words) and "Traceback" not in err


def test_hostile_values_give_empty_files_not_errors(built_db):
    run = _cli(built_db, "exercise_list", "--filter", "kind='; drop table sources; --", "--text", "\" or 1=1 --")
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode("utf-8-sig").count("\r\n") == 1  # the header alone
    assert _cli(built_db, "source_list").stdout.count(b"\r\n") > 10  # nothing was dropped
