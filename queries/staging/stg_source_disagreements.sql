-- Disagreements between sources, with both readings.
create view stg_source_disagreements as
select disagreement_id, topic, kind, reading_a_source_id, reading_a, reading_b_source_id, reading_b, assessment
from source_disagreements
