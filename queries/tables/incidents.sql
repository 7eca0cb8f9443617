-- Damage to undersea cables and a pipeline by ships linked to China or Russia: as the CEPA paper states it
-- (quoted), and later incidents compiled from public pages (paraphrased, with the page's URL).
-- map_lat/map_lon: a rough point in the sea area the source names, for a map marker ONLY (not the site).
create table incidents (
    incident_id                        varchar primary key check (regexp_full_match(incident_id, '[a-z0-9_]+')),
    ship                               varchar,
    ship_flag_or_operator              varchar not null,
    crew_note                          varchar,
    event_date                         date not null check (event_date between date '1900-01-01' and date '2030-12-31'),
    date_precision                     varchar not null check (date_precision in ('day', 'month', 'year')),
    sea_area                           varchar not null,
    what_damaged                       varchar not null,
    how_damaged                        varchar,
    responsibility_admitted_date       date check (responsibility_admitted_date between date '1900-01-01' and date '2030-12-31'),
    responsibility_admitted_precision  varchar check (responsibility_admitted_precision in ('day', 'month', 'year')),
    map_lat                            double not null check (map_lat between -90 and 90),
    map_lon                            double not null check (map_lon between -180 and 180),
    source_id                          varchar not null references sources (source_id),
    evidence_kind                      varchar not null check (evidence_kind in ('quote', 'paraphrase')),
    quote                              varchar,
    evidence                           varchar,
    source_url                         varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    qualifier                          varchar not null references qualifiers (qualifier),
    confidence                         varchar not null check (confidence in ('stated', 'inferred', 'document')),
    note                               varchar,
    disagreement_id                    varchar references source_disagreements (disagreement_id),
    check (evidence_kind <> 'quote' or length(trim(quote)) > 0),
    check (evidence_kind <> 'paraphrase' or (quote is null and evidence is not null and length(trim(evidence)) > 0 and source_url is not null)),
    check (evidence_kind <> 'quote' or evidence is null),
    -- 'document' marks a claim of one of the two documents; a row from a public page says whether its
    -- fields are stated on the page or partly worked out (inferred)
    check ((confidence = 'document') = (evidence_kind = 'quote')),
    check (date_precision = 'day'
           or (date_precision = 'month' and day(event_date) = 1)
           or (date_precision = 'year' and month(event_date) = 1 and day(event_date) = 1)),
    check ((responsibility_admitted_date is null) = (responsibility_admitted_precision is null)),
    check (responsibility_admitted_precision is null or responsibility_admitted_precision = 'day'
           or (responsibility_admitted_precision = 'month' and day(responsibility_admitted_date) = 1)
           or (responsibility_admitted_precision = 'year' and month(responsibility_admitted_date) = 1 and day(responsibility_admitted_date) = 1)),
    check (responsibility_admitted_date is null or responsibility_admitted_date >= event_date)
);
