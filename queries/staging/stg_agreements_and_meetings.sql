-- Agreements and meetings with a readable date and their period, derived from event_date at its precision
-- (a month straddling a cut counts by its last day; a year by the yearly ranges), else from
-- valid_from_year; undated rows have no period.
-- date_from/date_to, straddles_cut, precision_note, period_ids and period_label come from stg_dated_rows:
-- the interval the date covers at its precision and every period it overlaps. period_id stays one
-- period by the convention above; for a row whose date straddles a cut, read period_ids.
create view stg_agreements_and_meetings as
select
    a.agreement_id,
    a.kind,
    a.title,
    a.parties,
    a.event_date,
    a.date_precision,
    a.date_basis,
    a.valid_from_year,
    a.valid_to_year,
    a.frequency,
    a.source_id,
    a.evidence_kind,
    a.quote,
    a.evidence,
    a.source_url,
    a.qualifier,
    a.confidence,
    a.note,
    a.disagreement_id,
    case a.date_precision
        when 'day' then strftime(a.event_date, '%-d %B %Y')
        when 'month' then strftime(a.event_date, '%B %Y')
        when 'year' then strftime(a.event_date, '%Y')
    end as date_label,
    dr.date_from,
    dr.date_to,
    coalesce(dr.straddles_cut, false) as straddles_cut,
    dr.precision_note,
    dr.period_ids,
    dr.period_label,
    p.period_id
from agreements_and_meetings a
left join stg_dated_rows dr on dr.relation = 'agreements_and_meetings' and dr.row_id = a.agreement_id
left join periods p
    on case
        when a.date_precision = 'day' then a.event_date between p.start_date and p.end_date
        when a.date_precision = 'month' then last_day(a.event_date) between p.start_date and p.end_date
        when a.date_precision = 'year' then year(a.event_date) between p.first_year and p.last_year
        else a.valid_from_year between p.first_year and p.last_year
    end
