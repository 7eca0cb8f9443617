-- Every joint exercise or patrol with its source and any document quotes that mention it
-- (Exercises page: timeline, map, table), with the dates in words at their precision, the interval
-- the dates cover, and whether it holds a period cut, as in the key events.
create view exercise_list as
select
    e.exercise_id,
    e.name,
    e.year,
    e.start_date,
    e.end_date,
    coalesce(e.start_date, make_date(e.year, 7, 1)) as plot_date,
    case
        when e.start_date is null or e.date_precision = 'year' then cast(e.year as varchar)
        when e.date_precision = 'month' then strftime(e.start_date, '%B %Y')
        when e.end_date is null or e.end_date = e.start_date then strftime(e.start_date, '%-d %B %Y')
        when strftime(e.start_date, '%Y-%m') = strftime(e.end_date, '%Y-%m') then strftime(e.start_date, '%-d') || '–' || strftime(e.end_date, '%-d %B %Y')
        when year(e.start_date) = year(e.end_date) then strftime(e.start_date, '%-d %B') || ' – ' || strftime(e.end_date, '%-d %B %Y')
        else strftime(e.start_date, '%-d %B %Y') || ' – ' || strftime(e.end_date, '%-d %B %Y')
    end as date_label,
    e.date_precision,
    e.kind,
    case e.kind when 'exercise' then 'Exercise' when 'patrol' then 'Patrol' when 'bomber_patrol' then 'Bomber patrol' end as kind_label,
    e.domain,
    e.framework,
    e.location,
    e.map_lat,
    e.map_lon,
    e.participants_note,
    e.confidence,
    e.counted,
    e.counted_reason,
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
    e.date_from,
    e.date_to,
    e.straddles_cut,
    e.precision_note,
    e.period_id,
    e.period_ids,
    e.period_label
from stg_exercises e
join stg_sources s on s.source_id = e.source_id
left join (
    select m.exercise_id, string_agg('“' || m.quote || '” (' || ms.title || ')', ' | ' order by m.mention_id) as document_quotes
    from stg_exercise_mentions m
    join stg_sources ms on ms.source_id = m.source_id
    where m.exercise_id is not null
    group by m.exercise_id
) m on m.exercise_id = e.exercise_id
order by plot_date, e.exercise_id
