-- China's place in Russia's supply of chips, chip-making inputs and critical minerals: shares and
-- supplier statuses as the documents state them (quotes) beside published figures compiled from web
-- pages (paraphrases). Shares from different data sets differ in scope; see disagreement_id.
create table supply_dependencies (
    dependency_id    varchar primary key check (regexp_full_match(dependency_id, '[a-z0-9_]+')),
    indicator        varchar not null check (regexp_full_match(indicator, '[a-z0-9_]+')),
    item             varchar not null,
    year             integer check (year between 1900 and 2030),
    date_basis       varchar check (date_basis in ('stated', 'context')),
    share_pct        double check (share_pct between 0 and 100),
    supplier_status  varchar check (supplier_status in ('sole external supplier', 'one of two suppliers', 'Russia a net importer from China')),
    other_suppliers  varchar,
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
    check (share_pct is not null or supplier_status is not null),
    check ((year is null) = (date_basis is null)),
    check (other_suppliers is null or supplier_status is not null)
);
