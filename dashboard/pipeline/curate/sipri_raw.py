"""The SIPRI raw files as PROVENANCE.md describes them, and the primitives both SIPRI imports use
(:mod:`.sipri` for the files of the March 2025 register, :mod:`.sipri_releases` for the further
releases): the refusal error, the files' checksums and stamps, strict cell readers, and the
register's record splitter. Imports neither of them, so neither imports the other's importer."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal


class CurateError(Exception):
    """A raw file is not what PROVENANCE.md says it is; the import stops and writes nothing."""


@dataclass(frozen=True)
class RawFile:
    key: str
    path: str           # relative to RAW_DIR
    sha256: str
    encoding: str
    generated: str      # the stamp after "Data generated: " (date part only for the dyadic blocks)
    generated_iso: str
    source_id: str
    repository: str
    commit: str
    table: str


#: The raw files, as PROVENANCE.md describes them (checksums, generation dates, origin).
RAW_FILES = {
    f.key: f
    for f in (
        RawFile("register", "sipri_trade_register/trade-register.csv",
                "915257da0889e15d59936dbdf756529c34ee33c3a0c2ae73183d9cd8fd4b9c92", "latin-1",
                "13 Mar 2025 10:02:49 AM", "2025-03-13", "sipri_at_2025",
                "ColasDroin/SIPRI_arms_transfers_analysis", "3439ef7d225f26de4a273cb08b051e51c8081eb9",
                "sipri_register"),
        RawFile("dyadic", "sipri_tiv_dyadic_2024/163_Countries_TIV_2024.csv",
                "2f19fe1329675cdbb5406028676f8af66d3cab47d04aacc3b0c885d152e25ab5", "ascii",
                "24 Apr 2025", "2025-04-24", "sipri_tiv_2025_04",
                "Chaoyi-Lu/Mixed-Latent-Position-Cluster-Model", "069624698a1978e9885a5ef7f719e53cba3d71ab",
                "sipri_dyadic_2024"),
        RawFile("imports", "sipri_tiv_totals_2024release/import-export-values_1950-2024.csv",
                "77f25767db512c49e9132bb2a2f2dbd34f8455afd22bf62d50670a0a872f248d", "ascii",
                "13 Oct 2024 12:33:29 PM", "2024-10-13", "sipri_tiv_2024_10",
                "MJHofmann/SIPRI_BRICS", "476134311a192f43e0a856357c97c8f35274eb30",
                "sipri_imports_by_recipient"),
        RawFile("exports", "sipri_tiv_totals_2024release/import-export-values_1950-2024_1950-2024.csv",
                "5c69f62630d0bc112bce96779e2a790a3a4cb14253afe01403175cfd15dae794", "ascii",
                "13 Oct 2024 12:33:53 PM", "2024-10-13", "sipri_tiv_2024_10",
                "MJHofmann/SIPRI_BRICS", "476134311a192f43e0a856357c97c8f35274eb30",
                "sipri_exports_by_supplier"),
    )
}

#: The four broken register records named in PROVENANCE.md: (physical line of the first part,
#: recipient, supplier, year of order, weapon designation).
KNOWN_BROKEN_RECORDS = (
    (5432, "Cote d'Ivoire", "United States", 2024, "vehicle engine"),
    (21488, "Saudi Arabia", "Germany", 2024, "ship engine"),
    (25178, "Thailand", "Ukraine", 2008, "BTR-3"),
    (27955, "United Nations**", "Israel", 2015, "Hermes-900"),
)

REGISTER_PREAMBLE_LINES = 11
REGISTER_HEADER = [
    "Recipient", "Supplier", "Year of order", " ", "Number ordered", " ", "Weapon designation",
    "Weapon description", "Number delivered", " ", "Year(s) of delivery", "status", "Comments",
    "SIPRI TIV per unit", "SIPRI TIV for total order", "SIPRI TIV of delivered weapons",
]
STATUSES = ("New", "Second hand", "Second hand but modernized")


_INT = re.compile(r"[0-9]+")
_NUM = re.compile(r"[0-9]+(\.[0-9]+)?")
_YEAR = re.compile(r"[0-9]{4}")
_YEARS = re.compile(r"[0-9]{4}(; [0-9]{4})*")
_SOURCE_LINE = "Source: SIPRI Arms Transfers Database (c) SIPRI."


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise CurateError(f"{name}: byte {e.start} is not {encoding}") from None


def _num(text: str, where: str) -> str:
    """A raw TIV cell ('27', '25.5', '0.03') in its shortest exact decimal form."""
    if not _NUM.fullmatch(text):
        raise CurateError(f"{where}: {text!r} is not a number")
    return format(Decimal(text).normalize(), "f")


def read_register_records(text: str, name: str = "trade-register.csv") -> tuple[list[tuple[int, list[str], bool]], list[int]]:
    """Split the register (already decoded) into records of 16 raw fields.

    Returns ``[(first physical line, fields, repaired)]`` and the lines of the repaired records. A
    broken record is a 13-field line followed by a line of exactly 4 fields whose first is empty
    (the three TIV columns); they are joined. Anything else that is not 16 fields stops the import.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    n_pre = REGISTER_PREAMBLE_LINES
    if len(lines) <= n_pre:
        raise CurateError(f"{name}: only {len(lines)} lines; expected an {n_pre}-line preamble, a header and records")
    header = next(csv.reader([lines[n_pre]], strict=True))
    if header != REGISTER_HEADER:
        raise CurateError(f"{name}: line {n_pre + 1}: unexpected header {header!r}; expected {REGISTER_HEADER!r}")
    records: list[tuple[int, list[str], bool]] = []
    repaired: list[int] = []
    i = n_pre + 1
    while i < len(lines):
        line_no = i + 1
        line = lines[i]
        if "\r" in line[:-1]:
            raise CurateError(f"{name}: line {line_no}: carriage return inside a line")
        try:
            fields = next(csv.reader([line], strict=True)) if line else []
        except csv.Error as e:
            raise CurateError(f"{name}: line {line_no}: malformed CSV ({e})") from None
        if len(fields) == 16:
            if line.endswith("\r"):
                raise CurateError(f"{name}: line {line_no}: stray carriage return at the end of a complete record")
            records.append((line_no, fields, False))
            i += 1
            continue
        if len(fields) == 13 and i + 1 < len(lines):
            nxt = next(csv.reader([lines[i + 1]], strict=True)) if lines[i + 1] else []
            if len(nxt) == 4 and nxt[0] == "":
                # The Comments field ended in a line break (LF, or CR LF) outside quotes.
                fields[12] = fields[12].rstrip("\r")
                records.append((line_no, fields + nxt[1:], True))
                repaired.append(line_no)
                i += 2
                continue
        raise CurateError(
            f"{name}: line {line_no}: malformed record with {len(fields)} fields; expected 16 "
            "(or one of the known broken records: 13 fields, then a line of an empty field and the 3 TIV columns)"
        )
    return records, repaired
