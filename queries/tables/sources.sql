-- One row per source: the two documents, the SIPRI data sets and the public pages cited by compiled rows.
create table sources (
    source_id     varchar primary key check (regexp_matches(source_id, '^[a-z0-9_]+$')),
    kind          varchar not null check (kind in ('document', 'database', 'web_page')),
    title         varchar not null,
    publisher     varchar not null,
    authors       varchar,
    published     varchar not null,
    year          integer check (year between 1900 and 2030),
    url           varchar check (url is null or regexp_matches(url, '^https?://')),
    terms_of_use  varchar not null,
    data_vintage  varchar not null,
    citation      varchar not null,
    seed_file     varchar,
    check (kind <> 'document' or seed_file is not null),
    -- the year is the year of the publication date, where `published` starts with one
    check (coalesce(year = try_cast(left(published, 4) as integer), true))
);
