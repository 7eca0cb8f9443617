"""SIPRI's releases and what SIPRI changed between two of them, as readable text or CSV.

``python -m dashboard releases`` lists the releases; ``python -m dashboard releases diff OLD NEW
[--supplier S] [--recipient R] [--format text|csv]`` shows, with both values, the yearly values
revised (stg_sipri_value_revisions) and, deal by deal, what was added, removed, revalued,
renumbered, redated or renamed, and which deals could not be paired (stg_sipri_deal_changes, built
on stg_sipri_deal_matches: the SQL views say how deals are paired). Values reach SQL only as bound
parameters (through :class:`~dashboard.core.db.Query`). The Sources page reads the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import Database, Query
from dashboard.outputs.export import to_csv_bytes

RELEASES = "stg_sipri_releases"
FILES = "sipri_release_files"
REVISIONS = "stg_sipri_value_revisions"
CHANGES = "stg_sipri_deal_changes"

#: Headings of the deal changes, in the order they are printed (change -> heading).
CHANGE_HEADINGS = {
    "added": "Deals added",
    "removed": "Deals removed",
    "revalued_tiv_per_unit": "Deals revalued: TIV per unit (million TIV)",
    "revalued_tiv_order": "Deals revalued: TIV of the total order (million TIV)",
    "revalued_tiv_delivered": "Deals revalued: TIV delivered (million TIV)",
    "order_year": "Years of order changed",
    "number_ordered": "Numbers ordered changed (items)",
    "number_delivered": "Numbers delivered changed (items)",
    "delivery_years": "Delivery years changed",
    "renamed": "Designations renamed",
    "ambiguous": "Ambiguous: not paired (several candidates with the same key; nothing guessed)",
}


class ReleaseError(ValueError):
    """A release, supplier or recipient the database does not have (message for the reader)."""


@dataclass(frozen=True)
class Diff:
    """What changed between two releases, optionally for one supplier and/or recipient."""

    old: int
    new: int
    supplier: str | None
    recipient: str | None
    releases: pd.DataFrame
    revisions: pd.DataFrame
    changes: pd.DataFrame

    @property
    def scope(self) -> str:
        return f"{self.supplier or 'all suppliers'} → {self.recipient or 'all recipients'}"


def releases(database: Database) -> pd.DataFrame:
    """One row per release: years of deliveries, data-generation dates, files and export scopes."""
    rel = database.fetch(Query(RELEASES, order_by=("release",)))
    files = database.fetch(Query(FILES, order_by=("release", "file")))
    rel["file_list"] = [
        "; ".join(f + (f" ({s})" if isinstance(s, str) and s else "")
                  for f, s in zip(files.loc[files.release == r, "file"], files.loc[files.release == r, "export_scope"]))
        for r in rel.release
    ]
    return rel


def diff(database: Database, old: int, new: int, supplier: str | None = None, recipient: str | None = None) -> Diff:
    """The two releases' differences (:class:`Diff`); ReleaseError for a release the database lacks."""
    rel = releases(database)
    known = [int(r) for r in rel.release]
    for r in (old, new):
        if r not in known:
            raise ReleaseError(f"release {r} is not in the database; releases: {', '.join(map(str, known))}")
    if old >= new:
        raise ReleaseError(f"give the older release first: {old} is not before {new}")
    for column, value in (("supplier", supplier), ("recipient", recipient)):
        if value and not database.count(Query("sipri_pair_year", equals=((column, value),))):
            raise ReleaseError(f"no {column} {value!r} in SIPRI's yearly values of any release (names as SIPRI writes them, e.g. 'Russia', 'China')")
    equals: tuple = (("release_old", old), ("release_new", new))
    equals += tuple((k, v) for k, v in (("supplier", supplier), ("recipient", recipient)) if v)
    revisions = database.fetch(Query(REVISIONS, equals=equals, order_by=("supplier", "recipient", "year")))
    revisions = revisions[revisions.value_old != revisions.value_new].reset_index(drop=True)
    changes = database.fetch(Query(CHANGES, equals=equals, order_by=("supplier", "recipient", "order_year", "designation", "deal_old", "deal_new")))
    order = {c: i for i, c in enumerate(CHANGE_HEADINGS)}
    changes = changes.sort_values("change", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    return Diff(old, new, supplier, recipient, rel[rel.release.isin([old, new])].reset_index(drop=True), revisions, changes)


# ----------------------------------------------------------------------------- text


def _num(value) -> str:
    if value is None or pd.isna(value):
        return "no value"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _release_line(r) -> str:
    dates = str(r.data_generated_first)[:10]
    if str(r.data_generated_last)[:10] != dates:
        dates += " to " + str(r.data_generated_last)[:10]
    return f"{r.release}: deliveries {r.deliveries_first_year}–{r.deliveries_last_year}; data generated {dates}"


def releases_text(database: Database) -> str:
    """The releases as text, newest last, each with its files and export scopes."""
    lines = ["SIPRI releases in the database (TIV: millions of SIPRI trend-indicator values; not money)", ""]
    for r in releases(database).itertuples():
        lines.append(_release_line(r) + (" (newest)" if r.is_newest else ""))
        lines.append(f"  {r.notes}")
        lines += [f"  file: {f}" for f in r.file_list.split("; ") if f]
    return "\n".join(lines) + "\n"


def diff_text(d: Diff) -> str:
    """A Diff as readable text: the releases compared, the yearly values revised, then the deal changes."""
    out = [f"What SIPRI changed between the {d.old} and {d.new} releases: {d.scope}", ""]
    out += ["Source: SIPRI Arms Transfers Database (c) SIPRI, " + "; ".join(_release_line(r) for r in d.releases.itertuples()), ""]
    out.append(f"Yearly values revised (million TIV; {d.old} → {d.new}; change = new − old): {len(d.revisions)}")
    for r in d.revisions.itertuples():
        note = f" ({r.note})" if isinstance(r.note, str) else ""
        est = " [involves an estimate]" if r.involves_estimate else ""
        out.append(f"  {r.pair} {r.year}: {_num(r.value_old)} → {_num(r.value_new)} ({r.change:+,.2f}){est}{note}")
    if d.changes.empty:
        out += ["", "No deal-level changes (the releases may not both list deals: the 2016 and 2022 releases are tables only)."]
    for change, heading in CHANGE_HEADINGS.items():
        rows = d.changes[d.changes.change == change]
        if rows.empty:
            continue
        out += ["", f"{heading}: {len(rows)}"]
        for r in rows.itertuples():
            out.append("  " + _change_line(r, d))
    return "\n".join(out) + "\n"


def _change_line(r, d: Diff) -> str:
    who = f"{r.pair}, {r.designation}, ordered {r.order_year}"
    deals = " / ".join(x for x in (f"{d.old}: {r.deal_old}" if isinstance(r.deal_old, str) else "",
                                   f"{d.new}: {r.deal_new}" if isinstance(r.deal_new, str) else "") if x)
    if r.change in ("added", "removed", "ambiguous"):
        value = r.value_new if isinstance(r.value_new, str) else r.value_old
        line = f"{r.pair}: {value} [{deals}]"
        if r.change == "ambiguous":
            line += f" — candidates with the same key: {r.candidates_old} in {d.old}, {r.candidates_new} in {d.new}"
    else:
        line = f"{who}: {r.value_old} → {r.value_new} [{deals}; paired by {r.match.replace('_', ' ')}]"
    if isinstance(r.reason, str):
        line += f" — reason: {r.reason}"
    return line


def diff_csv(d: Diff) -> bytes:
    """A Diff as one CSV: the yearly revisions and the deal changes, a 'kind' column telling them apart."""
    rev = d.revisions.assign(kind="yearly_value", change_kind="revised", value_old=d.revisions.value_old, value_new=d.revisions.value_new)
    rev = rev.rename(columns={"change": "difference"})
    deals = d.changes.assign(kind="deal").rename(columns={"change": "change_kind"})
    columns = ["kind", "release_old", "release_new", "supplier", "recipient", "year", "order_year", "designation",
               "change_kind", "value_old", "value_new", "difference", "match", "deal_old", "deal_new", "sipri_deal_id",
               "reason", "note"]
    frame = pd.concat([rev, deals], ignore_index=True).reindex(columns=columns)
    return to_csv_bytes(frame)


# ----------------------------------------------------------------------------- command line


def command(args, path) -> int:
    """``python -m dashboard releases [diff OLD NEW]``: print the releases or a diff; 2 on a refusal."""
    import sys

    import duckdb

    from dashboard.core.errors import BuildError
    from dashboard.pipeline.build import ensure_built

    if args.action not in (None, "diff") or (args.action is None and (args.supplier or args.recipient)):
        print("to compare releases, write: releases diff OLD NEW", file=sys.stderr)
        return 2
    if args.action == "diff" and (args.old is None or args.new is None):
        print("releases diff needs two releases, e.g. releases diff 2025 2026", file=sys.stderr)
        return 2
    path = path.resolve()
    try:
        ensure_built(path)
        database = Database(path)
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    except duckdb.Error as err:
        print(f"cannot read the database {path}: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    try:
        if args.action is None:
            sys.stdout.write(releases_text(database))
            return 0
        d = diff(database, args.old, args.new, args.supplier, args.recipient)
    except ReleaseError as err:
        print(err, file=sys.stderr)
        return 2
    finally:
        database.close()
    if args.format == "csv":
        sys.stdout.buffer.write(diff_csv(d))
    else:
        sys.stdout.write(diff_text(d))
    return 0
