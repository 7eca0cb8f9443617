-- Every curated row that states something (a figure, a statement, a dated event) as one claim:
-- claim_id '<table>:<primary key>' (stable while the row's id is), the value in words with its
-- qualifier and unit, the year or period in words, the quote (or paraphrase) and its source.
-- materialise: table (read by claim_cards and claim_places; stored once per build)
create view stg_claims_curated as
with rows as (
    select 'doc_arms_transfers' as relation, transfer_id as record_id, system as label, quantity as value,
           replace(quantity_unit, '_', ' ') as unit, qualifier, coalesce(date_label, 'no date given') as period_text, year_start as year, period_id,
           evidence_kind, quote, null as evidence, source_id, source_url, note, disagreement_id, null as as_of_text
    from stg_doc_arms_transfers
    union all
    select 'commodity_flows', flow_id, upper(left(commodity, 1)) || replace(substr(commodity, 2), '_', ' ') || ', ' || replace(replace(replace(flow, '_to_', ' → '), 'china', 'China'), 'russia', 'Russia'), quantity,
           case unit when 'million_usd' then 'million US dollars' else replace(unit, '_', ' ') end, qualifier,
           coalesce(cast(year as varchar) || case when partial_year then coalesce(' (' || months_covered || ' months only)', ' (part of the year)') else '' end, 'no year given'), year, period_id,
           evidence_kind, quote, evidence, source_id, source_url, note, disagreement_id, null
    from stg_commodity_flows
    union all
    select 'supply_dependencies', dependency_id,
           case when supplier_status is not null then upper(left(item, 1)) || substr(item, 2) || ': China, ' || supplier_status
                else regexp_replace(replace(replace(replace(replace(indicator, '_', ' '), 'china hk', 'China and Hong Kong'), 'china', 'China'), 'russia', 'Russia'), '^c', 'C') end,
           share_pct,
           case when share_pct is not null then 'percent' end, qualifier,
           coalesce(cast(year as varchar), 'no year given'), year, period_id,
           evidence_kind, quote, evidence, source_id, source_url, note, disagreement_id, null
    from stg_supply_dependencies
    union all
    select 'partnership_limits', limit_id, statement, null, null, qualifier,
           coalesce('as of ' || as_of_label, 'as of the source''s date'), null, period_id,
           evidence_kind, quote, null, source_id, source_url, note, disagreement_id, as_of_label
    from stg_partnership_limits
    union all
    select 'events', event_id, title, quantity, quantity_unit, qualifier, date_label, year(event_date), period_id,
           evidence_kind, quote, evidence, source_id, source_url, note, disagreement_id, null
    from stg_events
    union all
    select 'incidents', incident_id, coalesce(ship, 'Ship not named in the source') || ': ' || what_damaged, null, null, qualifier,
           date_label, year(event_date), period_id, evidence_kind, quote, evidence, source_id, source_url, note, disagreement_id, null
    from stg_incidents
    union all
    select 'agreements_and_meetings', agreement_id, title, null, null, qualifier,
           coalesce(date_label, 'no date given'), year(event_date), period_id,
           evidence_kind, quote, evidence, source_id, source_url, note, disagreement_id, null
    from stg_agreements_and_meetings
    union all
    select 'exercises', exercise_id, name, null, null, qualifier,
           coalesce(strftime(start_date, '%Y-%m-%d'), cast(year as varchar)), year, period_id,
           evidence_kind, quote, evidence, source_id, source_url, note, disagreement_id, null
    from stg_exercises
    union all
    select 'exercise_mentions', mention_id, coalesce(exercise_name, 'Joint exercises (no single exercise named)'), null, null, qualifier,
           coalesce(cast(exercise_year as varchar), period_label, 'no date given'), exercise_year, period_id,
           evidence_kind, quote, null, source_id, null, note, disagreement_id, null
    from stg_exercise_mentions
)
select
    r.relation || ':' || r.record_id as claim_id,
    r.relation,
    r.record_id,
    r.label,
    r.value,
    r.unit,
    r.qualifier,
    q.label as qualifier_label,
    case
        when r.value is null and q.symbol is not null and q.symbol <> '' then q.symbol || coalesce(' ' || r.unit, '')
        when r.value is null then null
        when r.qualifier = 'practically_none' then q.symbol || coalesce(' ' || r.unit, '')
        else trim(coalesce(q.symbol, '') || ' ' || regexp_replace(cast(r.value as varchar), '\.0$', '')
             || case when r.unit = 'percent' then '%' else coalesce(' ' || r.unit, '') end)
    end as value_text,
    r.period_text,
    r.year,
    r.period_id,
    r.evidence_kind,
    r.quote,
    r.evidence,
    r.source_id,
    r.source_url,
    r.note,
    r.disagreement_id,
    r.as_of_text
from rows r
left join stg_qualifiers q on q.qualifier = r.qualifier
