-- Infrastructure incidents with their quotes and approximate map points (Incidents page).
create view incident_list as
select
    i.incident_id,
    i.ship,
    i.ship_flag_or_operator,
    i.event_date,
    i.date_label,
    i.date_precision,
    i.sea_area,
    i.what_damaged,
    i.how_damaged,
    coalesce(i.admitted_label, 'not stated') as admitted_label,
    i.map_lat,
    i.map_lon,
    i.evidence_kind,
    i.quote,
    i.evidence,
    coalesce(i.quote, i.evidence || ' (paraphrase)') as quote_or_paraphrase,
    i.source_url,
    i.qualifier,
    i.confidence,
    i.note,
    i.disagreement_id,
    i.source_id,
    s.title as source_title,
    i.date_from,
    i.date_to,
    i.straddles_cut,
    i.precision_note,
    i.period_id,
    i.period_ids,
    i.period_label
from stg_incidents i
join stg_sources s on s.source_id = i.source_id
order by i.event_date, i.incident_id
