"""`python -m dashboard export` with filters gives the Data page's download byte for byte (the
page builds its files with dashboard.outputs.bundle.download), and refuses unknown names with exit 2."""

import contextlib
import datetime as dt
import hashlib
import io
import os
import subprocess
import sys

import pytest

from dashboard.core.paths import ROOT
from dashboard.outputs import bundle, export

CASES = [
    ("exercise_list", ["--period", "since_2022", "--filter", "kind=patrol", "--filter", "kind=bomber_patrol", "--text", "Sea"],
     dict(period="since_2022", values={"kind": ["bomber_patrol", "patrol"]}, text="Sea")),
    ("exercise_list", ["--year-from", "2014", "--year-to", "2021", "--filter", "domain=naval"], dict(years=(2014, 2021), values={"domain": ["naval"]})),
    ("arms_tiv_by_year", ["--period", "2014_2022"], dict(period="2014_2022")),
    ("source_list", [], {}),
    ("sources", ["--period", "since_2022"], dict(period="since_2022")),
    ("arms_deal_deliveries", ["--year-from", "2014", "--year-to", "2024", "--filter", "supplier=Russia", "--filter", "recipient=China", "--filter", "release=2025", "--per-deal"],
     dict(years=(2014, 2024), values={"supplier": ["Russia"], "recipient": ["China"], "release": ["2025"]}, per_deal=True)),
]


def _cli(built_db, *args):
    return subprocess.run([sys.executable, "-m", "dashboard", "export", *args, "--db", str(built_db)], cwd=ROOT, capture_output=True)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet", "zip"])
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
    (["exercise_list", "--format", "pdf"], ["invalid choice", "csv", "xlsx", "parquet", "zip"]),
    (["sipri_register", "--period", "2014_2022"], ["sipri_register has no period, date or year column", "cannot be filtered by period"]),
    (["agreements_and_meetings", "--period", "since_2022"], ["cannot be filtered by period", "agreement_list"]),
    (["exercise_list", "--per-deal"], ["no one-row-per-deal form", "arms_deal_deliveries"]),
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


# ----------------------------------------------------------------------------- hostile input (issue #7)

SQL = ["x' or 1=1 --", "meta_build; drop table sources", '"; select * from duckdb_settings() --']
MARKUP = ["<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">']
ODD = ["\u202eevil", "a\u200db", "e\u0301\u0301", "🙂", "x" * 10_000]  # NUL cannot travel in argv
VIEWS = ["sqlite_master", "duckdb_settings()", "information_schema.tables", "meta_build", "meta_relations", "exercise_list; drop table sources", "EXERCISE_LIST", *SQL, *MARKUP, *ODD]


class _Run:
    """`python -m dashboard export ...` run in this process (much faster than a subprocess per
    case); an exception would propagate and fail the test, so "no Traceback" holds."""

    def __init__(self, built_db, *args):
        from dashboard.__main__ import main

        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                self.returncode = main(["export", *args, "--db", str(built_db)])
            except SystemExit as exit:  # argparse's own refusals
                self.returncode = exit.code
        out.flush()
        self.stdout, self.stderr = out.buffer.getvalue(), err.getvalue().encode("utf-8", "backslashreplace")


def _refused(run) -> str:
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2, err
    assert "Traceback" not in err and err.strip() and err.strip().count("\n") == 0, err
    assert len(err) < 3_000, "the message echoes at most a short part of the value"
    assert run.stdout == b""
    return err


@pytest.fixture(scope="module")
def unchanged(built_db):
    """The database file is byte-identical after every hostile call of the module."""
    before = hashlib.sha256(built_db.read_bytes()).hexdigest()
    yield
    assert hashlib.sha256(built_db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("view", VIEWS)
def test_hostile_view_names_are_refused(built_db, unchanged, view):
    _refused(_Run(built_db, view))


@pytest.mark.parametrize("period", ["1=1", "all' or 1=1 --", "ALL", " all", *SQL[1:], *MARKUP, *ODD])
def test_hostile_periods_are_refused(built_db, unchanged, period):
    assert "unknown period" in _refused(_Run(built_db, "exercise_list", "--period", period))


@pytest.mark.parametrize("years", [("0", "99999"), ("99999", "99999"), (str(10**30), str(10**30)), ("-" + "9" * 40, "2000"), ("1e3", "2000"), ("2000.5", "2001"), ("", "2000"), ("x' or 1=1 --", "2000")])
def test_hostile_years_are_refused(built_db, unchanged, years):
    _refused(_Run(built_db, "exercise_list", "--year-from", years[0], "--year-to", years[1]))


def test_empty_year_range_gives_the_header_alone(built_db, unchanged):
    run = _Run(built_db, "exercise_list", "--year-from", "-1", "--year-to", "0")
    assert run.returncode == 0 and run.stdout.decode("utf-8-sig").count("\r\n") == 1


@pytest.mark.parametrize("column", [*SQL, *MARKUP, *ODD, "meta_build", "name", "quote"])
def test_hostile_filter_columns_are_refused(built_db, unchanged, column):
    assert "unknown filter column" in _refused(_Run(built_db, "exercise_list", "--filter", f"{column}=patrol"))


@pytest.mark.parametrize("value", [*SQL, *MARKUP, *ODD, "patrol' or '1'='1", "%", "_", "\\"])
def test_hostile_filter_values_and_text_match_nothing(built_db, unchanged, value):
    """A hostile value is merely a filter that matches nothing: exit 0, the header alone."""
    for args in (["--filter", f"kind={value}"], ["--text", value + "zz-no-such-text"]):
        run = _Run(built_db, "exercise_list", *args)
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout.decode("utf-8-sig").count("\r\n") == 1, args  # the header alone
        assert b"Traceback" not in run.stderr


@pytest.mark.parametrize("args", [
    ["exercise_list", "--text", b"\xff\xfe".decode("utf-8", "surrogateescape")],
    ["exercise_list", "--filter", "kind=" + b"\xff".decode("utf-8", "surrogateescape")],
    [b"exercise_\xfflist".decode("utf-8", "surrogateescape")],
    ["exercise_list", "--period", b"\xc0\xaf".decode("utf-8", "surrogateescape")],
])
def test_bytes_that_are_not_utf8_are_refused(built_db, unchanged, args):
    """Undecodable bytes on the command line (Python keeps them as lone surrogates) are refused
    with one line, not a UnicodeEncodeError from the query."""
    assert "not valid UTF-8" in _refused(_cli(built_db, *args))


def test_unwritable_output_and_bad_database_are_one_line_errors(built_db, unchanged, tmp_path):
    assert "cannot write" in _refused(_cli(built_db, "source_list", "--out", str(tmp_path / "no" / "such" / "dir.csv")))
    fake = tmp_path / "fake.duckdb"
    fake.write_text("not a database")
    os.utime(fake, (4_000_000_000, 4_000_000_000))  # newer than data/: the build leaves it alone
    run = subprocess.run([sys.executable, "-m", "dashboard", "export", "source_list", "--db", str(fake)], cwd=ROOT, capture_output=True)
    assert "cannot read the database" in _refused(run)


def test_hostile_calls_changed_nothing(built_db, unchanged):
    assert _cli(built_db, "source_list").stdout.count(b"\r\n") > 10
