-- What the documents stress has NOT happened between Russia and China (no alliance, no troops, no heavy
-- weapons, no recognition of annexations, no command-and-control exercises), each with its quote.
create table partnership_limits (
    limit_id         varchar primary key check (regexp_full_match(limit_id, '[a-z0-9_]+')),
    domain           varchar not null check (domain in ('alliance', 'troops', 'weapons', 'diplomacy', 'exercises', 'interoperability')),
    statement        varchar not null,
    as_of_date       date check (as_of_date between date '1900-01-01' and date '2030-12-31'),
    date_precision   varchar check (date_precision in ('day', 'month', 'year')),
    source_id        varchar not null references sources (source_id),
    evidence_kind    varchar not null check (evidence_kind in ('quote', 'paraphrase')),
    quote            varchar,
    source_url       varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    qualifier        varchar not null references qualifiers (qualifier),
    note             varchar,
    disagreement_id  varchar references source_disagreements (disagreement_id),
    check (evidence_kind <> 'quote' or length(trim(quote)) > 0),
    check (evidence_kind <> 'paraphrase' or (quote is null and source_url is not null)),
    check ((as_of_date is null) = (date_precision is null)),
    check (date_precision is null or date_precision = 'day'
           or (date_precision = 'month' and day(as_of_date) = 1)
           or (date_precision = 'year' and month(as_of_date) = 1 and day(as_of_date) = 1))
);
