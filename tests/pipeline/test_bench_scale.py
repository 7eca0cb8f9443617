"""The benchmark's data generator (bench/scale.py) writes a scaled copy of data/ that the build
accepts: keys unique, foreign keys valid, CHECK constraints kept. Run at ×2 to stay fast; the
benchmark itself runs it at ×100."""

from __future__ import annotations

import duckdb

from bench.scale import write_scaled
from dashboard.pipeline.build import build


def test_scaled_copy_builds(tmp_path):
    factor = 2
    data = tmp_path / "data"
    report = write_scaled(data, factor, log=lambda _: None)
    built = build(tmp_path / "scaled.duckdb", data_dir=data)

    con = duckdb.connect(str(built.db_path), read_only=True)
    try:
        for t in report:
            assert built.tables[t.name] == t.rows * t.copies, t.name
            assert t.copies in (1, factor), t.name
        scaled = {t.name for t in report if t.copies == factor}
        # every table but the one whose key is fixed by a CHECK (periods) is scaled
        assert "sipri_register" in scaled and "exercises" in scaled and "sources" in scaled
        assert {t.name for t in report if t.copies == 1} <= {"periods"}
        # reference tables keep being referred to by their original keys
        assert con.execute("select count(*) from sipri_register where source_id <> 'sipri_at_2025'").fetchall()[0][0] == 0
        # copies keep the shape of what pages filter on: twice the Russia → China deals
        ru_cn = con.execute("select count(*) from sipri_register where supplier = 'Russia' and recipient = 'China'").fetchall()[0][0]
        assert ru_cn > 0 and ru_cn % factor == 0
        # and every view still answers
        for (view,) in con.execute("select name from meta_relations where kind = 'view'").fetchall():
            con.execute(f'select count(*) from "{view}"').fetchall()
    finally:
        con.close()
