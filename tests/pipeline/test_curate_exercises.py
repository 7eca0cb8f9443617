"""The exercise import is reproducible: re-running it on the compiled list gives data/exercises.csv
byte for byte, and every source page it needs is already in data/sources.csv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.pipeline.curate import exercises as ce
from tests.helpers.shared import need_shared

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT.parent / "shared" / "data" / "exercises" / "joint_exercises.csv"


def need_raw() -> None:
    """Skip without ../shared on a developer's machine; in CI (env CI set) its absence is a failure."""
    need_shared()
    assert RAW.exists(), f"{RAW} is missing from ../shared"


def test_import_reproduces_committed_file(tmp_path):
    need_raw()
    assert ce.main([str(RAW), "--out", str(tmp_path)]) == 0
    produced = (tmp_path / "exercises.csv").read_bytes()
    committed = (ROOT / "data" / "exercises.csv").read_bytes()
    assert produced == committed, "data/exercises.csv differs from a fresh import; re-run python -m dashboard.pipeline.curate exercises"


def test_cli_runs_as_module(tmp_path):
    need_raw()
    run = subprocess.run(
        [sys.executable, "-m", "dashboard.pipeline.curate", "exercises", str(RAW), "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "exercises.csv").read_bytes() == (ROOT / "data" / "exercises.csv").read_bytes()


def test_no_source_missing_from_sources_csv(capsys):
    need_raw()
    assert ce.main([str(RAW), "--print-sources"]) == 0
    assert capsys.readouterr().out == "", "sources missing from data/sources.csv; append the printed rows with >>"


def test_import_refuses_missing_sources(tmp_path):
    need_raw()
    sources = tmp_path / "sources.csv"
    sources.write_text(",".join(ce.SOURCE_COLUMNS) + "\n", encoding="utf-8")
    assert ce.main([str(RAW), "--out", str(tmp_path), "--sources", str(sources)]) == 2
    assert not (tmp_path / "exercises.csv").exists()


def test_source_ids_are_derived_from_host_and_date():
    row = {"source_url": "https://tass.com/defense/1", "source_date": "2019-08-29"}
    assert ce.source_id_for(row) == "web_ex_tass_20190829"
    assert ce.source_id_for({**row, "source_date": ""}) == "web_ex_tass_nd"
    with pytest.raises(ce.CurationError):
        ce.source_id_for({**row, "source_url": "https://unknown.example/x"})


def test_output_is_utf8_lf_without_bom():
    raw = (ROOT / "data" / "exercises.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    raw.decode("utf-8")


def _additions_copy(tmp_path, change) -> Path:
    header, added = ce.read_csv(ce.ADDED_ROWS)
    change(added[0])
    path = tmp_path / "additions.csv"
    path.write_text(ce.to_csv(added, header), encoding="utf-8")
    return path


def test_import_merges_the_additions_after_the_document_rows(tmp_path):
    need_raw()
    rows, _ = ce.import_list(RAW)
    _, added = ce.read_csv(ce.ADDED_ROWS)
    _, documents = ce.read_csv(ce.DOCUMENT_ROWS)
    assert added and rows[-len(added):] == added
    assert rows[-len(added) - len(documents):-len(added)] == documents


def test_import_refuses_an_addition_whose_page_is_not_in_sources(tmp_path, capsys):
    need_raw()
    path = _additions_copy(tmp_path, lambda r: r.update(source_id="web_ex_nowhere_20260101"))
    assert ce.main([str(RAW), "--out", str(tmp_path), "--additions", str(path)]) == 2
    assert "web_ex_nowhere_20260101" in capsys.readouterr().err and not (tmp_path / "exercises.csv").exists()


def test_import_refuses_a_counted_flag_without_its_reason(tmp_path, capsys):
    need_raw()
    path = _additions_copy(tmp_path, lambda r: r.update(counted={"true": "false", "false": "true"}[r["counted"]]))  # the reason still says the opposite
    assert ce.main([str(RAW), "--out", str(tmp_path), "--additions", str(path)]) == 2
    assert "counted_reason" in capsys.readouterr().err
