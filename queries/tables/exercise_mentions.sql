-- Each statement of the two documents about joint exercises or patrols, quoted verbatim and linked to
-- the exercise it names (empty exercise_id where the statement is about many exercises or none in particular).
create table exercise_mentions (
    mention_id       varchar primary key check (regexp_matches(mention_id, '^[a-z0-9_]+$')),
    exercise_id      varchar references exercises (exercise_id),
    source_id        varchar not null references sources (source_id),
    evidence_kind    varchar not null check (evidence_kind = 'quote'),
    quote            varchar not null,
    qualifier        varchar not null references qualifiers (qualifier),
    note             varchar,
    disagreement_id  varchar references source_disagreements (disagreement_id),
    check (exercise_id is not null or note is not null)
);
