"""The build loads a curated file in one statement when its cells fit their types, and checks it
cell by cell only when the database refuses it: both ways load the same rows, and a refused file
is still named by file, line and column (tests/pipeline/bad_data)."""

import duckdb
import pytest

from dashboard.core.errors import BuildError
from dashboard.pipeline import build as b


def _load_all(monkeypatch, checked: bool) -> duckdb.DuckDBPyConnection:
    if checked:
        monkeypatch.setattr(b, "_cells_fit", lambda t, rows: False)  # every file through the cell-by-cell checks
    tables = b.discover_tables()
    con = duckdb.connect()
    for t in tables:
        con.execute(t.ddl)
    columns = b._table_columns(con, [t.name for t in tables])
    for t in tables:
        t.columns = columns[t.name]
        b.load_table(con, t)
    return con


def test_the_one_statement_load_reads_what_the_checked_load_reads(monkeypatch):
    fast = _load_all(monkeypatch, checked=False)
    checked = _load_all(monkeypatch, checked=True)
    curated = [t.name for t in b.discover_tables() if not b._SNAPSHOT_MARK.search(t.ddl)]
    assert len(curated) > 15
    for name in curated:
        rows = lambda con: con.execute(f'select * from "{name}"').fetchall()  # noqa: E731 (insertion order: the file's)
        assert rows(fast) == rows(checked), name


def test_a_cell_that_does_not_fit_goes_to_the_checks(project_copy):
    path = project_copy / "data" / "supply_dependencies.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = next(__import__("csv").reader([lines[3]]))
    cells[header.index("share_pct")] = "58%"
    lines[3] = ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BuildError) as e:
        b.build(project_copy / "x.duckdb", project_copy / "data", project_copy / "queries")
    assert "line 4" in str(e.value) and "share_pct" in str(e.value) and "'58%'" in str(e.value), str(e.value)
