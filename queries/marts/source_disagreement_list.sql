-- Where sources disagree or one is likely wrong: both readings and our assessment.
create view source_disagreement_list as
select
    d.disagreement_id,
    d.topic,
    d.kind,
    a.title as reading_a_source,
    d.reading_a,
    b.title as reading_b_source,
    d.reading_b,
    d.assessment
from stg_source_disagreements d
join stg_sources a on a.source_id = d.reading_a_source_id
left join stg_sources b on b.source_id = d.reading_b_source_id
order by d.disagreement_id
