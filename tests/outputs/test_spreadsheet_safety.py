"""Exported CSV opened by a real spreadsheet (LibreOffice Calc, headless): no cell becomes a
formula, neutralised text stays literal text, and numbers (negatives too) stay numbers.

LibreOffice converts each CSV to .xlsx; the sheet's XML then says, cell by cell, whether Calc made
it a formula (<f>), a number (t="n") or text. A raw CSV with formulas is converted alongside as a
control, so the test fails if Calc stopped evaluating formulas (and so proved nothing).
Needs `soffice` (Debian: libreoffice-calc-nogui): skipped without it, except in CI.
"""

import datetime as dt
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pandas as pd
import pytest

from dashboard.outputs import bundle, export
from dashboard.outputs.export import to_csv_bytes

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
INJECTED = ["=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0", "-"]


@pytest.fixture(scope="module")
def soffice():
    path = shutil.which("soffice")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing: CI installs Debian's libreoffice-calc-nogui")
        pytest.skip("soffice (LibreOffice) is not installed: apt-get install libreoffice-calc-nogui")
    return path


def _open_in_calc(soffice, folder, files: dict[str, bytes]) -> dict[str, list[list[tuple[str, str, bool]]]]:
    """Convert CSV files to .xlsx with Calc; each sheet as rows of (type, value, is_formula)."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    run = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile", "--infilter=CSV:44,34,76,1,,1033",
         "--convert-to", "xlsx", "--outdir", str(folder / "out"), *(str(folder / n) for n in files)],
        capture_output=True, text=True, timeout=300,
    )
    return {name: _cells(folder / "out" / (name.rsplit(".", 1)[0] + ".xlsx"), run) for name in files}


def _cells(xlsx, run) -> list[list[tuple[str, str, bool]]]:
    assert xlsx.exists(), run.stdout + run.stderr
    with zipfile.ZipFile(xlsx) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            strings = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        cells: list[tuple[str, str, bool]] = []
        for c in row.findall("m:c", NS):
            kind, v = c.get("t", "n"), c.find("m:v", NS)
            value = "" if v is None else v.text or ""
            if kind == "s":
                value = strings[int(value)]
            column = _column_index(c.get("r"))
            cells += [("", "", False)] * (column - len(cells))  # Calc leaves empty cells out
            cells.append((kind, value, c.find("m:f", NS) is not None))
        rows.append(cells)
    return rows


def _column_index(ref: str) -> int:
    """0-based column of a cell reference such as 'AB12'."""
    n = 0
    for ch in ref.rstrip("0123456789"):
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def test_no_formula_runs_and_numbers_stay_numbers(soffice, tmp_path, database):
    frame = pd.DataFrame({"text": INJECTED, "count": range(-4, 5), "share": [-2.5, -0.25, 0.0, 1.5, 2.25, 3.0, 1e6, -1e6, 0.125]})
    real = export.choose(database, "exercise_list")
    real_csv = bundle.download(database, real, "csv", dt.date.today()).data
    control = "text,count\r\n=1+1,1\r\n"
    sheets = _open_in_calc(soffice, tmp_path, {"injected.csv": to_csv_bytes(frame), "real.csv": real_csv, "control.csv": control.encode()})

    assert sheets["control.csv"][1][0][2], "Calc did not evaluate the control formula: this test would prove nothing"

    header, *rows = sheets["injected.csv"]
    assert [v for _, v, _ in header] == ["text", "count", "share"]
    assert len(rows) == len(frame)
    for cells, text, count, share in zip(rows, frame["text"], frame["count"], frame["share"]):
        assert not any(f for _, _, f in cells), cells
        kind, value, _ = cells[0]
        assert kind in ("s", "inlineStr") and value.startswith("'") and value.replace("\r\n", "\n") in ("'" + text, "'" + text.replace("\r", "\n"))
        assert cells[1][0] == "n" and int(float(cells[1][1])) == count
        assert cells[2][0] == "n" and float(cells[2][1]) == share

    header, *rows = sheets["real.csv"]
    assert [v for _, v, _ in header] == database.columns["exercise_list"]
    assert len(rows) == len(database.fetch(export.to_query(real)))
    assert not any(f for row in rows for _, _, f in row)
    year = database.columns["exercise_list"].index("year")
    assert all(row[year][0] == "n" for row in rows)
