-- How a source hedges a figure; every curated figure names one of these.
create table qualifiers (
    qualifier    varchar primary key,
    symbol       varchar,
    label        varchar not null,
    description  varchar not null,
    sort_order   integer not null unique
);
