-- What has not happened, with a readable as-of date and its period (from as_of_date at its precision;
-- statements with no as-of date have no period: they hold as of the source's date).
-- date_from/date_to, straddles_cut, precision_note, period_ids and period_label come from stg_dated_rows:
-- the interval the date covers at its precision and every period it overlaps. period_id stays one
-- period by the convention above; for a row whose date straddles a cut, read period_ids.
create view stg_partnership_limits as
select
    l.limit_id,
    l.domain,
    l.statement,
    l.as_of_date,
    l.date_precision,
    l.source_id,
    l.evidence_kind,
    l.quote,
    l.source_url,
    l.qualifier,
    l.note,
    l.disagreement_id,
    case l.date_precision
        when 'day' then strftime(l.as_of_date, '%-d %B %Y')
        when 'month' then strftime(l.as_of_date, '%B %Y')
        when 'year' then strftime(l.as_of_date, '%Y')
    end as as_of_label,
    dr.date_from,
    dr.date_to,
    coalesce(dr.straddles_cut, false) as straddles_cut,
    dr.precision_note,
    dr.period_ids,
    dr.period_label,
    p.period_id
from partnership_limits l
left join stg_dated_rows dr on dr.relation = 'partnership_limits' and dr.row_id = l.limit_id
left join periods p
    on case
        when l.date_precision = 'day' then l.as_of_date between p.start_date and p.end_date
        when l.date_precision = 'month' then last_day(l.as_of_date) between p.start_date and p.end_date
        else year(l.as_of_date) between p.first_year and p.last_year
    end
