-- Every other dated or quantitative statement of the two documents (quoted), and events since the documents
-- compiled from public pages (paraphrased, with the page's URL) (timeline material): conflict,
-- sanctions, diplomacy, industry, technology transfer, foreign fighters, trends. event_date is the point
-- or the start of a span (as precise as the source); end_year closes a span; point_event marks single happenings.
create table events (
    event_id         varchar primary key check (regexp_full_match(event_id, '[a-z0-9_]+')),
    category         varchar not null check (category in (
                         'history', 'conflict', 'sanctions', 'diplomacy', 'industry', 'trade', 'dual_use',
                         'technology_transfer', 'arms_trade', 'foreign_fighters', 'policy', 'perception',
                         'cooperation_trend', 'us_policy', 'context')),
    title            varchar not null,
    event_date       date check (event_date between date '1900-01-01' and date '2030-12-31'),
    date_precision   varchar check (date_precision in ('day', 'month', 'year')),
    end_year         integer check (end_year between 1900 and 2030),
    date_basis       varchar check (date_basis in ('stated', 'context')),
    point_event      boolean not null,
    quantity         double check (quantity >= 0),
    quantity_unit    varchar,
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
    check (end_year is null or event_date is null or end_year >= year(event_date)),
    check ((date_basis is null) = (event_date is null and end_year is null)),
    check (not point_event or end_year is null),
    check ((quantity is null) = (quantity_unit is null)),
    check (quantity is not null or qualifier = 'exact')
);
