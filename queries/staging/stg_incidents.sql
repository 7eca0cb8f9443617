-- Cable and pipeline incidents with readable dates and their period (from the incident date at its
-- precision). map_lat/map_lon are rough points in the named sea area, for markers only.
-- date_from/date_to, straddles_cut, precision_note, period_ids and period_label come from stg_dated_rows:
-- the interval the date covers at its precision and every period it overlaps. period_id stays one
-- period by the convention above; for a row whose date straddles a cut, read period_ids.
create view stg_incidents as
select
    i.incident_id,
    i.ship,
    i.ship_flag_or_operator,
    i.crew_note,
    i.event_date,
    i.date_precision,
    i.sea_area,
    i.what_damaged,
    i.how_damaged,
    i.responsibility_admitted_date,
    i.responsibility_admitted_precision,
    i.map_lat,
    i.map_lon,
    i.source_id,
    i.evidence_kind,
    i.quote,
    i.evidence,
    i.source_url,
    i.qualifier,
    i.confidence,
    i.note,
    i.disagreement_id,
    case i.date_precision
        when 'day' then strftime(i.event_date, '%-d %B %Y')
        when 'month' then strftime(i.event_date, '%B %Y')
        else strftime(i.event_date, '%Y')
    end as date_label,
    case i.responsibility_admitted_precision
        when 'day' then strftime(i.responsibility_admitted_date, '%-d %B %Y')
        when 'month' then strftime(i.responsibility_admitted_date, '%B %Y')
        when 'year' then strftime(i.responsibility_admitted_date, '%Y')
    end as admitted_label,
    dr.date_from,
    dr.date_to,
    coalesce(dr.straddles_cut, false) as straddles_cut,
    dr.precision_note,
    dr.period_ids,
    dr.period_label,
    p.period_id
from incidents i
left join stg_dated_rows dr on dr.relation = 'incidents' and dr.row_id = i.incident_id
left join periods p
    on case
        when i.date_precision = 'day' then i.event_date between p.start_date and p.end_date
        when i.date_precision = 'month' then last_day(i.event_date) between p.start_date and p.end_date
        else year(i.event_date) between p.first_year and p.last_year
    end
