-- The documents' arms-transfer statements with their period, derived (never typed): from event_date when
-- the source gives a month or day (a month straddling a cut counts by its last day), else from
-- year_start, else year_end; rows with no date have no period. Plus the qualifier's chart symbol.
-- date_from/date_to, straddles_cut, precision_note, period_ids and period_label come from stg_dated_rows:
-- the interval the date covers at its precision and every period it overlaps. period_id stays one
-- period by the convention above; for a row whose date straddles a cut, read period_ids.
create view stg_doc_arms_transfers as
select
    t.transfer_id,
    t.direction,
    t.system,
    t.system_family,
    t.category,
    t.transfer_type,
    t.quantity,
    t.quantity_unit,
    t.part_of,
    t.year_start,
    t.year_end,
    t.event_date,
    t.date_precision,
    t.date_basis,
    t.sipri_designations,
    t.source_id,
    t.evidence_kind,
    t.quote,
    t.source_url,
    t.qualifier,
    t.note,
    t.disagreement_id,
    case
        when t.date_precision = 'day' then strftime(t.event_date, '%-d %B %Y')
        when t.date_precision = 'month' then strftime(t.event_date, '%B %Y')
        when t.year_start is not null and t.year_end is not null and t.year_end > t.year_start
            then cast(t.year_start as varchar) || '–' || cast(t.year_end as varchar)
        when t.year_start is not null and t.year_end is not null then cast(t.year_start as varchar)
        when t.year_start is not null then 'from ' || cast(t.year_start as varchar)
        when t.year_end is not null then 'until ' || cast(t.year_end as varchar)
    end as date_label,
    coalesce(q.symbol, '') as qualifier_symbol,
    dr.date_from,
    dr.date_to,
    coalesce(dr.straddles_cut, false) as straddles_cut,
    dr.precision_note,
    dr.period_ids,
    dr.period_label,
    p.period_id
from doc_arms_transfers t
join qualifiers q on q.qualifier = t.qualifier
left join stg_dated_rows dr on dr.relation = 'doc_arms_transfers' and dr.row_id = t.transfer_id
left join periods p
    on case
        when t.date_precision = 'day' then t.event_date between p.start_date and p.end_date
        when t.date_precision = 'month' then last_day(t.event_date) between p.start_date and p.end_date
        when t.date_precision = 'year' then year(t.event_date) between p.first_year and p.last_year
        when t.year_start is not null then t.year_start between p.first_year and p.last_year
        else t.year_end between p.first_year and p.last_year
    end
