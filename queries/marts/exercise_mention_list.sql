-- What the two documents say about joint exercises, verbatim, with the exercise each names.
create view exercise_mention_list as
select
    m.mention_id,
    m.exercise_id,
    m.exercise_name,
    m.exercise_year as year,
    m.source_id,
    s.title as source_title,
    m.evidence_kind,
    m.quote,
    m.qualifier,
    m.note,
    m.disagreement_id,
    m.date_from,
    m.date_to,
    m.straddles_cut,
    m.precision_note,
    m.period_id,
    m.period_ids,
    m.period_label
from stg_exercise_mentions m
join stg_sources s on s.source_id = m.source_id
order by m.mention_id
