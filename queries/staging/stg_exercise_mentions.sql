-- Document statements about joint exercises, with the exercise they name (if any) and its period;
-- statements about many exercises have no exercise and no period.
-- The exercise's interval, straddles_cut and period_ids come with it (see stg_dated_rows).
create view stg_exercise_mentions as
select
    m.mention_id,
    m.exercise_id,
    m.source_id,
    m.evidence_kind,
    m.quote,
    m.qualifier,
    m.note,
    m.disagreement_id,
    e.name as exercise_name,
    e.year as exercise_year,
    e.counted as exercise_counted,
    e.date_from,
    e.date_to,
    e.straddles_cut,
    e.precision_note,
    e.period_ids,
    e.period_label,
    e.period_id
from exercise_mentions m
left join stg_exercises e on e.exercise_id = m.exercise_id
