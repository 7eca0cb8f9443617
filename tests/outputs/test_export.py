"""`python -m dashboard export` writes a view as CSV, with the same code as the app's downloads."""

import subprocess
import sys

import pandas as pd

from dashboard.core.db import Query
from dashboard.core.paths import ROOT
from dashboard.outputs.export import file_name, neutralise, to_csv_bytes


def test_cli_export_equals_the_shared_writer(built_db, database, tmp_path):
    out = tmp_path / "sources.csv"
    run = subprocess.run([sys.executable, "-m", "dashboard", "export", "source_list", "--out", str(out), "--db", str(built_db)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == to_csv_bytes(database.fetch(Query("source_list")))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_export_filters_by_period(built_db, tmp_path):
    out = tmp_path / "p.csv"
    run = subprocess.run([sys.executable, "-m", "dashboard", "export", "period_definitions", "--period", "since_2022", "--out", str(out), "--db", str(built_db)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = out.read_bytes().decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and rows[1].startswith("since_2022,")


def test_cli_export_refuses_unknown_names(built_db):
    for args in (["no_such_view"], ["sources; drop table sources"], ["source_list", "--period", "1=1"]):
        run = subprocess.run([sys.executable, "-m", "dashboard", "export", *args, "--db", str(built_db)], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 2
        assert "unknown" in run.stderr and "Traceback" not in run.stderr


def test_writer_neutralises_formulas_and_keeps_numbers():
    frame = pd.DataFrame({"name": ["=1+1", "+x", "-y", "@z", "\tt", "Wärtsilä"], "value": [-5, 1, 2, 3, 4, 5], "share_pct": [1.5, -2.25, 0.0, 3.0, 4.0, 5.0]})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "name,value,share_pct"
    assert lines[1] == "'=1+1,-5,1.5"
    assert lines[2] == "'+x,1,-2.25"
    assert lines[3].startswith("'-y,") and lines[4].startswith("'@z,") and lines[5].startswith("'\tt,")
    assert lines[6] == "Wärtsilä,5,5"
    assert neutralise("plain") == "plain"


def test_file_name_says_what_it_holds():
    import datetime as dt

    assert file_name("arms_tiv_by_year", "2014_2022", dt.date(2026, 11, 23)) == "ru-cn-arms-tiv-by-year_2014-2022_2026-11-23.csv"
