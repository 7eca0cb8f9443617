-- Every dated row of the dated tables as the interval its date covers at its precision, and the
-- periods that interval overlaps. A day covers the day; a month its first to last day; a year 1 Jan
-- to 31 Dec; a span with an end year runs to 31 Dec of that year; an open span ('since 2014') covers
-- its start at the start's precision; 'until 2013' has no start (date_from NULL) and ends 31 Dec.
-- straddles_cut: a period cut (the first day of a later period: 1 Jan 2014, 24 Feb 2022) lies
-- strictly inside the interval (date_from < cut <= date_to), so the date's precision does not settle
-- the period; period_ids lists every period the interval overlaps, in period order, and the period
-- filter shows the row under each of them. precision_note says so in words.
create view stg_dated_rows as
with spans as (
    -- relation, row_id, date_from, start_to (end of the start's own interval), end_from (start of the
    -- end's own interval), date_to, is_open ('since ...'), start_text (the start at its precision)
    select 'events' as relation, e.event_id as row_id, date_precision,
           e.event_date as date_from,
           case e.date_precision when 'day' then e.event_date when 'month' then last_day(e.event_date)
                else make_date(year(e.event_date), 12, 31) end as start_to,
           e.end_year,
           not e.point_event and e.end_year is null as is_open
    from events e where e.event_date is not null
    union all
    select 'events', e.event_id, 'year', null, null, e.end_year, false
    from events e where e.event_date is null and e.end_year is not null
    union all
    select 'agreements_and_meetings', a.agreement_id, coalesce(a.date_precision, 'year'),
           coalesce(a.event_date, make_date(a.valid_from_year, 1, 1)),
           case a.date_precision when 'day' then a.event_date when 'month' then last_day(a.event_date)
                when 'year' then make_date(year(a.event_date), 12, 31) else make_date(a.valid_from_year, 12, 31) end,
           null, false
    from agreements_and_meetings a where a.event_date is not null or a.valid_from_year is not null
    union all
    select 'incidents', i.incident_id, i.date_precision, i.event_date,
           case i.date_precision when 'day' then i.event_date when 'month' then last_day(i.event_date)
                else make_date(year(i.event_date), 12, 31) end,
           null, false
    from incidents i
    union all
    select 'partnership_limits', l.limit_id, l.date_precision, l.as_of_date,
           case l.date_precision when 'day' then l.as_of_date when 'month' then last_day(l.as_of_date)
                else make_date(year(l.as_of_date), 12, 31) end,
           null, false
    from partnership_limits l where l.as_of_date is not null
    union all
    select 'doc_arms_transfers', t.transfer_id, coalesce(t.date_precision, 'year'),
           coalesce(t.event_date, make_date(t.year_start, 1, 1)),
           case when t.date_precision = 'day' then t.event_date
                when t.date_precision = 'month' then last_day(t.event_date)
                when t.date_precision = 'year' then make_date(year(t.event_date), 12, 31)
                else make_date(coalesce(t.year_start, t.year_end), 12, 31) end,
           case when t.event_date is null and t.year_start is not null then t.year_end end,
           t.event_date is null and t.year_start is not null and t.year_end is null
    from doc_arms_transfers t where t.event_date is not null or t.year_start is not null or t.year_end is not null
),
exercise_spans as (
    -- exercises: a start date (to its end date, if any), else the year
    select 'exercises' as relation, x.exercise_id as row_id,
           case when x.start_date is null then 'year' else x.date_precision end as date_precision,
           coalesce(x.start_date, make_date(x.year, 1, 1)) as date_from,
           case when x.start_date is null or x.date_precision = 'year' then make_date(x.year, 12, 31)
                when x.date_precision = 'month' then last_day(x.start_date)
                else x.start_date end as start_to,
           case when x.end_date is not null and x.end_date > x.start_date then x.end_date end as end_day
    from exercises x
),
intervals as (
    select relation, row_id, date_precision, date_from, start_to,
           case when end_year is not null and make_date(end_year, 12, 31) > start_to then make_date(end_year, 1, 1) else date_from end as end_from,
           case when end_year is not null then greatest(start_to, make_date(end_year, 12, 31)) else start_to end as date_to,
           is_open,
           end_year
    from spans
    union all
    select relation, row_id, date_precision, date_from, start_to,
           coalesce(end_day, date_from), greatest(start_to, coalesce(end_day, start_to)), false, null
    from exercise_spans
),
cuts as (
    select start_date as cut, strftime(start_date, '%-d %b %Y') as cut_text
    from periods where start_date > (select min(start_date) from periods)
),
described as (
    select i.*,
           i.date_to > i.start_to as is_span,
           case i.date_precision when 'day' then strftime(i.date_from, '%-d %B %Y')
                when 'month' then strftime(i.date_from, '%B %Y') else strftime(i.date_from, '%Y') end as start_text,
           case when i.end_year is not null then cast(i.end_year as varchar)
                else strftime(i.date_to, '%-d %B %Y') end as end_text
    from intervals i
)
select
    d.relation,
    d.row_id,
    d.date_from,
    d.date_to,
    (select list(p.period_id order by p.sort_order) from periods p
      where p.start_date <= d.date_to and (d.date_from is null or p.end_date >= d.date_from)) as period_ids,
    exists (select 1 from cuts c where coalesce(d.date_from, date '1900-01-01') < c.cut and c.cut <= d.date_to) as straddles_cut,
    (select string_agg(p.label, ' / ' order by p.sort_order) from periods p
      where p.start_date <= d.date_to and (d.date_from is null or p.end_date >= d.date_from)) as period_label,
    (select case
                when d.date_from is null then 'Dated only as until ' || d.end_text || ': '
                when d.is_span then 'Dated ' || d.start_text || '–' || d.end_text || ': '
                else 'Dated only to ' || d.start_text || ': '
            end
            || string_agg(
                case
                    when d.date_from is null then 'may end before or after '
                    when not d.is_span and d.is_open then 'may begin before or after '
                    when not d.is_span then 'may fall before or after '
                    when c.cut <= d.start_to then 'may begin before or after '
                    when c.cut > d.end_from then 'may end before or after '
                    else 'runs across '
                end || c.cut_text, '; ' order by c.cut)
     from cuts c
     where coalesce(d.date_from, date '1900-01-01') < c.cut and c.cut <= d.date_to) as precision_note
from described d
-- materialise: table (read by several views and the Data explorer; stored once per build)
