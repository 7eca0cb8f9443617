"""Bad input stops the build with exit status 2 and one message naming file, line and column,
and the last good database stays byte-identical."""

import hashlib
import subprocess
import sys

import pytest

from dashboard.build import build
from dashboard.paths import ROOT


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line(path, n):
    return path.read_text(encoding="utf-8").splitlines()[n - 1]


def _append(path, line):
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


def wrong_type(d):
    _edit(d / "data/periods.csv", ",1,\"From the first", ",first,\"From the first")
    return "data/periods.csv", "line 2", "column sort_order", "'first' is not a valid integer"


def missing_column(d):
    p = d / "data/qualifiers.csv"
    lines = [",".join(l.split(",")[:-1]) for l in p.read_text(encoding="utf-8").splitlines()]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "data/qualifiers.csv", "line 1", "column sort_order", "missing column sort_order"


def extra_column(d):
    p = d / "data/qualifiers.csv"
    lines = p.read_text(encoding="utf-8").splitlines()
    p.write_text("\n".join([lines[0] + ",colour"] + [l + ",red" for l in lines[1:]]) + "\n", encoding="utf-8")
    return "data/qualifiers.csv", "line 1", "column colour", "unexpected column colour"


def unknown_source(d):
    _append(d / "data/source_disagreements.csv", "zz_test,topic,sources_disagree,no_such_source,a,,b,c")
    n = len((d / "data/source_disagreements.csv").read_text(encoding="utf-8").splitlines())
    return "data/source_disagreements.csv", f"line {n}", "column reading_a_source_id", "unknown source_id 'no_such_source'"


def duplicate_key(d):
    p = d / "data/qualifiers.csv"
    _append(p, _line(p, 2).replace(",1", ",99"))
    n = len(p.read_text(encoding="utf-8").splitlines())
    return "data/qualifiers.csv", f"line {n}", "column qualifier", "duplicate primary key 'exact', also on line 2"


def failed_check(d):
    _edit(d / "data/sources.csv", ",2025,,\"Quoted", ",1850,,\"Quoted")
    return "data/sources.csv", "line 2", "column year", "fails the check"


def not_utf8(d):
    p = d / "data/qualifiers.csv"
    p.write_bytes(p.read_bytes().replace("approximate figure".encode(), "approximate Wärtsilä".encode("latin-1")))
    return "data/qualifiers.csv", "line 5", "column description", "not UTF-8"


def empty_file(d):
    (d / "data/qualifiers.csv").write_bytes(b"")
    return "data/qualifiers.csv", "line 1", "", "the file is empty"


def header_only(d):
    p = d / "data/qualifiers.csv"
    p.write_text(_line(p, 1) + "\n", encoding="utf-8")
    return "data/qualifiers.csv", "line 2", "", "a header but no rows"


def byte_order_mark(d):
    p = d / "data/qualifiers.csv"
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    return "data/qualifiers.csv", "line 1", "", "byte-order mark"


def crlf_line_ends(d):
    p = d / "data/qualifiers.csv"
    p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    return "data/qualifiers.csv", "line 1", "", "CRLF"


def unterminated_quote(d):
    _edit(d / "data/qualifiers.csv", '""over"").",3', '""over"").,3')
    return "data/qualifiers.csv", "line 4", "", "quoted field"


def missing_not_null(d):
    _edit(d / "data/periods.csv", "Before 2014,Before 2014", ",Before 2014")
    return "data/periods.csv", "line 2", "column label", "empty value"


def sidecar_missing(d):
    (d / "data/qualifiers.meta.yaml").unlink()
    return "data/qualifiers.csv", "", "", "no metadata sidecar"


def sidecar_names_absent_column(d):
    _edit(d / "data/qualifiers.meta.yaml", "  sort_order:", "  colour: {description: not a column}\n  sort_order:")
    return "data/qualifiers.meta.yaml", "line", "column colour", "does not have"


def broken_view(d):
    (d / "queries/marts/zz_broken.sql").write_text("-- broken on purpose\ncreate view zz_broken as\nselect no_such_column\nfrom periods\n", encoding="utf-8")
    return "queries/marts/zz_broken.sql", "line 3", "column 8", "the view's SQL failed"


def view_not_named_after_file(d):
    (d / "queries/marts/zz_named.sql").write_text("create view something_else as select 1 as x\n", encoding="utf-8")
    return "queries/marts/zz_named.sql", "line 1", "", "named after its file"


CASES = [wrong_type, missing_column, extra_column, unknown_source, duplicate_key, failed_check, not_utf8, empty_file,
         header_only, byte_order_mark, crlf_line_ends, unterminated_quote, missing_not_null, sidecar_missing,
         sidecar_names_absent_column, broken_view, view_not_named_after_file]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_bad_input_names_the_place_and_keeps_the_last_good_database(case, project_copy, tmp_path):
    db = tmp_path / "good.duckdb"
    build(db, project_copy / "data", project_copy / "queries")
    before = _sha(db)
    file, line, column, words = case(project_copy)
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "build", "--db", str(db), "--data-dir", str(project_copy / "data"), "--queries-dir", str(project_copy / "queries")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 2, run.stdout + run.stderr
    message = run.stderr
    assert "Traceback" not in message
    for part in (file, line, column, words):
        assert part in message, f"{part!r} not in:\n{message}"
    assert _sha(db) == before
    assert not list(tmp_path.glob("good.duckdb.tmp*")), "the failed build left a temporary file"
