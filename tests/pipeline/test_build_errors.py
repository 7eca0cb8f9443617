"""Bad input stops the build with exit status 2 and one message naming file, line and column,
and the last good database stays byte-identical.

The bad inputs are the corpus under tests/pipeline/bad_data/ (see its README.md): one folder per case, holding
a case.yaml (what the case is, what to expect) and the bad files at their project paths (data/...,
queries/...), each replacing the real file of that path in a copy of the project."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dashboard.core.paths import DATA_DIR, QUERIES_DIR, ROOT
from dashboard.pipeline.build import build

CORPUS = Path(__file__).resolve().parent / "bad_data"
CASE_FILE = "case.yaml"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())

#: What issue #7 asks the corpus to cover, each by at least this case.
REQUIRED = {
    "wrong_type", "missing_column", "extra_column", "duplicate_key", "unknown_source", "share_above_100",
    "year_out_of_range", "empty_file", "header_only", "not_utf8", "byte_order_mark", "crlf_line_ends",
    "unterminated_quote", "quote_not_in_source", "period_contradicts_date", "sidecar_missing",
    "sidecar_names_absent_column",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _case(name: str) -> dict:
    return yaml.safe_load((CORPUS / name / CASE_FILE).read_text(encoding="utf-8"))


def _files(name: str) -> list[str]:
    """The bad files of a case, as project paths (data/..., queries/...)."""
    folder = CORPUS / name
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != CASE_FILE)


def location(expect: dict) -> str:
    """The start of the message: 'file, line N, column C:' with the parts the case expects."""
    parts = [expect["file"]]
    if expect.get("line") is not None:
        parts.append(f"line {expect['line']}")
    if expect.get("column") is not None:
        parts.append(f"column {expect['column']}")
    return ", ".join(parts) + ":"


@pytest.fixture(scope="module")
def good_db(tmp_path_factory) -> Path:
    """A database built from the real data/ and queries/; each case starts from a copy of it."""
    path = tmp_path_factory.mktemp("good") / "good.duckdb"
    build(path, DATA_DIR, QUERIES_DIR)
    return path


@pytest.mark.parametrize("name", CASES)
def test_bad_input_names_the_place_and_keeps_the_last_good_database(name, project_copy, good_db, tmp_path):
    case = _case(name)
    expect = case["expect"]
    for rel in case.get("remove", []):
        (project_copy / rel).unlink()
    for rel in _files(name):
        (project_copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name / rel, project_copy / rel)
    db = tmp_path / "db" / "good.duckdb"
    db.parent.mkdir()
    shutil.copyfile(good_db, db)
    before = _sha(db)
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "build", "--db", str(db), "--data-dir", str(project_copy / "data"), "--queries-dir", str(project_copy / "queries")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 2, run.stdout + run.stderr
    message = run.stderr
    assert "Traceback" not in message, message
    assert message.startswith("build failed: "), message
    first = message.splitlines()[0]
    assert location(expect) in first, f"{location(expect)!r} not in:\n{message}"
    assert f"{project_copy}/{expect['file']}" in first, f"the message does not name the copy's {expect['file']}:\n{message}"
    assert expect["words"] in message, f"{expect['words']!r} not in:\n{message}"
    assert _sha(db) == before, "the failed build changed the last good database"
    assert sorted(p.name for p in db.parent.iterdir()) == ["good.duckdb"], "the failed build left a temporary file"


# ----------------------------------------------------------------------------- the corpus itself


def test_corpus_covers_the_required_cases():
    assert REQUIRED <= set(CASES), f"missing cases: {sorted(REQUIRED - set(CASES))}"


@pytest.mark.parametrize("name", CASES)
def test_case_is_complete_and_every_file_is_used(name):
    """No orphan folder: each has a case.yaml with an expectation, and each file in it replaces a
    project file (or is declared as an addition); removals name real files."""
    assert (CORPUS / name / CASE_FILE).is_file(), f"tests/pipeline/bad_data/{name}/ has no {CASE_FILE}, so it would never run"
    case = _case(name)
    assert set(case) <= {"what", "expect", "remove", "adds"}, f"{name}: unknown keys {set(case) - {'what', 'expect', 'remove', 'adds'}}"
    assert str(case.get("what") or "").strip(), f"{name}: say what the case is under 'what'"
    expect = case["expect"]
    assert set(expect) == {"file", "line", "column", "words"} and expect["file"] and expect["words"], f"{name}: expect needs file, line, column, words"
    adds = set(case.get("adds", []))
    files = _files(name)
    assert files or case.get("remove"), f"{name}: the case neither replaces, adds nor removes a file"
    for rel in files:
        assert rel.split("/")[0] in ("data", "queries"), f"{name}: {rel} is not under data/ or queries/"
        exists = (ROOT / rel).is_file()
        if rel in adds:
            assert not exists, f"{name}: {rel} is declared under 'adds' but replaces a real file"
        else:
            assert exists, f"{name}: {rel} replaces no file of the project (a typo?); declare a new file under 'adds'"
    assert adds <= set(files), f"{name}: 'adds' names files the case does not hold: {sorted(adds - set(files))}"
    for rel in case.get("remove", []):
        assert (ROOT / rel).is_file(), f"{name}: 'remove' names {rel}, which the project does not have"


def test_corpus_has_no_stray_files():
    stray = [p.name for p in CORPUS.iterdir() if p.is_file() and p.name not in ("README.md", ".gitattributes")]
    assert not stray, f"files at the top of tests/pipeline/bad_data/ that no case uses: {stray}"


def test_byte_level_cases_are_stored_as_such():
    """git must not convert these (tests/pipeline/bad_data/.gitattributes: * -text)."""
    assert (CORPUS / ".gitattributes").read_text(encoding="utf-8").split() == ["*", "-text"]
    assert (CORPUS / "byte_order_mark/data/qualifiers.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    crlf = (CORPUS / "crlf_line_ends/data/qualifiers.csv").read_bytes()
    assert b"\r\n" in crlf and b"\n" not in crlf.replace(b"\r\n", b"")
    latin1 = (CORPUS / "not_utf8/data/qualifiers.csv").read_bytes()
    assert "Wärtsilä".encode("latin-1") in latin1
    with pytest.raises(UnicodeDecodeError):
        latin1.decode("utf-8")
    assert (CORPUS / "empty_file/data/qualifiers.csv").read_bytes() == b""


def test_the_real_data_builds(good_db):
    """The corpus only makes sense if the unbroken project builds (the fixture would have raised)."""
    assert good_db.stat().st_size > 0
