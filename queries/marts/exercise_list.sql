-- Every joint exercise or patrol with its source and any document quotes that mention it
-- (Exercises page: timeline, map, table).
create view exercise_list as
select
    e.exercise_id,
    e.name,
    e.year,
    e.start_date,
    e.end_date,
    coalesce(e.start_date, make_date(e.year, 7, 1)) as plot_date,
    e.date_precision,
    e.kind,
    e.domain,
    e.framework,
    e.location,
    e.map_lat,
    e.map_lon,
    e.participants_note,
    e.confidence,
    e.counted,
    e.evidence_kind,
    e.quote,
    e.evidence,
    e.source_url,
    e.qualifier,
    e.note,
    e.disagreement_id,
    e.source_id,
    s.title as source_title,
    s.publisher as source_publisher,
    m.document_quotes,
    e.period_id
from stg_exercises e
join stg_sources s on s.source_id = e.source_id
left join (
    select exercise_id, string_agg('“' || quote || '” (' || source_id || ')', ' | ') as document_quotes
    from stg_exercise_mentions
    where exercise_id is not null
    group by exercise_id
) m on m.exercise_id = e.exercise_id
order by plot_date, e.exercise_id
