-- Where two sources disagree, or one is likely wrong: both readings kept, never smoothed over.
create table source_disagreements (
    disagreement_id      varchar primary key check (regexp_matches(disagreement_id, '^[a-z0-9_]+$')),
    topic                varchar not null,
    kind                 varchar not null check (kind in ('sources_disagree', 'likely_error', 'definitions_differ')),
    reading_a_source_id  varchar not null references sources (source_id),
    reading_a            varchar not null,
    reading_b_source_id  varchar references sources (source_id),
    reading_b            varchar not null,
    assessment           varchar not null
);
