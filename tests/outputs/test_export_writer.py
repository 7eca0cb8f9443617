"""The CSV writer: BOM, RFC 4180 quoting, ISO dates, formula neutralisation of text only."""

import csv
import datetime as dt
import io

import pandas as pd

from dashboard.outputs.export import to_csv_bytes

DANGEROUS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"]


def _read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_bom_header_and_crlf():
    data = to_csv_bytes(pd.DataFrame({"a": [1], "b": ["x"]}))
    assert data == b"\xef\xbb\xbfa,b\r\n1,x\r\n"


def test_commas_quotes_and_newlines_are_quoted():
    values = ["a,b", 'say "hi"', "line 1\nline 2", "line 1\r\nline 2", "Wärtsilä “curly”"]
    data = to_csv_bytes(pd.DataFrame({"text": values}))
    assert b'"a,b"' in data and b'"say ""hi"""' in data and b'"line 1\nline 2"' in data
    assert [r[0] for r in _read(data)[1:]] == values


def test_text_that_starts_a_formula_is_neutralised():
    rows = _read(to_csv_bytes(pd.DataFrame({"text": DANGEROUS})))
    assert [r[0] for r in rows[1:]] == ["'" + v for v in DANGEROUS]


def test_numbers_stay_numbers_and_negatives_stay_negative():
    frame = pd.DataFrame({"n": [-5, 0, 7], "x": [-2.25, 1.5, float("nan")], "t": ["-5", "5", None], "b": [True, False, True]})
    rows = _read(to_csv_bytes(frame))
    assert rows[1:] == [["-5", "-2.25", "'-5", "true"], ["0", "1.5", "5", "false"], ["7", "", "", "true"]]


def test_dates_are_iso_and_header_cells_are_safe():
    frame = pd.DataFrame({"=day": pd.to_datetime(["2022-02-24", None]), "when": [dt.date(2014, 1, 1), None]})
    rows = _read(to_csv_bytes(frame))
    assert rows == [["'=day", "when"], ["2022-02-24", "2014-01-01"], ["", ""]]
