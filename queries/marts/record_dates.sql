-- How far each list of the dashboard runs ("record up to ..."): for each list, its latest dated row's
-- date at that row's precision (in reader words), how many rows the list holds, how many of them are
-- dated, and how many are dated after the documents (their latest events are from April 2025). A list's
-- latest row is the one with the latest start date; of two on the same start, the more precise one
-- (a day beats the month or year it falls in). Lists: agreements and meetings, incidents, timeline
-- events, key events (the Overview timeline: events, agreements and incidents together), joint
-- exercises and patrols, dual-use figures (shares and flows, dated to the year) and partnership limits.
create view record_dates as
with dated as (
    select 'agreements_and_meetings' as list_id, coalesce(event_date, make_date(valid_from_year, 1, 1)) as d,
           coalesce(date_precision, 'year') as p
    from stg_agreements_and_meetings
    union all
    select 'incidents', event_date, date_precision from stg_incidents
    union all
    select 'events', event_date, date_precision from stg_events
    union all
    -- the Overview timeline holds only dated rows (as key_events does)
    select 'key_events', coalesce(event_date, make_date(valid_from_year, 1, 1)), coalesce(date_precision, 'year') from stg_agreements_and_meetings
    where coalesce(event_date, make_date(valid_from_year, 1, 1)) is not null
    union all
    select 'key_events', event_date, date_precision from stg_incidents
    union all
    select 'key_events', event_date, date_precision from stg_events where event_date is not null
    union all
    select 'exercises', coalesce(start_date, make_date(year, 1, 1)),
           case when start_date is null then 'year' else date_precision end
    from stg_exercises
    union all
    select 'dual_use', make_date(year, 1, 1), 'year' from stg_supply_dependencies
    union all
    select 'dual_use', make_date(year, 1, 1), 'year' from stg_commodity_flows
    union all
    select 'limits', as_of_date, date_precision from stg_partnership_limits
),
lists as (
    select * from (values
        (1, 'agreements_and_meetings', 'Agreements and meetings'),
        (2, 'incidents', 'Infrastructure incidents'),
        (3, 'events', 'Timeline events'),
        (4, 'key_events', 'Key events'),
        (5, 'exercises', 'Joint exercises and patrols'),
        (6, 'dual_use', 'Dual-use figures'),
        (7, 'limits', 'Limits of the partnership')
    ) as t(list_order, list_id, list_label)
),
ranked as (
    select list_id, d, p,
           row_number() over (partition by list_id order by d desc,
                              case p when 'day' then 1 when 'month' then 2 else 3 end) as r
    from dated where d is not null
),
counts as (
    select list_id, count(*) as rows, count(d) as dated_rows,
           count(*) filter (where d > date '2025-04-30') as rows_after_documents
    from dated group by list_id
)
select
    l.list_id,
    l.list_label,
    r.d as latest_date,
    r.p as latest_precision,
    case r.p
        when 'day' then strftime(r.d, '%-d %B %Y')
        when 'month' then strftime(r.d, '%B %Y')
        when 'year' then strftime(r.d, '%Y')
    end as latest_label,
    coalesce(c.rows, 0) as rows,
    coalesce(c.dated_rows, 0) as dated_rows,
    coalesce(c.rows_after_documents, 0) as rows_after_documents,
    l.list_order
from lists l
left join ranked r on r.list_id = l.list_id and r.r = 1
left join counts c on c.list_id = l.list_id
order by l.list_order
