"""SIPRI releases as data, and SIPRI's own yearly values per supplier → recipient pair.

Called by ``python -m dashboard.pipeline.curate sipri RAW_DIR`` (see :mod:`.sipri`); it writes:

* ``sipri_releases.csv``          one row per SIPRI release (2016, 2022, 2024, 2025, 2026);
* ``sipri_release_files.csv``     which raw file belongs to which release, its export scope and the
  delivery years it covers (the files themselves, with checksums, are in ``sipri_raw_files.csv``);
* ``sipri_release_deals.csv``     one row per SIPRI deal (``SIPRI AT Database ID``) and release of the
  per-delivery-year registers (2025 release: 1995–2024; 2024 release: 1950–2023);
* ``sipri_deliveries_per_year.csv`` one row per deal, release and delivery year, with SIPRI's TIV
  delivered that year and SIPRI's uncertainty flags;
* ``sipri_release_2026_deliveries_2025.csv`` the 2026 register's deals with deliveries in 2025 and
  the TIV we attribute to 2025 (see :func:`estimate_2025`);
* ``sipri_dyad_year.csv``          supplier, recipient, year, release, method, TIV: every pair-year.

Methods of ``sipri_dyad_year`` (column ``method``):

``sipri_per_year``
    the sum of SIPRI's ``TIV delivery values`` for the pair and delivery year in a per-delivery-year
    register. Summed exactly (decimal), not rounded: SIPRI's tables show these sums rounded to whole
    millions (Russia → China 2024 in the 2025 release: 30).
``sipri_table``
    a cell of one of SIPRI's own dyadic tables (2016 release: China's imports by supplier 1950–2015;
    2022 release: exports of Russia and of the Soviet Union by recipient 1950–2021; 2026 release:
    China's exports by recipient 2000–2025). Whole millions; ``0`` means between 0 and 0.5.
``register_single_year``
    2026 release, year 2025, every deal of the pair was delivered in 2025 only: the deals' delivered
    TIV in the 2026 register *is* their 2025 value (exact, not an estimate).
``register_minus_per_year_estimate``
    2026 release, year 2025, at least one deal delivered over several years and matched to the 2025
    release (see :func:`estimate_2025`). An estimate.
``even_split_estimate``
    2026 release, year 2025, at least one deal with no better method: its delivered TIV spread evenly
    over its delivery years. An estimate.

A pair-year of 2025 takes the weakest method among its deals. China as supplier in 2025 is taken
from SIPRI's 2026 table of China's exports (``sipri_table``), never estimated.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

from dashboard.pipeline.curate.sipri_raw import (
    STATUSES, CurateError, RawFile, _decode, _num, _SOURCE_LINE, read_register_records,
)

# ----------------------------------------------------------------------------- the files

#: Release of every source id (the files already imported by :mod:`.sipri` and the new ones).
RELEASE_OF_SOURCE = {
    "sipri_tiv_2016_07": 2016,
    "sipri_tiv_2022_07": 2022,
    "sipri_tiv_2024_10": 2024,
    "sipri_at_2024_per_year": 2024,
    "sipri_at_2025": 2025,
    "sipri_tiv_2025_04": 2025,
    "sipri_at_2025_per_year": 2025,
    "sipri_at_2026": 2026,
    "sipri_tiv_2026_07": 2026,
}

#: The further raw files (PROVENANCE.md sections 6, 7, 9, 10, 11): checksums, stamps, origin.
RELEASE_FILES = {
    f.key: f
    for f in (
        RawFile("per_year_2025", "sipri_release_2025_per_year/trade-register_1995-2024.csv",
                "de974d8302efdeaad98d0b5a7d0ef020a3e5d1929b6406423cfe2ee2bad51868", "ascii",
                "12 Feb 2026 12:26:12 PM", "2026-02-12", "sipri_at_2025_per_year",
                "nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024-", "3bcd6c41730f26878edc344425896f57c83dcb29",
                "sipri_deliveries_per_year"),
        RawFile("per_year_2024_a", "sipri_release_2024_per_year/trade-register_1950-1989.csv",
                "30c6ff2c32af3cecb3e32cb6d1d792b29264f9be9b91466aa96bae5df389891b", "ascii",
                "16 Apr 2024", "2024-04-16", "sipri_at_2024_per_year",
                "Andrei-Teodor-Petre/InfoVizProject", "1b17cccbea316a85499f4204c5e202905a07031f",
                "sipri_deliveries_per_year"),
        RawFile("per_year_2024_b", "sipri_release_2024_per_year/trade-register_1990-2023.csv",
                "c1e517315ae7132ed36bc4dd3dedf5e6876ababec4fc0af0e3b2b91ea9725c75", "ascii",
                "13 Apr 2024", "2024-04-13", "sipri_at_2024_per_year",
                "Andrei-Teodor-Petre/InfoVizProject", "1b17cccbea316a85499f4204c5e202905a07031f",
                "sipri_deliveries_per_year"),
        RawFile("table_2016_chi", "sipri_release_2016_dyadic/TIV-Import-CHI-1950-2015.csv",
                "63443df24cc5e97fba3c07303729639cf48a126efa641cef6d56192d916de475", "ascii",
                "24 July 2016", "2016-07-24", "sipri_tiv_2016_07",
                "mauhai/weaponstradeanalysis", "e156d0d3394644e6f4ccb6debcde65a1f9edf717", "sipri_dyad_year"),
        RawFile("table_2022_rus", "sipri_release_2022_dyadic/TIV-Export-RUS-1950-2021.csv",
                "4466688b51cd5073883ef0e049ff86b2f19ff23c646273e8eb63dc4e4199006e", "ascii",
                "28 July 2022", "2022-07-28", "sipri_tiv_2022_07",
                "360-info/report-arms-trade", "b850d1eb74f457724c0e0c4291175adbf824dbbf", "sipri_dyad_year"),
        RawFile("table_2022_usr", "sipri_release_2022_dyadic/TIV-Export-USR-1950-2021.csv",
                "23b364e155eb29e2ccd9c27da13f786eca6379ac2333313d0cf1f26da5831d7b", "ascii",
                "28 July 2022", "2022-07-28", "sipri_tiv_2022_07",
                "360-info/report-arms-trade", "b850d1eb74f457724c0e0c4291175adbf824dbbf", "sipri_dyad_year"),
        RawFile("register_2026", "sipri_release_2026/trade-register.csv",
                "42230eb8758d2b4f9041af8a74ee6f3c93e4b5da01b5503e349055ddecfa3314", "latin-1",
                "18 May 2026 2:29:20 PM", "2026-05-18", "sipri_at_2026",
                "alexarui/network-analysis", "fefe838f1a43f1128abf8fbee110b40063868bda",
                "sipri_release_2026_deliveries_2025"),
        RawFile("table_2026_china", "sipri_release_2026/tiv-table_china-exports_2000-2025.csv",
                "bbdb51d8bed41b708f6c1d66ffb89245c62aabe3cd3b7f79cf00d451086a907d", "ascii",
                "14 Jul 2026 2:57:40 AM", "2026-07-14", "sipri_tiv_2026_07",
                "DCL-2049/Chinese-Arms-Exports", "4fb3a5412a6fd3eef3452af21f256ada117ad82c", "sipri_dyad_year"),
    )
}

#: Per-delivery-year registers: (key, delivery years the file must cover exactly, CRLF and ';' line ends, scope).
PER_YEAR_LAYOUT = {
    "per_year_2025": (1995, 2024, True, "deliveries made"),
    "per_year_2024_a": (1950, 1989, False, "deliveries or orders"),
    "per_year_2024_b": (1990, 2023, False, "deliveries or orders"),
}

#: Old dyadic tables: key -> (title, 'supplier' or 'recipient' named by the row, the other side, first, last year).
TABLE_LAYOUT = {
    "table_2016_chi": ("TIV of arms exports to China, 1950-2015", "supplier", "China", 1950, 2015),
    "table_2022_rus": ("TIV of arms exports from Russia, 1950-2021", "recipient", "Russia", 1950, 2021),
    "table_2022_usr": ("TIV of arms exports from Soviet Union, 1950-2021", "recipient", "Soviet Union", 1950, 2021),
}

#: What each release is, in words (the facts are in PROVENANCE.md; the years are computed from the files).
RELEASE_NOTES = {
    2016: "Only SIPRI's table of China's arms imports by supplier, 1950-2015 (generated 24 July 2016); no register.",
    2022: "Only SIPRI's tables of arms exports by recipient from Russia and from the Soviet Union, 1950-2021 (generated 28 July 2022); no register.",
    2024: "SIPRI's 2024 update (deliveries to 2023): the per-delivery-year register 1950-2023 (April 2024) and the import and export tables by country (October 2024).",
    2025: "SIPRI's 2025 update (deliveries to 2024): the full register (March 2025), the 2024 pair tables (April 2025) and the per-delivery-year register 1995-2024 (exported February 2026).",
    2026: "SIPRI's 2026 update (deliveries to 2025): the full register (May 2026, one total per deal, no per-year values, no deal id) and the table of China's exports 2000-2025 (July 2026). 2025 pair values other than China's exports are derived from the register and mostly estimates.",
}

PER_YEAR_HEADER = [
    "SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description", "Armament category", "Order date",
    "Order date is estimate", "Numbers delivered", "Numbers delivered is estimate", "Delivery year",
    "Delivery year is estimate", "Status", "SIPRI estimate", "TIV deal unit", "TIV delivery values", "Local production",
]
RELEASES_COLUMNS = ["release", "deliveries_first_year", "deliveries_last_year", "data_generated_first", "data_generated_last", "notes"]
RELEASE_FILES_COLUMNS = ["file", "release", "export_scope", "deliveries_first_year", "deliveries_last_year"]
DEALS_COLUMNS = [
    "release", "sipri_deal_id", "supplier", "recipient", "designation", "description", "armament_category", "order_year",
    "order_year_estimated", "status", "tiv_unit_mtiv", "sipri_estimate_mtiv", "local_production",
]
DELIVERIES_COLUMNS = [
    "release", "sipri_deal_id", "delivery_year", "delivery_year_estimated", "number_delivered", "number_delivered_estimated",
    "tiv_delivered_mtiv",
]
DEALS_2025_COLUMNS = [
    "raw_line", "supplier", "recipient", "order_year", "designation", "delivery_years", "number_delivered",
    "tiv_delivered_mtiv", "matched_sipri_deal_id", "number_delivered_to_2024", "match", "method", "tiv_2025_mtiv",
]
DYAD_YEAR_COLUMNS = ["release", "supplier", "recipient", "year", "method", "is_estimate", "tiv_mtiv"]

ESTIMATE_METHODS = ("register_minus_per_year_estimate", "even_split_estimate")
#: Weakest first: a pair-year takes the first of these that any of its deals has.
_METHOD_RANK = ("even_split_estimate", "register_minus_per_year_estimate", "register_single_year")

_INT = re.compile(r"[0-9]+")
_YEAR = re.compile(r"[0-9]{4}")
_CENT = Decimal("0.01")


def _dec(text: str) -> str:
    """A Decimal in its shortest exact form ('30', '466.75')."""
    d = Decimal(text).normalize()
    return format(d, "f")


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f") if d != 0 else "0"


def _yes_no(text: str, where: str, nullable: bool) -> str:
    if text == "Yes":
        return "true"
    if text == "No":
        return "false"
    if text == "" and nullable:
        return ""
    raise CurateError(f"{where}: {text!r}; expected Yes or No" + (" or empty" if nullable else ""))


# ----------------------------------------------------------------------------- per-delivery-year registers


def parse_per_year(data: bytes, f: RawFile, first_year: int, last_year: int, crlf_semicolon: bool, scope: str,
                   name: str | None = None) -> tuple[list[list[str]], list[list[str]], str]:
    """Deals and deal-year rows of one per-delivery-year register (without the release column).

    Returns ``(deals, deliveries, stamp)``: deals as ``DEALS_COLUMNS[1:]``, deliveries as
    ``DELIVERIES_COLUMNS[1:]``. Every line of the 2025 file ends in ``;`` CR LF (re-saved through a
    spreadsheet, PROVENANCE.md section 9); both are required there and refused elsewhere.
    """
    name = name or f.path
    text = _decode(data, f.encoding, name)
    lines = text.split("\n")
    unterminated = bool(lines) and lines[-1] != ""  # the 2025 file's last line has no line end
    if not unterminated:
        lines.pop()
    cleaned: list[str] = []
    for k, line in enumerate(lines, 1):
        if crlf_semicolon:
            if unterminated and k == len(lines):
                cleaned.append(line)
                continue
            if not line.endswith("\r"):
                raise CurateError(f"{name}: line {k}: expected a CR LF line end (the file was re-saved on Windows)")
            line = line[:-1]
        elif "\r" in line:
            raise CurateError(f"{name}: line {k}: carriage return; expected LF line ends")
        cleaned.append(line)
    if len(cleaned) < 13:
        raise CurateError(f"{name}: only {len(cleaned)} lines; expected 11 preamble lines, a header and rows")
    pre = [ln[:-1] if crlf_semicolon and ln.endswith(";") else ln for ln in cleaned[:11]]
    title = pre[0]
    if not title.startswith("Transfers of major conventional arms from All countries"):
        raise CurateError(f"{name}: line 1 is not SIPRI's register title: {title[:80]!r}")
    found_scope = "deliveries or orders" if "Deals with deliveries or orders made" in title else (
        "deliveries made" if "Deals with deliveries made" in title else None)
    if found_scope != scope:
        raise CurateError(f"{name}: line 1: export scope {found_scope!r}; PROVENANCE.md describes {scope!r}")
    if pre[9] != _SOURCE_LINE:
        raise CurateError(f"{name}: line 10: expected {_SOURCE_LINE!r}, found {pre[9]!r}")
    m = re.fullmatch(r"Data generated: (.+)", pre[10])
    if not m or not (m.group(1) == f.generated or m.group(1).startswith(f.generated + " ")):
        raise CurateError(f"{name}: line 11: {pre[10]!r}; PROVENANCE.md says data generated {f.generated!r} (another SIPRI release?)")
    stamp = m.group(1)
    body = cleaned[11:]
    if crlf_semicolon:
        for k, line in enumerate(body, 12):
            if not line.endswith(";"):
                raise CurateError(f"{name}: line {k}: expected a ';' at the end of the line (PROVENANCE.md section 9)")
        body = [line[:-1] for line in body]
    header = next(csv.reader([body[0]], strict=True))
    if header != PER_YEAR_HEADER:
        raise CurateError(f"{name}: line 12: unexpected header {header!r}; expected {PER_YEAR_HEADER!r}")
    deals: dict[str, list[str]] = {}
    deliveries: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    for k, line in enumerate(body[1:], 13):
        where = f"{name}: line {k}"
        try:
            r = next(csv.reader([line], strict=True))
        except (csv.Error, StopIteration) as e:
            raise CurateError(f"{where}: malformed CSV ({e})") from None
        if len(r) != 17:
            raise CurateError(f"{where}: {len(r)} fields; expected 17")
        (deal_id, supplier, recipient, designation, description, category, order, order_q, n_del, n_del_q, year,
         year_q, status, estimate, unit, value, local) = r
        if not _INT.fullmatch(deal_id):
            raise CurateError(f"{where}: SIPRI AT Database ID {deal_id!r} is not a whole number")
        designation = designation.strip()  # SIPRI writes some with a trailing space ('9M119 '), as in the register
        for label, v in (("Supplier", supplier), ("Recipient", recipient), ("Designation", designation),
                         ("Description", description), ("Armament category", category)):
            if not v or v != v.strip():
                raise CurateError(f"{where}: {label} {v!r} is empty or has spaces around it")
        if not _YEAR.fullmatch(order):
            raise CurateError(f"{where}: order date {order!r}; expected four digits")
        if not _YEAR.fullmatch(year) or not first_year <= int(year) <= last_year:
            raise CurateError(f"{where}: delivery year {year!r}; this file covers {first_year}-{last_year}")
        if not _INT.fullmatch(n_del):
            raise CurateError(f"{where}: numbers delivered {n_del!r} is not a whole number")
        if status not in STATUSES:
            raise CurateError(f"{where}: status {status!r}; expected one of {STATUSES}")
        deal = [str(int(deal_id)), supplier, recipient, designation, description, category, order,
                _yes_no(order_q, where + " (Order date is estimate)", True), status,
                _num(unit, where + " (TIV deal unit)"), _num(estimate, where + " (SIPRI estimate)"),
                _yes_no(local, where + " (Local production)", False)]
        old = deals.setdefault(deal[0], deal)
        if old != deal:
            raise CurateError(f"{where}: deal {deal_id} has other attributes than on an earlier line: {old} vs {deal}")
        if (deal[0], year) in seen:
            raise CurateError(f"{where}: deal {deal_id} has a second row for delivery year {year}")
        seen.add((deal[0], year))
        deliveries.append([deal[0], year, _yes_no(year_q, where + " (Delivery year is estimate)", True), str(int(n_del)),
                           _yes_no(n_del_q, where + " (Numbers delivered is estimate)", True),
                           _num(value, where + " (TIV delivery values)")])
    if not deliveries:
        raise CurateError(f"{name}: no rows")
    years = {int(d[1]) for d in deliveries}
    if min(years) != first_year or max(years) != last_year:
        raise CurateError(f"{name}: delivery years {min(years)}-{max(years)}; PROVENANCE.md says {first_year}-{last_year}")
    return list(deals.values()), deliveries, stamp


# ----------------------------------------------------------------------------- SIPRI's dyadic tables


def _int_cell(text: str, where: str) -> int:
    t = text[:-1] if text.endswith(" ") else text  # the 2026 tables write '0 ' for below 0.5
    if not _INT.fullmatch(t):
        raise CurateError(f"{where}: TIV cell {text!r}; expected a whole number")
    return int(t)


def parse_old_table(data: bytes, f: RawFile, title: str, named: str, other: str, first_year: int, last_year: int
                    ) -> tuple[list[list[str]], str]:
    """(supplier, recipient, year, tiv) rows of one of SIPRI's old dyadic tables (PROVENANCE.md section 11)."""
    name = f.path
    rows = list(csv.reader(_decode(data, f.encoding, name).split("\n"), strict=True))
    while rows and not any(rows[-1]):
        rows.pop()
    firsts = [r[0] if r else "" for r in rows[:10]]
    if firsts[0] != title:
        raise CurateError(f"{name}: line 1: title {firsts[0]!r}; expected {title!r}")
    if "Source: SIPRI Arms Transfers Database" not in firsts:
        raise CurateError(f"{name}: no 'Source: SIPRI Arms Transfers Database' line in the preamble")
    generated = [x for x in firsts if x.startswith("Generated: ")]
    if generated != [f"Generated: {f.generated}"]:
        raise CurateError(f"{name}: preamble states {generated}; PROVENANCE.md says 'Generated: {f.generated}'")
    header = rows[10]
    years = [str(y) for y in range(first_year, last_year + 1)]
    try:
        start = header.index(str(first_year))
    except ValueError:
        raise CurateError(f"{name}: line 11: no year header starting {first_year}") from None
    if header[start:start + len(years) + 1] != years + ["Total"] or any(header[:start]) or any(header[start + len(years) + 1:]):
        raise CurateError(f"{name}: line 11: year header is not ',{first_year},...,{last_year},Total' padded with empty cells")
    name_col = start - 1
    out: list[list[str]] = []
    sums = [0] * len(years)
    counts = [0] * len(years)
    k = 11
    total_row = None
    for k, r in enumerate(rows[11:], 12):
        where = f"{name}: line {k}"
        if not any(r):
            continue
        if any(r[:name_col]) or any(r[start + len(years) + 1:]):
            raise CurateError(f"{where}: cells outside the table's columns")
        partner = r[name_col]
        if partner == "Total":
            total_row = r
            if k != len(rows):
                raise CurateError(f"{where}: 'Total' must be the last row")
            break
        if not partner or partner != partner.strip():
            raise CurateError(f"{where}: partner name {partner!r} is empty or has spaces around it")
        row_sum = row_n = 0
        for j, y in enumerate(years):
            cell = r[start + j]
            if cell == "":
                continue
            v = _int_cell(cell, f"{where} ({y})")
            supplier, recipient = (partner, other) if named == "supplier" else (other, partner)
            out.append([supplier, recipient, y, str(v)])
            sums[j] += v
            counts[j] += 1
            row_sum += v
            row_n += 1
        stated = _int_cell(r[start + len(years)], f"{where} (Total)")
        if abs(stated - row_sum) > 0.5 * row_n + 0.5:
            raise CurateError(f"{where}: the yearly cells sum to {row_sum}, the row's Total is {stated}")
    if total_row is None:
        raise CurateError(f"{name}: no closing 'Total' row")
    for j, y in enumerate(years):
        cell = total_row[start + j]
        stated = _int_cell(cell, f"{name}: Total ({y})") if cell else 0
        if abs(stated - sums[j]) > 0.5 * counts[j] + 0.5:
            raise CurateError(f"{name}: {y}: rows sum to {sums[j]}, the Total row states {stated}")
    keys = [(r[0], r[1], r[2]) for r in out]
    if len(set(keys)) != len(keys):
        raise CurateError(f"{name}: a partner appears twice")
    return out, f.generated


def parse_china_exports_table(data: bytes, f: RawFile) -> tuple[list[list[str]], str]:
    """(China, recipient, year, tiv) rows of the 2026 release's table of China's exports 2000-2025."""
    name = f.path
    lines = _decode(data, f.encoding, name).split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if lines[0] != "Volume of transfers of major arms" or lines[6] != _SOURCE_LINE or lines[8] != "":
        raise CurateError(f"{name}: the 9-line preamble is not SIPRI's ('Volume of transfers of major arms' ... source line ... blank)")
    if lines[7] != f"Data generated: {f.generated}":
        raise CurateError(f"{name}: line 8: {lines[7]!r}; PROVENANCE.md says data generated {f.generated!r}")
    years = [str(y) for y in range(2000, 2026)]
    expected = ["Recipient", *years, "2000-2025", "Percentage", "Sum total years", "Percentage of total"]
    if next(csv.reader([lines[9]])) != expected:
        raise CurateError(f"{name}: line 10: unexpected header; expected Recipient,2000,...,2025,2000-2025,Percentage,Sum total years,Percentage of total")
    out: list[list[str]] = []
    sums = [0] * len(years)
    counts = [0] * len(years)
    total = None
    for k, line in enumerate(lines[10:], 11):
        where = f"{name}: line {k}"
        r = next(csv.reader([line], strict=True))
        if len(r) != len(expected):
            raise CurateError(f"{where}: {len(r)} fields; expected {len(expected)}")
        if r[0] == "Total imports from China":
            if k != len(lines):
                raise CurateError(f"{where}: 'Total imports from China' must be the last row")
            total = r
            break
        if not r[0] or r[0] != r[0].strip():
            raise CurateError(f"{where}: recipient {r[0]!r} is empty or has spaces around it")
        row_sum = row_n = 0
        for j, y in enumerate(years):
            if r[j + 1] == "":
                continue
            v = _int_cell(r[j + 1], f"{where} ({y})")
            out.append(["China", r[0], y, str(v)])
            sums[j] += v
            counts[j] += 1
            row_sum += v
            row_n += 1
        stated = _int_cell(r[-4], f"{where} (2000-2025)")
        if abs(stated - row_sum) > 0.5 * row_n + 0.5:
            raise CurateError(f"{where}: yearly cells sum to {row_sum}, the row states {stated}")
    if total is None:
        raise CurateError(f"{name}: no closing 'Total imports from China' row")
    for j, y in enumerate(years):
        stated = _int_cell(total[j + 1], f"{name}: total ({y})") if total[j + 1] else 0
        if abs(stated - sums[j]) > 0.5 * counts[j] + 0.5:
            raise CurateError(f"{name}: {y}: rows sum to {sums[j]}, the total row states {stated}")
    return out, f.generated


# ----------------------------------------------------------------------------- 2025 from the 2026 register


def normalise_designation(designation: str) -> str:
    """Designation as a matching key: without parenthesised parts (the per-year layout adds them, e.g.
    'D-30 (12000)' for the register's 'D-30'), lower case, letters and digits only ('S-300PMU-1' ~ 'S-300PMU1')."""
    return re.sub(r"[^0-9a-z]", "", re.sub(r"\([^()]*\)", "", designation).lower())


def register_2026_deals(data: bytes, f: RawFile, name: str | None = None) -> tuple[list[dict], str, int]:
    """The records of the 2026 register as dicts (supplier, recipient, order_year, designation, years,
    number_delivered, tiv_delivered, raw_line); also the stamp and the number of records."""
    name = name or f.path
    text = _decode(data, f.encoding, name)
    lines = text.split("\n", 11)
    if not lines[0].startswith("Transfers of major conventional arms from All countries"):
        raise CurateError(f"{name}: line 1 is not SIPRI's trade-register title: {lines[0][:80]!r}")
    if lines[9] != _SOURCE_LINE:
        raise CurateError(f"{name}: line 10: expected {_SOURCE_LINE!r}, found {lines[9]!r}")
    if lines[10] != f"Data generated: {f.generated}":
        raise CurateError(f"{name}: line 11: {lines[10]!r}; PROVENANCE.md says data generated {f.generated!r}")
    records, _repaired = read_register_records(text, name)
    out = []
    for line_no, r, _ in records:
        where = f"{name}: line {line_no}"
        recipient, supplier, order, _oq, _no, _noq, designation, _desc, n_del, _ndq, years, _st, _c, _unit, _order, delivered = r
        if not _YEAR.fullmatch(order):
            raise CurateError(f"{where}: year of order {order!r}; expected four digits")
        ys = [int(y) for y in years.split("; ")] if years else []
        if any(not _YEAR.fullmatch(y) for y in (years.split("; ") if years else [])) or ys != sorted(set(ys)):
            raise CurateError(f"{where}: year(s) of delivery {years!r}; expected e.g. '2016; 2017; 2018'")
        if not _INT.fullmatch(n_del):
            raise CurateError(f"{where}: number delivered {n_del!r} is not a whole number")
        out.append({"raw_line": line_no, "supplier": supplier, "recipient": recipient, "order_year": int(order),
                    "designation": designation.strip(), "years": ys, "number_delivered": int(n_del),
                    "tiv_delivered": Decimal(_num(delivered, where + " (SIPRI TIV of delivered weapons)"))})
    return out, lines[10].split(": ", 1)[1], len(records)


def estimate_2025(register: list[dict], deals_2025: list[list[str]], deliveries_2025: list[list[str]]) -> list[list[str]]:
    """One row (DEALS_2025_COLUMNS) per 2026-register deal with a delivery in 2025: its 2025 TIV.

    The 2026 register gives per deal only the total delivered (number and TIV) and the delivery
    years. The 2025 release's per-delivery-year register gives, per deal, what was delivered each
    year to 2024. For each 2026 deal with 2025 among its delivery years, in this order:

    1. ``register_single_year`` (exact): 2025 is its only delivery year; its delivered TIV is the 2025 value.
    2. ``register_minus_per_year_estimate``: the deal is matched *unambiguously* to one deal of the
       2025 release by (supplier, recipient, order year, normalised designation) — exactly one deal on
       each side has that key — it has no delivery year before 1995 (the 2025 per-year file starts
       in 1995), and the number it delivered to 2024 in the 2025 release, ``n_before``, is smaller
       than the number delivered in the 2026 register, ``n``. Then the 2025 value is
       ``delivered TIV × (n − n_before) / n``: the deal's delivered TIV in the 2026 register minus
       its earlier deliveries valued at the 2026 unit TIV (so that a revaluation between releases,
       e.g. R-77 300 → 375, does not land in 2025). An estimate: SIPRI may also have revised the
       earlier years' numbers.
    3. ``even_split_estimate``: otherwise, delivered TIV / number of delivery years. An estimate.

    ``match`` says why: ``single_year``, ``unique``, ``none`` (no 2025-release deal with the key),
    ``ambiguous`` (the key is shared by several deals in either release), ``before_1995`` or
    ``numbers_disagree`` (n_before ≥ n). Values are rounded to 0.01 million TIV.
    """
    key_2026: dict[tuple, int] = defaultdict(int)
    for d in register:
        key_2026[(d["supplier"], d["recipient"], d["order_year"], normalise_designation(d["designation"]))] += 1
    key_2025: dict[tuple, list[str]] = defaultdict(list)
    for deal in deals_2025:  # DEALS_COLUMNS[1:]: id, supplier, recipient, designation, description, category, order_year, ...
        key_2025[(deal[1], deal[2], int(deal[6]), normalise_designation(deal[3]))].append(deal[0])
    delivered_to_2024: dict[str, int] = defaultdict(int)
    for row in deliveries_2025:  # id, year, year_q, number, number_q, tiv
        delivered_to_2024[row[0]] += int(row[3])
    out: list[list[str]] = []
    for d in register:
        if 2025 not in d["years"]:
            continue
        key = (d["supplier"], d["recipient"], d["order_year"], normalise_designation(d["designation"]))
        matched, n_before = key_2025.get(key, []), ""
        deal_id = matched[0] if len(matched) == 1 and key_2026[key] == 1 else ""
        n, tiv = d["number_delivered"], d["tiv_delivered"]
        if d["years"] == [2025]:
            match, method, value = "single_year", "register_single_year", tiv
        else:
            if not matched:
                match = "none"
            elif not deal_id:
                match = "ambiguous"
            elif d["years"][0] < 1995:
                match = "before_1995"
            else:
                n_before = delivered_to_2024[deal_id]
                match = "unique" if n_before < n else "numbers_disagree"
            if match == "unique":
                method, value = "register_minus_per_year_estimate", tiv * (n - n_before) / n
            else:
                method, value = "even_split_estimate", tiv / len(d["years"])
        value = value.quantize(_CENT, rounding=ROUND_HALF_EVEN)
        out.append([str(d["raw_line"]), d["supplier"], d["recipient"], str(d["order_year"]), d["designation"],
                    "; ".join(str(y) for y in d["years"]), str(n), _fmt(tiv), deal_id if match in ("unique", "numbers_disagree", "before_1995") else "",
                    str(n_before), match, method, _fmt(value)])
    out.sort(key=lambda r: (r[1], r[2], int(r[3]), r[4], int(r[0])))
    return out


# ----------------------------------------------------------------------------- the tables


def dyad_years(per_year: dict[int, tuple[list, list]], tables: dict[int, list[list[str]]], deals_2025: list[list[str]]) -> list[list[str]]:
    """Rows of sipri_dyad_year from the per-year registers, SIPRI's tables and the 2025 values."""
    sums: dict[tuple, Decimal] = defaultdict(Decimal)
    for release, (deals, deliveries) in per_year.items():
        pair = {d[0]: (d[1], d[2]) for d in deals}
        for row in deliveries:
            s, r = pair[row[0]]
            sums[(release, s, r, int(row[1]))] += Decimal(row[5])
    rows = [[str(rel), s, r, str(y), "sipri_per_year", "false", _fmt(v)] for (rel, s, r, y), v in sums.items()]
    taken: set[tuple] = set()
    for release, trs in tables.items():
        for s, r, y, v in trs:
            key = (release, s, r, int(y))
            if key in sums or key in taken:
                raise CurateError(f"release {release}: {s} → {r} {y} appears in two files")
            taken.add(key)
            rows.append([str(release), s, r, y, "sipri_table", "false", v])
    china_2025 = any(k[0] == 2026 and k[1] == "China" and k[3] == 2025 for k in taken)
    est: dict[tuple, list] = {}
    for d in deals_2025:
        s, r = d[1], d[2]
        if s == "China" and china_2025:
            continue  # SIPRI's own table of China's exports covers 2025
        key = (2026, s, r, 2025)
        if key in taken:
            raise CurateError(f"2026: {s} → {r} 2025 both in a table and estimated")
        cur = est.setdefault(key, [Decimal(0), "register_single_year"])
        cur[0] += Decimal(d[12])
        if _METHOD_RANK.index(d[11]) < _METHOD_RANK.index(cur[1]):
            cur[1] = d[11]
    for (rel, s, r, y), (v, method) in est.items():
        rows.append([str(rel), s, r, str(y), method, "true" if method in ESTIMATE_METHODS else "false", _fmt(v)])
    rows.sort(key=lambda x: (int(x[0]), x[1], x[2], int(x[3])))
    return rows


def build_release_tables(raw: dict[str, bytes], old_files: list[dict]) -> tuple[dict[str, list[list[str]]], list[dict]]:
    """All release tables (name -> rows) from the checked raw bytes of :data:`RELEASE_FILES`.

    ``old_files`` describes the files :mod:`.sipri` imported (dicts with file, source_id, generated_iso,
    first, last, scope). Returns the tables and the same kind of dicts for the files read here (with
    stamp and records) for sipri_raw_files.csv.
    """
    read: list[dict] = []
    per_year: dict[int, tuple[list, list]] = {}
    for key, (first, last, crlf, scope) in PER_YEAR_LAYOUT.items():
        f = RELEASE_FILES[key]
        deals, deliveries, stamp = parse_per_year(raw[key], f, first, last, crlf, scope)
        release = RELEASE_OF_SOURCE[f.source_id]
        old_deals, old_deliveries = per_year.setdefault(release, ([], []))
        known = {d[0]: d for d in old_deals}
        for d in deals:
            if d[0] in known:
                if known[d[0]] != d:
                    raise CurateError(f"{f.path}: deal {d[0]} has other attributes than in another file of release {release}")
            else:
                old_deals.append(d)
        seen = {(x[0], x[1]) for x in old_deliveries}
        if any((x[0], x[1]) in seen for x in deliveries):
            raise CurateError(f"{f.path}: a deal-year already read from another file of release {release}")
        old_deliveries.extend(deliveries)
        read.append({"file": f, "stamp": stamp, "records": len(deliveries), "first": first, "last": last, "scope": scope})
    tables: dict[int, list[list[str]]] = defaultdict(list)
    for key, (title, named, other, first, last) in TABLE_LAYOUT.items():
        f = RELEASE_FILES[key]
        rows, stamp = parse_old_table(raw[key], f, title, named, other, first, last)
        tables[RELEASE_OF_SOURCE[f.source_id]].extend(rows)
        read.append({"file": f, "stamp": stamp, "records": len(rows), "first": min(int(r[2]) for r in rows),
                     "last": max(int(r[2]) for r in rows), "scope": ""})
    f = RELEASE_FILES["table_2026_china"]
    rows, stamp = parse_china_exports_table(raw["table_2026_china"], f)
    tables[2026].extend(rows)
    read.append({"file": f, "stamp": stamp, "records": len(rows), "first": min(int(r[2]) for r in rows),
                 "last": max(int(r[2]) for r in rows), "scope": ""})
    f = RELEASE_FILES["register_2026"]
    register, stamp, _n = register_2026_deals(raw["register_2026"], f)
    deals_2025 = estimate_2025(register, *per_year[2025])
    years = [y for d in register for y in d["years"]]
    read.append({"file": f, "stamp": stamp, "records": len(deals_2025), "first": min(years), "last": max(years),
                 "scope": "deliveries made"})
    if "Deals with deliveries made" not in raw["register_2026"][:200].decode("latin-1"):
        raise CurateError(f"{f.path}: line 1 does not state 'Deals with deliveries made'")

    dyad = dyad_years(per_year, tables, deals_2025)
    deals_rows = [[str(rel), *d] for rel, (ds, _) in per_year.items() for d in ds]
    deals_rows.sort(key=lambda r: (int(r[0]), int(r[1])))
    delivery_rows = [[str(rel), *x] for rel, (_, xs) in per_year.items() for x in xs]
    delivery_rows.sort(key=lambda r: (int(r[0]), int(r[1]), int(r[2])))

    files = [{"path": o["file"], "release": RELEASE_OF_SOURCE[o["source_id"]], "generated": o["generated_iso"],
              "first": o["first"], "last": o["last"], "scope": o["scope"]} for o in old_files]
    files += [{"path": r["file"].path, "release": RELEASE_OF_SOURCE[r["file"].source_id], "generated": r["file"].generated_iso,
               "first": r["first"], "last": r["last"], "scope": r["scope"]} for r in read]
    files.sort(key=lambda x: x["path"])
    release_files = [[x["path"], str(x["release"]), x["scope"], str(x["first"]), str(x["last"])] for x in files]
    releases = []
    for rel in sorted({x["release"] for x in files}):
        mine = [x for x in files if x["release"] == rel]
        releases.append([str(rel), str(min(x["first"] for x in mine)), str(max(x["last"] for x in mine)),
                         min(x["generated"] for x in mine), max(x["generated"] for x in mine), RELEASE_NOTES[rel]])
    return {
        "sipri_releases.csv": (RELEASES_COLUMNS, releases),
        "sipri_release_files.csv": (RELEASE_FILES_COLUMNS, release_files),
        "sipri_release_deals.csv": (DEALS_COLUMNS, deals_rows),
        "sipri_deliveries_per_year.csv": (DELIVERIES_COLUMNS, delivery_rows),
        "sipri_release_2026_deliveries_2025.csv": (DEALS_2025_COLUMNS, deals_2025),
        "sipri_dyad_year.csv": (DYAD_YEAR_COLUMNS, dyad),
    }, read
