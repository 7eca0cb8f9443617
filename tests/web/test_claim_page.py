"""The claim card as a reader opens it from a link: the value, the quote or SIPRI's rows, the
citation to copy, SIPRI's credit line, the other reading and the way back to the panels."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from dashboard.web import claims, ui
from tests.helpers.apptest import open_page

CLAIM_PAGE = "web/pages/claim.py"


def shown(at) -> str:
    parts = [t.value for t in at.title] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [m.value for m in at.metric] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def copyable(at) -> list[str]:
    return [c.value for c in at.code]


def page_links(at) -> list[tuple[str, str, str]]:
    """(label, page, query string) of every st.page_link."""
    return [(e.proto.label, e.proto.page, e.proto.query_string) for e in at.get("page_link")]


def test_a_curated_card_shows_value_quote_citation_and_the_other_reading(built_db):
    at = open_page(CLAIM_PAGE, params={"claim": "supply_dependencies:cepa_microchip_share_2023"})
    text = shown(at)
    assert "89%" in [m.value for m in at.metric]
    assert "as of 2023, China accounted for 89% of Russia’s microchip imports" in text
    assert "Hrytsenko, Alina, and Andras Racz. 2025." in copyable(at)[0]
    assert "The other reading" in [s.value for s in at.subheader]
    back = [(label, page) for label, page, _ in page_links(at)]  # the card leads back to the panel
    assert any(page == "dual-use" and "Dual\\-use supply" in label for label, page in back), back
    assert "As of: April 2025" in text


def test_the_way_back_opens_the_panels_tab(built_db):
    """A panel on a tab of its page (Arms transfers): the card's link opens that tab (?view=), the
    first tab's panels need none."""
    at = open_page(CLAIM_PAGE, params={"claim": "doc_arms_transfers:cepa_combat_aircraft_1992_2014"})
    back = [(label, query) for label, page, query in page_links(at) if page == "arms-transfers"]
    assert back and all(parse_qs(query) == {"view": ["Documents beside SIPRI"]} for _, query in back), back
    at = open_page(CLAIM_PAGE, params={"claim": "sipri:2025:russia-china:2022"})
    back = [(label, query) for label, page, query in page_links(at) if page == "arms-transfers"]
    assert back and all(query == "" for _, query in back), back


def test_a_sipri_card_shows_the_register_rows_release_and_credit_line(built_db):
    at = open_page(CLAIM_PAGE, params={"claim": "sipri:2025:russia-china:2022"})
    assert [m.value for m in at.metric] == [ui.plain("498.5 million TIV")]
    assert any("SIPRI register rows behind the value" in s.value for s in at.subheader)
    rows = at.dataframe[0].value
    assert len(rows) > 1 and "Mi-17" in set(rows["designation"])
    codes = copyable(at)
    assert "SIPRI Arms Transfers Database, 12 February 2026 (2025 release). Source: SIPRI Arms Transfers Database (c) SIPRI." in codes
    assert "2024 release\\: 579\\.5" in shown(at)


@pytest.mark.parametrize("wanted", ["no-such-claim", "sipri:1900:x-y:1", "'; drop table claim_cards; --", ""])
def test_an_unknown_or_missing_id_says_so_without_a_traceback(built_db, wanted):
    at = open_page(CLAIM_PAGE, params={"claim": wanted})
    assert not at.exception
    assert not at.code, "no citation for a claim that does not exist"
    if wanted:
        assert "No claim card has the id" in shown(at)
    else:
        assert "A claim card shows one figure" in shown(at)


def test_every_curated_and_headline_card_opens_and_a_sipri_card_of_each_kind(built_db, db):
    wanted = [i for (i,) in db.execute("select claim_id from claim_cards where claim_kind <> 'sipri' order by claim_id").fetchall()]
    wanted += [i for (i,) in db.execute(
        "select min(claim_id) from claim_cards where claim_kind = 'sipri' group by release, method order by 1"
    ).fetchall()]
    at = open_page(CLAIM_PAGE, params={"claim": wanted[0]})
    for claim_id in wanted:
        at.query_params["claim"] = claim_id
        at.run()
        assert not at.exception, (claim_id, [e.value for e in at.exception])
        assert not at.warning, claim_id
        codes = copyable(at)
        assert codes and all("nan" not in c and "None" not in c for c in codes), (claim_id, codes)
        assert "Where the dashboard shows it" in [s.value for s in at.subheader], claim_id


def test_panels_and_tiles_link_to_cards_that_exist(built_db, db):
    known = {i for (i,) in db.execute("select claim_id from claim_cards").fetchall()}
    at = open_page("web/pages/overview.py", params={"period": "all"})
    tiles = [(label, query) for label, page, query in page_links(at) if page == "claim"]
    assert sum(label == ui.plain("Claim card: source and citation") for label, _ in tiles) == 4, "each headline tile links to its card"
    assert len(tiles) == 4, "a panel's claim links are sent only once its list is opened"
    at.session_state["claims_ru-cn-key-events"] = True  # the reader opens the Key events panel's list
    at.run()
    links = [(label, query) for label, page, query in page_links(at) if page == "claim"]
    assert len(links) > len(tiles), "the opened list shows its cards"
    targets = [parse_qs(query)["claim"][0] for _, query in links]
    assert "events:rabdan_border_conflict_1969" in targets, "the Key events panel lists its cards"
    assert set(targets) <= known
    (events,) = db.execute("select count(*) from key_events").fetchone()
    assert f"Claims behind this chart ({events})" in [e.label for e in at.expander], "the Key events panel lists one card per event"


@pytest.mark.parametrize(("view", "filters"), [
    ("key_events", {}), ("dual_use_shares", {}), ("commodity_flow_list", {}), ("exercise_list", {}), ("agreement_list", {}),
    ("incident_list", {}), ("partnership_limit_list", {}), ("dual_use_suppliers", {}), ("exercise_mention_list", {}),
    ("sipri_pair_year", {"pair": ["Russia → China", "Soviet Union → China"]}),
])
def test_the_ids_a_panel_derives_from_its_rows_are_cards(db, view, filters):
    where = " and ".join(f"{c} in ({', '.join('?' for _ in v)})" for c, v in filters.items()) or "true"
    rows = db.execute(f"select * from {view} where {where}", [x for v in filters.values() for x in v]).fetchdf()
    derived = claims.ids_in(rows)
    assert len(derived) == len(rows) or view == "sipri_pair_year"
    known = {i for (i,) in db.execute("select claim_id from claim_cards where claim_id in (select unnest(?))", [derived]).fetchall()}
    assert set(derived) == known
