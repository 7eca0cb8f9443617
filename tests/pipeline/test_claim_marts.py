"""The claim registry: one card per figure, with an id that does not move between builds, the
evidence behind it, and a place in the dashboard."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.pipeline.build import build

# curated table → its primary key: every row states something a page shows, so every row has a card
CURATED = {
    "doc_arms_transfers": "transfer_id",
    "commodity_flows": "flow_id",
    "supply_dependencies": "dependency_id",
    "partnership_limits": "limit_id",
    "events": "event_id",
    "incidents": "incident_id",
    "agreements_and_meetings": "agreement_id",
    "exercises": "exercise_id",
    "exercise_mentions": "mention_id",
}


def ids(con) -> list[str]:
    return [i for (i,) in con.execute("select claim_id from claim_cards order by claim_id").fetchall()]


def test_claim_ids_are_unique(db):
    total, distinct = db.execute("select count(*), count(distinct claim_id) from claim_cards").fetchone()
    assert total == distinct > 5_000


def test_claim_ids_and_values_are_the_same_in_a_second_build(db, tmp_path):
    again = tmp_path / "again.duckdb"
    build(again)
    con = duckdb.connect(str(again), read_only=True)
    try:
        first = db.execute("select claim_id, value_text, period_text, quote from claim_cards order by claim_id").fetchall()
        second = con.execute("select claim_id, value_text, period_text, quote from claim_cards order by claim_id").fetchall()
    finally:
        con.close()
    assert first == second


@pytest.mark.parametrize(("table", "key"), CURATED.items())
def test_every_curated_row_has_a_card_with_its_evidence(db, table, key):
    missing = db.execute(
        f"select t.{key} from {table} t where not exists (select 1 from claim_cards c where c.claim_id = '{table}:' || t.{key})"
    ).fetchall()
    assert missing == [], f"{table} rows without a claim card: {missing}"
    bare = db.execute(
        "select claim_id from claim_cards where claim_id like ? and coalesce(quote, evidence) is null", [table + ":%"]
    ).fetchall()
    assert bare == [], f"cards with neither quote nor paraphrase: {bare}"


def test_every_sipri_yearly_value_of_russia_or_china_has_a_card_with_its_file_and_date(db):
    missing = db.execute(
        "select count(*) from sipri_dyad_year d where (d.supplier in ('Russia', 'Soviet Union', 'China') or d.recipient in ('Russia', 'Soviet Union', 'China')) and not exists (select 1 from claim_cards c where c.claim_kind = 'sipri' "
        "and c.release = d.release and c.year = d.year and c.label = d.supplier || ' → ' || d.recipient || ', deliveries in ' || d.year)"
    ).fetchone()[0]
    assert missing == 0
    assert db.execute("select count(*) from claim_cards where claim_kind = 'sipri' and (data_generated is null or sipri_file is null or source_id is null)").fetchone()[0] == 0


def test_a_sipri_card_reads_like_sipri_and_lists_the_deals_that_add_up_to_it(db):
    card = db.execute("select value_text, other_reading, data_generated::varchar from claim_cards where claim_id = 'sipri:2025:russia-china:2022'").fetchone()
    assert card == ("498.5 million TIV", "2024 release: 579.5", "2026-02-12")
    deals, total = db.execute("select count(*), sum(tiv_in_year_mtiv) from claim_sipri_rows where claim_id = 'sipri:2025:russia-china:2022'").fetchone()
    assert deals > 1 and total == pytest.approx(498.5)


def test_the_per_year_deals_add_up_to_every_sipri_value_they_are_behind(db):
    off = db.execute(
        "select c.claim_id, c.value, sum(r.tiv_in_year_mtiv) from claim_cards c join claim_sipri_rows r using (claim_id) "
        "where c.method = 'sipri_per_year' group by c.claim_id, c.value having abs(c.value - sum(r.tiv_in_year_mtiv)) > 0.01 limit 5"
    ).fetchall()
    assert off == []


def test_a_curated_card_has_value_qualifier_quote_and_the_other_reading(db):
    card = db.execute(
        "select value_text, period_text, qualifier_label, quote, other_reading, page_path, panel_id from claim_cards "
        "where claim_id = 'doc_arms_transfers:cepa_combat_aircraft_1992_2014'"
    ).fetchone()
    assert card[:3] == ("> 100 aircraft", "1992–2014", "more than")
    assert card[3].startswith("between 1992 and 2014, Russia supplied China with over 100 combat aircraft")
    assert card[5:] == ("/arms-transfers", "ru-cn-arms-documents-vs-sipri")
    su35 = db.execute("select other_reading, other_reading_source_id from claim_cards where disagreement_id = 'su35_count' and source_id = 'cepa_2025'").fetchone()
    assert su35[1] == "sipri_at_2025" and su35[0]


def test_every_card_has_a_place_and_every_headline_tile_a_card(db):
    assert db.execute("select count(*) from claim_cards where page_path is null").fetchone()[0] == 0
    tiles = db.execute(
        "select h.period_id, h.label from overview_headlines h left join claim_places p "
        "on p.panel_id = 'headline' and p.tile_period_id = h.period_id and p.panel_title = h.label "
        "left join claim_cards c on c.claim_id = p.claim_id where c.claim_id is null"
    ).fetchall()
    assert tiles == []


def test_no_card_text_says_nan_or_none(db):
    for column in ("label", "value_text", "period_text", "as_of", "other_reading"):
        bad = db.execute(f"select claim_id, {column} from claim_cards where regexp_matches({column}, '\\b(nan|None|NaT)\\b') limit 3").fetchall()
        assert bad == [], column
