-- One row per Russia–China joint exercise or patrol: the compiled list (one public page per row,
-- cited by URL with our paraphrase) plus claims of the two documents that the list lacks
-- (verbatim quote; `counted` false where the claim is disputed or generic), plus rows this project
-- adds from public pages the list lacks; `counted_reason` says why each row is counted or not.
create table exercises (
    exercise_id        varchar primary key check (regexp_matches(exercise_id, '^[a-z0-9_]+$')),
    name               varchar not null,
    year               integer not null check (year between 1990 and 2030),
    start_date         date,
    end_date           date,
    date_precision     varchar not null check (date_precision in ('day', 'month', 'year')),
    kind               varchar not null check (kind in ('exercise', 'patrol', 'bomber_patrol')),
    domain             varchar not null check (domain in ('land', 'naval', 'air', 'combined')),
    framework          varchar not null check (framework in ('bilateral', 'SCO', 'trilateral with Iran', 'Russian strategic exercise', 'other')),
    location           varchar not null,
    map_lat            double check (map_lat between -90 and 90),
    map_lon            double check (map_lon between -180 and 180),
    participants_note  varchar,
    confidence         varchar not null check (confidence in ('stated', 'inferred', 'document')),
    counted            boolean not null,
    counted_reason     varchar not null,
    source_id          varchar not null references sources (source_id),
    evidence_kind      varchar not null check (evidence_kind in ('quote', 'paraphrase')),
    quote              varchar,
    evidence           varchar,
    source_url         varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    qualifier          varchar not null references qualifiers (qualifier),
    note               varchar,
    disagreement_id    varchar references source_disagreements (disagreement_id),
    check (end_date is null or start_date is null or end_date >= start_date),
    check (end_date is null or start_date is not null),
    check (start_date is null or year(start_date) = year),
    -- an exercise may run over New Year, not longer: an end date in a later year contradicts the year
    check (end_date is null or year(end_date) <= year + 1),
    check (date_precision <> 'day' or start_date is not null),
    check ((map_lat is null) = (map_lon is null)),
    check (evidence_kind <> 'quote' or quote is not null),
    check (evidence_kind <> 'paraphrase' or (quote is null and evidence is not null and source_url is not null)),
    check (confidence <> 'document' or evidence_kind = 'quote'),
    check (counted or note is not null),
    -- the reason says what the flag says: 'Counted: <what it is>' or 'Not counted: <why not>'
    check (counted_reason like (case when counted then 'Counted: %' else 'Not counted: %' end))
);
