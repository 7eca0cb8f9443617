"""Regenerate the SIPRI tables in data/ from the raw SIPRI files.

Usage::

    python -m dashboard.pipeline.curate sipri RAW_DIR [--out DATA_DIR] [--categories CSV]

RAW_DIR is ``../shared/data/raw`` (described file by file in its ``PROVENANCE.md``). The command
writes, into DATA_DIR (default: the project's ``data/``):

* ``sipri_register.csv``             the whole SIPRI trade register, one row per deal;
* ``sipri_imports_by_recipient.csv`` yearly TIV of imports by recipient (long format);
* ``sipri_exports_by_supplier.csv``  yearly TIV of exports by supplier (long format);
* ``sipri_dyadic_2024.csv``          TIV of transfers in 2024 by supplier and recipient;
* ``sipri_dyadic_2024_totals.csv``   each supplier's stated total for 2024 beside its listed rows;
* ``sipri_raw_files.csv``            the raw files read: checksum, generation date, record count (the
  four files above first, then those of the further releases, appended);
* ``sipri_releases.csv``, ``sipri_release_files.csv``, ``sipri_release_deals.csv``,
  ``sipri_deliveries_per_year.csv``, ``sipri_release_2026_deliveries_2025.csv`` and
  ``sipri_dyad_year.csv``: SIPRI's releases and SIPRI's own yearly values per pair, written by
  :mod:`dashboard.pipeline.curate.sipri_releases` (see its docstring for the methods).

``data/sipri_weapon_categories.csv`` is *curated by hand* (one row per SIPRI ``Weapon description``
with our category) and only read here: every register row takes the category of its description,
and the import stops if a description has no row there, or a row names no description of the
register, or a category is not one of :data:`CATEGORIES`.

Design:

* Every raw file's SHA-256 must equal the value in PROVENANCE.md (hard-coded in :data:`RAW_FILES`);
  the data generation stamps in the files' preambles must be the ones PROVENANCE.md states.
* The register is decoded from Latin-1 and read with :mod:`csv`. Its four broken records (the
  ``Comments`` field ends in a line break, so a 13-field line is followed by a continuation line of
  an empty field and the three TIV columns) are joined explicitly; any other record that does not
  have 16 fields, or any cell that does not look as PROVENANCE.md describes, stops the import.
* Output is deterministic: rows sorted, numbers written in their shortest exact decimal form,
  UTF-8, LF, RFC 4180 quoting (``csv.QUOTE_MINIMAL``), booleans ``true``/``false``, NULL as an
  empty cell. Running the import again reproduces the files byte for byte
  (``tests/pipeline/test_curate_sipri.py``).

Nothing here runs at build or app time: the dashboard reads only data/.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from pathlib import Path

from dashboard.core.paths import DATA_DIR
from dashboard.pipeline.curate.sipri_raw import (  # noqa: F401  (also this module's API)
    CurateError, RawFile, RAW_FILES, KNOWN_BROKEN_RECORDS, REGISTER_PREAMBLE_LINES, REGISTER_HEADER, STATUSES, _INT, _NUM, _YEAR, _YEARS, _SOURCE_LINE, _decode, _num, read_register_records,
)

CATEGORIES_CSV = DATA_DIR / "sipri_weapon_categories.csv"

#: Our weapon categories (the CHECK list of queries/tables/sipri_weapon_categories.sql).
CATEGORIES = (
    "aircraft", "helicopters", "air_defence", "missiles", "sensors", "engines", "ships",
    "submarines", "naval_weapons", "armoured_vehicles", "artillery", "satellites", "other",
)



REGISTER_COLUMNS = [
    "deal_id", "supplier", "recipient", "order_year", "order_year_uncertain", "number_ordered",
    "number_ordered_uncertain", "designation", "description", "number_delivered",
    "number_delivered_uncertain", "delivery_years", "first_delivery_year", "last_delivery_year",
    "delivery_year_count", "status", "comments", "tiv_per_unit_mtiv", "tiv_order_mtiv",
    "tiv_delivered_mtiv", "category", "raw_line", "raw_record_repaired", "source_id",
]
IMPORTS_COLUMNS = ["recipient", "year", "tiv_mtiv", "below_half", "source_id"]
EXPORTS_COLUMNS = ["supplier", "year", "tiv_mtiv", "below_half", "source_id"]
DYADIC_COLUMNS = ["supplier", "recipient", "year", "tiv_mtiv", "below_half", "source_id"]
DYADIC_TOTALS_COLUMNS = ["supplier", "year", "total_tiv_mtiv", "listed_tiv_mtiv", "recipients_listed", "listed_rows_complete", "source_id"]
RAW_FILES_COLUMNS = [
    "file", "source_id", "imported_to", "repository", "commit", "sha256", "bytes", "encoding",
    "data_generated", "data_generated_stamp", "records",
]
CATEGORY_COLUMNS = ["description", "category", "note"]



# ----------------------------------------------------------------------------- checksums


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_checksums(raw_dir: Path, files=None) -> dict[str, bytes]:
    """Read each raw file and check its SHA-256; return the bytes by key."""
    out: dict[str, bytes] = {}
    for f in (files or RAW_FILES).values():
        path = Path(raw_dir) / f.path
        if not path.is_file():
            raise CurateError(f"{path}: raw file missing (expected {f.path} under {raw_dir}, see PROVENANCE.md)")
        data = path.read_bytes()
        got = hashlib.sha256(data).hexdigest()
        if got != f.sha256:
            raise CurateError(
                f"{path}: SHA-256 mismatch: the file is not the copy PROVENANCE.md describes.\n"
                f"  expected {f.sha256}\n  found    {got}\n"
                "  Restore the original file, or, for a new SIPRI release, review the import and update RAW_FILES in dashboard/pipeline/curate/sipri.py (or RELEASE_FILES in sipri_releases.py)."
            )
        out[f.key] = data
    return out


# ----------------------------------------------------------------------------- helpers


def _flag(text: str, where: str) -> str:
    if text == "?":
        return "true"
    if text == "":
        return "false"
    raise CurateError(f"{where}: uncertainty flag {text!r}; expected '?' or empty")


def _int(text: str, where: str) -> str:
    if not _INT.fullmatch(text):
        raise CurateError(f"{where}: {text!r} is not a whole number")
    return str(int(text))


def _check_generated(line: str, expected: str, where: str) -> str:
    m = re.fullmatch(r"Data generated: (.+)", line)
    if not m:
        raise CurateError(f"{where}: expected the line 'Data generated: {expected}', found {line!r}")
    stamp = m.group(1)
    if not (stamp == expected or stamp.startswith(expected + " ")):
        raise CurateError(f"{where}: data generated {stamp!r}, but PROVENANCE.md says {expected!r} (another SIPRI release?)")
    return stamp


def csv_bytes(columns: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(columns)
    for r in rows:
        if len(r) != len(columns):
            raise AssertionError((columns, r))
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


# ----------------------------------------------------------------------------- register


def parse_register(data: bytes, categories: dict[str, str] | None, f: RawFile = RAW_FILES["register"], name: str | None = None,
                   expected_repairs=KNOWN_BROKEN_RECORDS) -> tuple[list[list[str]], str, int]:
    """Rows of sipri_register (:data:`REGISTER_COLUMNS`); also the generation stamp and the number of
    records. ``categories`` None: another release's register, read without our categories (category '')."""
    name = name or f.path
    text = _decode(data, f.encoding, name)
    lines = text.split("\n", REGISTER_PREAMBLE_LINES)
    if not lines[0].startswith("Transfers of major conventional arms from All countries"):
        raise CurateError(f"{name}: line 1 is not SIPRI's trade-register title: {lines[0][:80]!r}")
    if lines[9] != _SOURCE_LINE:
        raise CurateError(f"{name}: line 10: expected {_SOURCE_LINE!r}, found {lines[9]!r}")
    stamp = _check_generated(lines[10], f.generated, f"{name}: line 11")
    records, repaired = read_register_records(text, name)

    rows: list[list[str]] = []
    for deal_id, (line_no, r, was_repaired) in enumerate(records, 1):
        where = f"{name}: line {line_no}"
        recipient, supplier, year, year_q, n_ord, n_ord_q, designation, description, n_del, n_del_q, \
            years, status, comments, tiv_unit, tiv_order, tiv_del = r
        for label, value in (("Recipient", recipient), ("Supplier", supplier), ("Weapon description", description)):
            if not value or value != value.strip():
                raise CurateError(f"{where}: {label} {value!r} is empty or has spaces around it")
        if not _YEAR.fullmatch(year):
            raise CurateError(f"{where}: year of order {year!r}; expected four digits")
        if status not in STATUSES:
            raise CurateError(f"{where}: status {status!r}; expected one of {STATUSES}")
        if categories is not None and description not in categories:
            raise CurateError(f"{where}: weapon description {description!r} has no row in data/sipri_weapon_categories.csv; add one with its category")
        number_ordered = _int(n_ord, where + " (Number ordered)") if n_ord != "" else ""
        number_delivered = _int(n_del, where + " (Number delivered)")
        if years == "":
            first = last = count = ""
        else:
            if not _YEARS.fullmatch(years):
                raise CurateError(f"{where}: year(s) of delivery {years!r}; expected e.g. '2016; 2017; 2018'")
            ys = [int(y) for y in years.split("; ")]
            if ys != sorted(set(ys)):
                raise CurateError(f"{where}: year(s) of delivery {years!r} not in increasing order")
            first, last, count = str(ys[0]), str(ys[-1]), str(len(ys))
        unit = _num(tiv_unit, where + " (SIPRI TIV per unit)")
        order = _num(tiv_order, where + " (SIPRI TIV for total order)")
        delivered = _num(tiv_del, where + " (SIPRI TIV of delivered weapons)")
        # Invariants of this release (checked, so that the zero rules below hold):
        # nothing delivered <=> no delivery years <=> delivered TIV '0'.
        if (number_delivered == "0") != (years == "") or (number_delivered == "0") != (delivered == "0"):
            raise CurateError(f"{where}: number delivered {n_del!r}, years {years!r} and delivered TIV {tiv_del!r} disagree")
        # '0' per-unit TIV on a deal with nothing delivered: SIPRI has not yet assigned a unit TIV
        # (recent orders of frigates, radars, submarines ...) -> NULL. With deliveries, '0' is a
        # real unit TIV below 0.005 (rounded to 2 decimals; cheap anti-tank missiles) -> kept.
        if unit == "0" and delivered == "0":
            unit = ""
        # The order TIV is per-unit TIV x number ordered; the register writes '0' where either is
        # unknown (the preamble's "empty field") -> NULL.
        if number_ordered == "" or unit == "":
            if order != "0":
                raise CurateError(f"{where}: TIV for total order {tiv_order!r} although the number ordered or the unit TIV is unknown")
            order = ""
        rows.append([
            str(deal_id), supplier, recipient, year, _flag(year_q, where), number_ordered,
            _flag(n_ord_q, where), designation.strip(), description, number_delivered,
            _flag(n_del_q, where), years, first, last, count, status, comments.strip(), unit, order,
            delivered, categories[description] if categories is not None else "", str(line_no), "true" if was_repaired else "false",
            f.source_id,
        ])

    if expected_repairs is not None:
        found = {(int(r[21]), r[2], r[1], int(r[3]), r[7]) for r in rows if r[22] == "true"}
        if found != set(expected_repairs):
            raise CurateError(f"{name}: repaired records {sorted(found)}; PROVENANCE.md names exactly {sorted(expected_repairs)}")
    used = {r[8] for r in rows}
    stale = sorted(set(categories or ()) - used)
    if stale:
        raise CurateError(f"data/sipri_weapon_categories.csv: descriptions not in the register: {stale}; remove them")
    return rows, stamp, len(rows)


# ----------------------------------------------------------------------------- yearly TIV tables


def _tiv_cell(text: str, where: str) -> tuple[str, str]:
    """('1196', 'false') for '1196'; ('0', 'true') for '0 ' (between 0 and 0.5)."""
    if text == "0 ":
        return "0", "true"
    if _INT.fullmatch(text):
        return str(int(text)), "false"
    raise CurateError(f"{where}: TIV cell {text!r}; expected a whole number or '0 '")


def _tiv_value(text: str, where: str) -> int:
    return int(_tiv_cell(text, where)[0])


def parse_yearly(data: bytes, f: RawFile, first_col: str, total_name: str) -> tuple[list[list[str]], str, int]:
    """Rows (entity, year, tiv, below_half, source_id) of a 1950-2024 import or export table."""
    name = f.path
    lines = _decode(data, f.encoding, name).split("\n")
    if lines[0] != "Volume of transfers of major arms" or lines[6] != _SOURCE_LINE or lines[8] != "":
        raise CurateError(f"{name}: the 9-line preamble is not SIPRI's ('Volume of transfers of major arms' ... source line ... blank)")
    stamp = _check_generated(lines[7], f.generated, f"{name}: line 8")
    years = [str(y) for y in range(1950, 2025)]
    expected = [first_col, *years, "1950-2024", "Percentage", "Sum total years", "Percentage of total"]
    header = next(csv.reader([lines[9]], strict=True))
    if header != expected:
        raise CurateError(f"{name}: line 10: unexpected header {header[:3]}...{header[-4:]}; expected {first_col},1950,...,2024,1950-2024,Percentage,Sum total years,Percentage of total")
    body = lines[10:]
    while body and body[-1] == "":
        body.pop()
    rows: list[list[str]] = []
    entities: set[str] = set()
    total: list[str] | None = None
    sums = [0] * len(years)
    counts = [0] * len(years)
    for k, line in enumerate(body, 11):
        where = f"{name}: line {k}"
        r = next(csv.reader([line], strict=True)) if line else []
        if len(r) != len(expected):
            raise CurateError(f"{where}: {len(r)} fields; expected {len(expected)}")
        entity = r[0]
        if entity == total_name:
            if total is not None or k != 10 + len(body):
                raise CurateError(f"{where}: {total_name!r} must be the last row, once")
            total = r
            continue
        if not entity or entity in entities:
            raise CurateError(f"{where}: empty or repeated name {entity!r}")
        entities.add(entity)
        if r[years.index("2024") + 1] != "":
            raise CurateError(f"{where}: a 2024 value; PROVENANCE.md says this release has none")
        row_sum = row_n = 0
        for j, y in enumerate(years):
            cell = r[j + 1]
            if cell == "":
                continue
            tiv, below = _tiv_cell(cell, f"{where} ({y})")
            rows.append([entity, y, tiv, below, f.source_id])
            sums[j] += int(tiv)
            counts[j] += 1
            row_sum += int(tiv)
            row_n += 1
        # The 1950-2024 total agrees with the yearly cells up to their rounding.
        stated = _tiv_value(r[-4], f"{where} (1950-2024)")
        if abs(stated - row_sum) > 0.5 * row_n + 0.5 or r[-2] != r[-4]:
            raise CurateError(f"{where}: yearly cells sum to {row_sum}, the row states {r[-4]!r}")
    if total is None:
        raise CurateError(f"{name}: no closing {total_name!r} row")
    for j, y in enumerate(years):
        cell = total[j + 1]
        stated = _tiv_value(cell, f"{name}: {total_name} ({y})") if cell != "" else 0
        if abs(stated - sums[j]) > 0.5 * counts[j] + 0.5:
            raise CurateError(f"{name}: {y}: rows sum to {sums[j]}, {total_name} states {cell!r}")
    rows.sort(key=lambda x: (x[0], int(x[1])))
    return rows, stamp, len(rows)


_DYADIC_HEADER = ["Recipient", "2024", "2024-2024", "Percentage", "Sum total years", "Percentage of total"]


def parse_dyadic(data: bytes, f: RawFile = RAW_FILES["dyadic"]) -> tuple[list[list[str]], list[list[str]], str, int]:
    """Rows of sipri_dyadic_2024 (supplier, recipient, 2024, tiv, below_half, source_id) from the
    stacked per-exporter blocks, and rows of sipri_dyadic_2024_totals (one per supplier)."""
    name = f.path
    lines = _decode(data, f.encoding, name).split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    rows: list[list[str]] = []
    totals: list[list[str]] = []
    stamps: list[str] = []
    blocks = data_blocks = 0
    i = 0
    while i < len(lines):
        if lines[i] == "":
            i += 1
            continue
        where = f"{name}: line {i + 1}"
        pre = lines[i:i + 10]
        if len(pre) < 10 or pre[0] != "Volume of transfers of major arms" or pre[6] != _SOURCE_LINE or pre[8] != "" or pre[5] != "":
            raise CurateError(f"{where}: expected a block preamble starting 'Volume of transfers of major arms'")
        stamps.append(_check_generated(pre[7], f.generated, f"{name}: line {i + 8}"))
        if next(csv.reader([pre[9]])) != _DYADIC_HEADER:
            raise CurateError(f"{name}: line {i + 10}: unexpected block header {pre[9]!r}")
        blocks += 1
        i += 10
        block: list[tuple[str, str, str, int]] = []
        supplier = None
        while i < len(lines) and lines[i] != "":
            r = next(csv.reader([lines[i]], strict=True))
            w = f"{name}: line {i + 1}"
            if len(r) != 6:
                raise CurateError(f"{w}: {len(r)} fields; expected 6")
            m = re.fullmatch(r"Total exports from (.+)", r[0])
            if m:
                supplier = m.group(1)
                total = _tiv_value(r[1], w)
                i += 1
                if i < len(lines) and lines[i] != "":
                    raise CurateError(f"{name}: line {i + 1}: text after the 'Total exports from' row; expected a blank line")
                break
            if r[1] != r[2] or r[1] != r[4]:
                raise CurateError(f"{w}: 2024, 2024-2024 and Sum total years differ: {r}")
            tiv, below = _tiv_cell(r[1], w)
            block.append((r[0], tiv, below, i + 1))
            i += 1
        if block and supplier is None:
            raise CurateError(f"{where}: a block with rows but no closing 'Total exports from <supplier>' row")
        if supplier is not None and not block:
            raise CurateError(f"{where}: a 'Total exports from' row without rows")
        if not block:
            continue
        data_blocks += 1
        listed = sum(int(b[1]) for b in block)
        slack = 0.5 * len(block) + 0.5  # each listed value and the total are rounded
        if listed - total > slack:
            raise CurateError(f"{where}: rows sum to {listed}, more than 'Total exports from {supplier}' ({total})")
        # For a few suppliers the block lists fewer recipients than its total covers (UK, France,
        # Netherlands: the listed percentages add up to about 96%); the total is kept beside them.
        complete = "true" if total - listed <= slack else "false"
        totals.append([supplier, "2024", str(total), str(listed), str(len(block)), complete, f.source_id])
        for recipient, tiv, below, _ in block:
            rows.append([supplier, recipient, "2024", tiv, below, f.source_id])
    keys = [(r[0], r[1]) for r in rows]
    if len(set(keys)) != len(keys):
        raise CurateError(f"{name}: a supplier-recipient pair appears twice")
    if blocks != 163:
        raise CurateError(f"{name}: {blocks} blocks; PROVENANCE.md says 163")
    rows.sort(key=lambda x: (x[0], x[1]))
    totals.sort(key=lambda x: x[0])
    distinct = sorted(set(stamps), key=stamps.index)
    stamp = distinct[0] if len(distinct) == 1 else f"{distinct[0]} to {distinct[-1].split(' ', 3)[-1]} ({blocks} blocks)"
    return rows, totals, stamp, len(rows)


# ----------------------------------------------------------------------------- categories


def read_categories(path: Path) -> dict[str, str]:
    """description -> category from the curated mapping file."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CurateError(f"{path}: the curated category mapping is missing") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = next(reader)
    if header != CATEGORY_COLUMNS:
        raise CurateError(f"{path}: header {header}; expected {CATEGORY_COLUMNS}")
    out: dict[str, str] = {}
    for k, r in enumerate(reader, 2):
        if len(r) != 3:
            raise CurateError(f"{path}: line {k}: {len(r)} fields; expected 3")
        description, category, _note = r
        if description in out:
            raise CurateError(f"{path}: line {k}: description {description!r} listed twice")
        if category not in CATEGORIES:
            raise CurateError(f"{path}: line {k}: category {category!r}; expected one of {CATEGORIES}")
        out[description] = category
    return out


# ----------------------------------------------------------------------------- the command


def build_tables(raw_dir: Path, categories_csv: Path = CATEGORIES_CSV) -> dict[str, bytes]:
    """All SIPRI output files (name -> bytes), or CurateError before anything is written."""
    raw = verify_checksums(raw_dir)
    categories = read_categories(categories_csv)
    register, reg_stamp, reg_n = parse_register(raw["register"], categories)
    imports, imp_stamp, imp_n = parse_yearly(raw["imports"], RAW_FILES["imports"], "Recipient", "Total world import")
    exports, exp_stamp, exp_n = parse_yearly(raw["exports"], RAW_FILES["exports"], "Exports by", "Total world export")
    dyadic, dyadic_totals, dy_stamp, dy_n = parse_dyadic(raw["dyadic"])
    stamps = {"register": (reg_stamp, reg_n), "imports": (imp_stamp, imp_n), "exports": (exp_stamp, exp_n), "dyadic": (dy_stamp, dy_n)}
    files = [
        [f.path, f.source_id, f.table, f.repository, f.commit, f.sha256, str(len(raw[f.key])), f.encoding,
         f.generated_iso, stamps[f.key][0], str(stamps[f.key][1])]
        for f in sorted(RAW_FILES.values(), key=lambda f: f.path)
    ]
    # The further releases (sipri_releases.py): their files are appended after the four above.
    from dashboard.pipeline.curate import sipri_ids as ids, sipri_releases as rel

    raw_rel = verify_checksums(raw_dir, rel.RELEASE_FILES)
    delivered = [(int(r[12]), int(r[13])) for r in register if r[12]]
    old_files = [
        {"file": RAW_FILES["register"].path, "source_id": RAW_FILES["register"].source_id, "generated_iso": RAW_FILES["register"].generated_iso,
         "first": min(a for a, _ in delivered), "last": max(b for _, b in delivered), "scope": "deliveries made"},
        {"file": RAW_FILES["dyadic"].path, "source_id": RAW_FILES["dyadic"].source_id, "generated_iso": RAW_FILES["dyadic"].generated_iso,
         "first": min(int(r[2]) for r in dyadic), "last": max(int(r[2]) for r in dyadic), "scope": ""},
    ] + [
        {"file": RAW_FILES[k].path, "source_id": RAW_FILES[k].source_id, "generated_iso": RAW_FILES[k].generated_iso,
         "first": min(int(r[1]) for r in rows), "last": max(int(r[1]) for r in rows), "scope": ""}
        for k, rows in (("imports", imports), ("exports", exports))
    ]
    if not raw["register"][:200].decode("latin-1").count("Deals with deliveries made"):
        raise CurateError(f"{RAW_FILES['register'].path}: line 1 does not state 'Deals with deliveries made'")
    release_tables, read = rel.build_release_tables(raw_rel, old_files)
    # SIPRI's own deal id where the 2025 per-year register pairs a row unambiguously (sipri_ids.py).
    per_year = release_tables["sipri_release_deals.csv"][1], release_tables["sipri_deliveries_per_year.csv"][1]
    deals_2025, deliveries_2025 = ([r[1:] for r in rows if r[0] == "2025"] for rows in per_year)
    register = ids.with_sipri_ids(register, deals_2025, deliveries_2025, rel.normalise_designation)
    register_2026, _stamp, _n = parse_register(raw_rel["register_2026"], None, rel.RELEASE_FILES["register_2026"], expected_repairs=())
    release_registers = ids.release_register_rows(2026, register_2026)
    files += sorted(
        ([r["file"].path, r["file"].source_id, r["file"].table, r["file"].repository, r["file"].commit, r["file"].sha256,
          str(len(raw_rel[r["file"].key])), r["file"].encoding, r["file"].generated_iso, r["stamp"], str(r["records"])] for r in read),
        key=lambda x: x[0],
    )
    return {
        **{name: csv_bytes(cols, rows) for name, (cols, rows) in release_tables.items()},
        "sipri_register.csv": csv_bytes(REGISTER_COLUMNS + ids.ID_COLUMNS, register),
        "sipri_release_registers.csv": csv_bytes(ids.RELEASE_REGISTER_COLUMNS, release_registers),
        "sipri_imports_by_recipient.csv": csv_bytes(IMPORTS_COLUMNS, imports),
        "sipri_exports_by_supplier.csv": csv_bytes(EXPORTS_COLUMNS, exports),
        "sipri_dyadic_2024.csv": csv_bytes(DYADIC_COLUMNS, dyadic),
        "sipri_dyadic_2024_totals.csv": csv_bytes(DYADIC_TOTALS_COLUMNS, dyadic_totals),
        "sipri_raw_files.csv": csv_bytes(RAW_FILES_COLUMNS, files),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.pipeline.curate sipri", description=__doc__.split("\n\n")[0])
    parser.add_argument("raw_dir", type=Path, help="the raw folder, ../shared/data/raw")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where to write the CSV files (default: data/)")
    parser.add_argument("--categories", type=Path, default=CATEGORIES_CSV, help="curated description -> category mapping (default: data/sipri_weapon_categories.csv)")
    args = parser.parse_args(argv)
    try:
        outputs = build_tables(args.raw_dir, args.categories)
    except CurateError as err:
        print(f"sipri import failed: {err}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in outputs.items():
        (args.out / name).write_bytes(data)
        rows = data.count(b"\n") - 1
        print(f"wrote {args.out / name} ({rows} rows)", file=sys.stderr)
    return 0
