-- Joint exercises and patrols with their period, derived (never typed) from the start date when the
-- row has one, else from the year; `counted` rows are the ones yearly counts rest on.
-- date_from/date_to, straddles_cut, precision_note, period_ids and period_label come from stg_dated_rows:
-- the interval the date covers at its precision and every period it overlaps. period_id stays one
-- period by the convention above; for a row whose date straddles a cut, read period_ids.
create view stg_exercises as
select
    e.exercise_id,
    e.name,
    e.year,
    e.start_date,
    e.end_date,
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
    e.counted_reason,
    e.source_id,
    e.evidence_kind,
    e.quote,
    e.evidence,
    e.source_url,
    e.qualifier,
    e.note,
    e.disagreement_id,
    dr.date_from,
    dr.date_to,
    coalesce(dr.straddles_cut, false) as straddles_cut,
    dr.precision_note,
    dr.period_ids,
    dr.period_label,
    p.period_id
from exercises e
left join stg_dated_rows dr on dr.relation = 'exercises' and dr.row_id = e.exercise_id
left join periods p
    on case
        when e.start_date is not null then e.start_date between p.start_date and p.end_date
        else e.year between p.first_year and p.last_year
    end
