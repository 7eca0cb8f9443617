"""Large SIPRI tables marked '-- load: upstream snapshot' are loaded with DuckDB's typed CSV reader,
not cell by cell, and a broken copy is still refused with the file, line and column named."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.core.errors import BuildError
from dashboard.pipeline import build as b

SNAPSHOTS = ("sipri_register", "sipri_releases", "sipri_release_files", "sipri_release_deals", "sipri_deliveries_per_year",
             "sipri_release_2026_deliveries_2025", "sipri_dyad_year", "sipri_release_registers")


def _load(root, name: str):
    tables = {t.name: t for t in b.discover_tables(root / "data", root / "queries" / "tables")}
    con = duckdb.connect()
    for dep in ("sipri_releases", name):
        t = tables[dep]
        con.execute(t.ddl)
        t.columns = b._table_columns(con, [t.name])[t.name]
        b.load_table(con, t)
    return con


def test_snapshot_tables_skip_the_cell_by_cell_reader(monkeypatch, project_copy):
    tables = {t.name: t for t in b.discover_tables(project_copy / "data", project_copy / "queries" / "tables")}
    assert {n for n, t in tables.items() if b._SNAPSHOT_MARK.search(t.ddl)} == set(SNAPSHOTS)
    calls = []
    real = b.read_csv_cells
    monkeypatch.setattr(b, "read_csv_cells", lambda path: calls.append(path.name) or real(path))
    con = _load(project_copy, "sipri_dyad_year")
    assert calls == []  # neither sipri_releases.csv nor sipri_dyad_year.csv
    assert con.execute("select count(*) from sipri_dyad_year where release = 2025 and supplier = 'Russia' and recipient = 'China'").fetchall()[0][0] == 30


def _break(root, edit) -> None:
    path = root / "data" / "sipri_dyad_year.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    edit(lines)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("edit", "message", "line", "column"), [
    (lambda ls: ls.insert(3, ls[2]), "duplicate primary key", 4, "release, supplier, recipient, year"),
    (lambda ls: ls.__setitem__(2, ls[2].replace(",sipri_", ",,", 1).replace("per_year,", "", 1).replace("table,", "", 1)),
     "empty value in a column that requires one", 3, "method"),
    (lambda ls: ls.__setitem__(2, ls[2].replace(",false,", ",true,", 1)), "fails the check", 3, "is_estimate, method"),
])
def test_broken_snapshot_is_refused_with_its_place(project_copy, edit, message, line, column):
    _break(project_copy, edit)
    with pytest.raises(BuildError) as e:
        _load(project_copy, "sipri_dyad_year")
    text = str(e.value)
    assert message in text and f"line {line}" in text and column in text, text


def test_a_cell_of_the_wrong_type_is_refused(project_copy):
    _break(project_copy, lambda ls: ls.__setitem__(2, ls[2].replace(",false,", ",maybe,", 1)))
    with pytest.raises(BuildError, match=r"sipri_dyad_year.csv.*DuckDB's CSV reader refused the file"):
        _load(project_copy, "sipri_dyad_year")


def test_crlf_in_a_snapshot_is_refused(project_copy):
    path = project_copy / "data" / "sipri_dyad_year.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n", 3))
    with pytest.raises(BuildError, match=r"CRLF"):
        _load(project_copy, "sipri_dyad_year")
