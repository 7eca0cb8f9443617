"""SIPRI's own deal id for the rows of a full register that has none (the March 2025 register).

The full register gives no deal id; the per-delivery-year register of the same release (2025,
deliveries 1995–2024) gives SIPRI's ``SIPRI AT Database ID``. A register row takes an id only
where one documented key pairs it with exactly one per-year deal, in two steps, never by guessing:

1. ``designation``: (supplier, recipient, order year, normalised designation) is carried by
   exactly one register row and one per-year deal (:func:`.sipri_releases.normalise_designation`:
   no parenthesised parts, lower case, letters and digits only).
2. ``deliveries``: among the rows and deals step 1 left, (supplier, recipient, order year,
   delivery years, number delivered) is carried by exactly one of each. Only register rows whose
   first delivery is in 1995 or later (the per-year file starts in 1995, so only then are its
   years and numbers the whole deal's). This step catches designations SIPRI wrote differently in
   the two exports of the release ('Il-76M' and 'Il-76', 'Ka-31' and 'Ka-31 AEW').

Every other row keeps an empty id, with the reason in ``sipri_deal_match``:
``ambiguous`` (a key of step 1 or 2 is shared by several rows or deals, so no pairing is sure),
``none`` (no per-year deal carries either key), ``outside_per_year_file`` (nothing delivered, or
every delivery before 1995: the per-year file cannot hold the deal).
"""

from __future__ import annotations

from collections import defaultdict

MATCHES = ("designation", "deliveries", "ambiguous", "none", "outside_per_year_file")
FIRST_PER_YEAR = 1995


def match_register_ids(register: list[dict], deals: list[list[str]], deliveries: list[list[str]], normalise) -> dict[str, tuple[str, str]]:
    """``deal_id -> (sipri_deal_id or '', match)`` for every register row.

    ``register``: dicts with deal_id, supplier, recipient, order_year (int), designation,
    delivery_years (text), first_delivery_year and last_delivery_year (int or None),
    number_delivered (int). ``deals`` and ``deliveries``: the per-year release's rows as
    :data:`.sipri_releases.DEALS_COLUMNS` [1:] and :data:`.sipri_releases.DELIVERIES_COLUMNS` [1:].
    """
    years: dict[str, list[int]] = defaultdict(list)
    numbers: dict[str, int] = defaultdict(int)
    for row in deliveries:  # id, year, year_q, number, number_q, tiv
        years[row[0]].append(int(row[1]))
        numbers[row[0]] += int(row[3])
    per_year = {d[0]: d for d in deals}

    def key_a_deal(i):
        d = per_year[i]
        return (d[1], d[2], int(d[6]), normalise(d[3]))

    def key_b_deal(i):
        d = per_year[i]
        return (d[1], d[2], int(d[6]), "; ".join(str(y) for y in sorted(years[i])), numbers[i])

    def key_a_row(r):
        return (r["supplier"], r["recipient"], r["order_year"], normalise(r["designation"]))

    def key_b_row(r):
        return (r["supplier"], r["recipient"], r["order_year"], r["delivery_years"], r["number_delivered"])

    out: dict[str, tuple[str, str]] = {}
    rows = []
    for r in register:
        if r["last_delivery_year"] is None or r["last_delivery_year"] < FIRST_PER_YEAR:
            out[r["deal_id"]] = ("", "outside_per_year_file")
        else:
            rows.append(r)
    left_ids = set(per_year)
    touched: set[str] = set()  # rows whose key met per-year deals without a unique pairing
    for step, key_row, key_deal, eligible in (
        ("designation", key_a_row, key_a_deal, lambda r: True),
        ("deliveries", key_b_row, key_b_deal, lambda r: r["first_delivery_year"] >= FIRST_PER_YEAR),
    ):
        by_key_rows: dict[tuple, list[dict]] = defaultdict(list)
        for r in rows:
            if r["deal_id"] not in out and eligible(r):
                by_key_rows[key_row(r)].append(r)
        by_key_deals: dict[tuple, list[str]] = defaultdict(list)
        for i in left_ids:
            by_key_deals[key_deal(i)].append(i)
        for key, rs in by_key_rows.items():
            ids = by_key_deals.get(key, [])
            if len(rs) == 1 and len(ids) == 1:
                out[rs[0]["deal_id"]] = (ids[0], step)
                left_ids.discard(ids[0])
            elif ids:
                touched.update(r["deal_id"] for r in rs)
    for r in rows:
        if r["deal_id"] not in out:
            out[r["deal_id"]] = ("", "ambiguous" if r["deal_id"] in touched else "none")
    return out


#: Columns appended to sipri_register's (so that the positional ``deal_id`` and every column before stay as they were).
ID_COLUMNS = ["sipri_deal_id", "sipri_deal_match"]

#: sipri_release_registers.csv: the full registers of further releases (today the 2026 one), without comments.
RELEASE_REGISTER_COLUMNS = [
    "release", "register_row", "raw_line", "supplier", "recipient", "order_year", "order_year_uncertain", "number_ordered",
    "number_ordered_uncertain", "designation", "description", "number_delivered", "number_delivered_uncertain",
    "delivery_years", "status", "tiv_per_unit_mtiv", "tiv_order_mtiv", "tiv_delivered_mtiv", "source_id",
]
# positions in sipri.REGISTER_COLUMNS of the columns above (after release)
_FROM_REGISTER = (0, 21, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 17, 18, 19, 23)


def with_sipri_ids(register: list[list[str]], deals: list[list[str]], deliveries: list[list[str]], normalise) -> list[list[str]]:
    """sipri_register rows (sipri.REGISTER_COLUMNS) with :data:`ID_COLUMNS` appended, from the
    per-year deals and deliveries of the same release (without their release column)."""
    as_dicts = [{
        "deal_id": r[0], "supplier": r[1], "recipient": r[2], "order_year": int(r[3]), "designation": r[7],
        "number_delivered": int(r[9]), "delivery_years": r[11],
        "first_delivery_year": int(r[12]) if r[12] else None, "last_delivery_year": int(r[13]) if r[13] else None,
    } for r in register]
    found = match_register_ids(as_dicts, deals, deliveries, normalise)
    return [[*r, *found[r[0]]] for r in register]


def release_register_rows(release: int, register: list[list[str]]) -> list[list[str]]:
    """sipri_release_registers rows of one release's full register (parsed as sipri_register)."""
    return [[str(release), *(r[i] for i in _FROM_REGISTER)] for r in register]
