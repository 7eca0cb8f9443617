-- Agreements, roadmaps, treaties, declarations, summits, visits and regular consultations between
-- Russia and China as the two documents state them (quoted verbatim), and those since the documents compiled
-- from public pages (paraphrased, with the page's URL). Dates only as precise as the source.
create table agreements_and_meetings (
    agreement_id     varchar primary key check (regexp_full_match(agreement_id, '[a-z0-9_]+')),
    kind             varchar not null check (kind in (
                         'roadmap', 'treaty', 'treaty_extension', 'summit', 'declaration', 'consultation',
                         'visit', 'agreement', 'plan')),
    title            varchar not null,
    parties          varchar not null,
    event_date       date check (event_date between date '1900-01-01' and date '2030-12-31'),
    date_precision   varchar check (date_precision in ('day', 'month', 'year')),
    date_basis       varchar check (date_basis in ('stated', 'context')),
    valid_from_year  integer check (valid_from_year between 1900 and 2030),
    valid_to_year    integer check (valid_to_year between 1900 and 2030),
    frequency        varchar check (frequency in ('annual', 'semiannual')),
    source_id        varchar not null references sources (source_id),
    evidence_kind    varchar not null check (evidence_kind in ('quote', 'paraphrase')),
    quote            varchar,
    evidence         varchar,
    source_url       varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    qualifier        varchar not null references qualifiers (qualifier),
    confidence       varchar not null check (confidence in ('stated', 'inferred', 'document')),
    note             varchar,
    disagreement_id  varchar references source_disagreements (disagreement_id),
    check (evidence_kind <> 'quote' or length(trim(quote)) > 0),
    check (evidence_kind <> 'paraphrase' or (quote is null and evidence is not null and length(trim(evidence)) > 0 and source_url is not null)),
    check (evidence_kind <> 'quote' or evidence is null),
    -- 'document' marks a claim of one of the two documents; a row from a public page says whether its
    -- fields are stated on the page or partly worked out (inferred)
    check ((confidence = 'document') = (evidence_kind = 'quote')),
    check ((event_date is null) = (date_precision is null)),
    check (date_precision is null or date_precision = 'day'
           or (date_precision = 'month' and day(event_date) = 1)
           or (date_precision = 'year' and month(event_date) = 1 and day(event_date) = 1)),
    check ((date_basis is null) = (event_date is null)),
    check (valid_to_year is null or valid_from_year is null or valid_to_year >= valid_from_year),
    -- an agreement cannot stop being valid before the date it is recorded under
    check (valid_to_year is null or event_date is null or valid_to_year >= year(event_date)),
    check (frequency is null or kind = 'consultation')
);
