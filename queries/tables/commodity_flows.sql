-- Yearly flows of dual-use goods from China to Russia: nitrocellulose tonnages and integrated-circuit
-- values, as the CEPA paper states them (quotes) beside figures compiled from web pages (paraphrases).
-- A partial year (partial_year, months_covered) is never comparable with a full one.
create table commodity_flows (
    flow_id          varchar primary key check (regexp_full_match(flow_id, '[a-z0-9_]+')),
    commodity        varchar not null check (commodity in ('nitrocellulose', 'integrated_circuits')),
    flow             varchar not null check (flow in ('china_to_russia')),
    year             integer check (year between 1900 and 2030),
    date_basis       varchar check (date_basis in ('stated', 'context')),
    partial_year     boolean not null,
    months_covered   integer check (months_covered between 1 and 12),
    quantity         double check (quantity >= 0),
    unit             varchar not null check (unit in ('tons', 'million_usd')),
    source_id        varchar not null references sources (source_id),
    evidence_kind    varchar not null check (evidence_kind in ('quote', 'paraphrase')),
    quote            varchar,
    evidence         varchar,
    source_url       varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    qualifier        varchar not null references qualifiers (qualifier),
    note             varchar,
    disagreement_id  varchar references source_disagreements (disagreement_id),
    check (evidence_kind <> 'quote' or (length(trim(quote)) > 0 and evidence is null)),
    check (evidence_kind <> 'paraphrase' or (quote is null and evidence is not null and source_url is not null)),
    check ((year is null) = (date_basis is null)),
    check (partial_year = (months_covered is not null and months_covered < 12)),
    check (months_covered is null or year is not null),
    check (qualifier <> 'practically_none' or quantity = 0),
    check (quantity is not null),
    check (unit = 'tons' or commodity <> 'nitrocellulose')
);
