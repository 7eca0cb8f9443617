"""Issue #14: the native formats. Every relation's ZIP bundle passes Frictionless (its Python API,
foreign keys included); the .xlsx opened by LibreOffice Calc (headless) gives back the same values
and types; CSV, xlsx and Parquet of one filter hold the same rows; the same filters on the same
build give the same bytes."""

import csv
import datetime as dt
import io
import subprocess
import zipfile

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from dashboard.outputs import bundle, export, spreadsheet
from tests.outputs.test_spreadsheet_safety import soffice  # noqa: F401 (the fixture: LibreOffice, or a skip)

frictionless = pytest.importorskip("frictionless")


def _extract(data: bytes, folder):
    zipfile.ZipFile(io.BytesIO(data)).extractall(folder)
    return folder / "datapackage.json"


def _default_filters(database, relation):
    from dashboard.outputs import filters
    from dashboard.pipeline import catalog

    values = None
    if "release" in catalog.filter_columns(database, relation):
        values = {"release": [max(catalog.distinct_values(database, relation, "release"), key=int)]}
    return export.choose(database, relation, values=values, per_deal=relation in filters.ROLLUPS)


@pytest.mark.slow
def test_every_relations_bundle_is_a_valid_frictionless_package(database, tmp_path):
    failures = {}
    for relation in database.relations():
        file = bundle.download(database, _default_filters(database, relation), "zip")
        report = frictionless.validate(str(_extract(file.data, tmp_path / relation)))
        if not report.valid:
            failures[relation] = report.flatten(["type", "note"])[:3]
    assert not failures, failures


def test_frictionless_checks_the_foreign_keys(database, tmp_path):
    """The check has teeth: a bundle whose sources.csv lost a row cited by the rows is invalid."""
    file = bundle.download(database, export.choose(database, "exercise_list", period="since_2022"), "zip")
    package = _extract(file.data, tmp_path)
    assert frictionless.validate(str(package)).valid
    sources = (tmp_path / "sources.csv").read_bytes().split(b"\r\n")
    (tmp_path / "sources.csv").write_bytes(b"\r\n".join(sources[:1] + sources[2:]))
    report = frictionless.validate(str(package), skip_errors=["hash-count", "byte-count"])
    assert not report.valid and "foreign-key" in str(report.flatten(["type"]))


# ----------------------------------------------------------------------------- the same rows in every format

def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _norm(value) -> str:
    """A value as text, the same way whichever file it was read from."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    text = str(value)
    return "'" + text if text.startswith(export.FORMULA_STARTS) else text  # as the CSV writes it


@pytest.mark.parametrize("relation,choices", [
    ("exercise_list", dict(period="since_2022")),
    ("arms_deal_deliveries", dict(years=(2014, 2024), values={"supplier": ["Russia"], "recipient": ["China"], "release": ["2025"]}, per_deal=True)),
    ("commodity_flow_list", {}),
])
def test_csv_xlsx_and_parquet_of_one_filter_hold_the_same_rows(database, relation, choices):
    f = export.choose(database, relation, **choices)
    header, *csv_rows = _csv_rows(bundle.download(database, f, "csv").data)
    book = openpyxl.load_workbook(io.BytesIO(bundle.download(database, f, "xlsx").data))
    sheet = book["data"]
    xlsx_rows = [[_norm(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    table = pq.read_table(io.BytesIO(bundle.download(database, f, "parquet").data))
    parquet_rows = [[_norm(v) for v in row.values()] for row in table.to_pylist()]
    assert xlsx_rows[0] == header == table.column_names
    assert len(csv_rows) == len(xlsx_rows) - 1 == len(parquet_rows) > 0
    assert xlsx_rows[1:] == csv_rows == parquet_rows
    assert sheet.freeze_panes == "A2" and "about" in book.sheetnames
    assert all(6 <= sheet.column_dimensions[c].width <= 60 for c in ("A", "B")) and sheet["A1"].font.bold


def test_parquet_is_typed_and_described(database):
    f = export.choose(database, "exercise_list")
    table = pq.read_table(io.BytesIO(bundle.download(database, f, "parquet").data))
    types = {field.name: str(field.type) for field in table.schema}
    assert types["year"] == "int32" and types["start_date"] == "date32[day]" and types["counted"] == "bool" and types["period_ids"].startswith("list")
    assert table.schema.field("year").metadata[b"unit"] == b"year"
    assert b"dashboard" in table.schema.metadata


@pytest.mark.parametrize("fmt", bundle.FORMATS)
def test_the_same_filters_give_the_same_bytes(database, fmt):
    f = export.choose(database, "exercise_list", period="since_2022")
    assert bundle.download(database, f, fmt).data == bundle.download(database, f, fmt).data
    if fmt in ("xlsx", "zip"):
        built = database.build_info()["built_at"]
        stamps = {i.date_time for i in zipfile.ZipFile(io.BytesIO(bundle.download(database, f, fmt).data)).infolist()}
        assert stamps == {(*built.timetuple()[:5], built.second // 2 * 2)}


# ----------------------------------------------------------------------------- LibreOffice

TRICKY = pd.DataFrame({
    "designation": ["APR-1", "MAR-1", "October 2023", "70.0%", "=1+1", "Wärtsilä → China", "1/2", "0012"],
    "number": [1, -2, 3, 4, 5, 6, 7, 8],
    "share": [0.5, -1.25, 70.0, float("nan"), 1e-7, 12345.678, 0.0, 3.0],
    "flag": [True, False, True, False, True, False, True, False],
    "day": pd.to_datetime(["2022-02-24", "2014-01-01", None, "2023-10-01", "1992-12-31", "2025-06-30", "2000-02-29", "1950-01-01"]),
})


def _through_calc(soffice, folder, data: bytes):
    """The workbook opened and saved again by LibreOffice Calc: what Calc made of each cell."""
    (folder / "in.xlsx").write_bytes(data)
    run = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder / "out"), str(folder / "in.xlsx")],
                         capture_output=True, text=True, timeout=300)
    out = folder / "out" / "in.xlsx"
    assert out.exists(), run.stdout + run.stderr
    formulas = [c.coordinate for row in openpyxl.load_workbook(out)["data"].iter_rows() for c in row if c.data_type == "f" and not str(c.value).startswith(("=TRUE()", "=FALSE()"))]
    assert not formulas, f"Calc made formulas of {formulas}"  # (Calc writes its booleans as =TRUE()/=FALSE())
    return openpyxl.load_workbook(out, data_only=True)


def test_libreoffice_reads_back_the_same_values_and_types(soffice, tmp_path):
    data = spreadsheet.workbook_bytes(TRICKY, [("Filter", "none")], dt.datetime(2026, 1, 2, 3, 4, 5))
    sheet = _through_calc(soffice, tmp_path, data)["data"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(TRICKY.columns)
    for got, want in zip(rows[1:], TRICKY.itertuples(index=False)):
        assert got[0] == want.designation and isinstance(got[0], str)  # text stays text: no date, no 0.7, no formula
        assert got[1] == want.number and isinstance(got[1], (int, float)) and not isinstance(got[1], bool)
        assert (got[2] is None) if pd.isna(want.share) else got[2] == pytest.approx(want.share)
        assert got[3] == want.flag and not isinstance(got[3], str)  # a boolean (Calc: a number formatted TRUE/FALSE)
        assert (got[4] is None) if pd.isna(want.day) else (isinstance(got[4], dt.datetime) and got[4].date() == want.day.date())
    # (the frozen header and the widths are view settings, which a headless conversion drops:
    # they are checked on the file itself in test_csv_xlsx_and_parquet_of_one_filter_hold_the_same_rows)


def test_libreoffice_reads_a_real_export(soffice, database, tmp_path):
    f = export.choose(database, "exercise_list", period="since_2022")
    book = _through_calc(soffice, tmp_path, bundle.download(database, f, "xlsx").data)
    rows = list(book["data"].iter_rows(values_only=True))
    header = list(rows[0])
    frame = export.fetch(database, f)
    assert len(rows) - 1 == len(frame)
    year, start, counted = header.index("year"), header.index("start_date"), header.index("counted")
    assert all(isinstance(r[year], (int, float)) for r in rows[1:])
    assert all(r[start] is None or isinstance(r[start], dt.datetime) for r in rows[1:])
    assert all(r[counted] in (True, False) and not isinstance(r[counted], str) for r in rows[1:])
    about = [tuple(r) for r in book["about"].iter_rows(values_only=True)]
    assert ("Filter", f"period: {export.describe(f)[0].split(': ', 1)[1]}") in about
    assert any(r[0] == "Column" and r[1].startswith("year (integer, year)") for r in about)
    assert any(r[0] == "Source" for r in about) and any(r[0] == "Licence" for r in about) and any(r[0] == "Database built" for r in about)


def test_text_a_workbook_cannot_hold_is_marked_not_lost(tmp_path):
    frame = pd.DataFrame({"t": ["a\x01b", "=SUM(1,2)", "<&>"], "n": [1.5, float("inf"), None]})
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet.workbook_bytes(frame, [], dt.datetime(2026, 1, 2))))["data"]
    assert [c.value for c in sheet["A"][1:]] == ["a\ufffdb", "=SUM(1,2)", "<&>"]
    assert all(c.data_type == "s" for c in sheet["A"][1:])  # text, never a formula
    assert [c.value for c in sheet["B"][1:]] == [1.5, None, None]
