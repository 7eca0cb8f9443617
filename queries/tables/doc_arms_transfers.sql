-- Arms and military-technology transfers as the two documents state them (CEPA, Rabdan): one row per
-- system and statement, quoted verbatim. Figures are the documents' own, never corrected; where SIPRI's
-- register differs, disagreement_id says so. sipri_designations names the matching register rows.
create table doc_arms_transfers (
    transfer_id         varchar primary key check (regexp_full_match(transfer_id, '[a-z0-9_]+')),
    direction           varchar not null check (direction in (
                            'russia_to_china', 'china_to_russia', 'ukraine_to_china', 'germany_to_russia',
                            'to_china_seller_unstated', 'joint')),
    system              varchar not null,
    system_family       varchar not null,
    category            varchar not null check (category in (
                            'aircraft', 'helicopters', 'air_defence', 'ships', 'submarines', 'engines', 'missiles',
                            'torpedoes', 'naval_guns', 'armoured_vehicles', 'drones', 'anti_drone', 'vehicles', 'other')),
    transfer_type       varchar not null check (transfer_type in (
                            'delivery', 'order', 'licensed_production', 'local_production', 'design_assistance',
                            'joint_development', 'component_supply')),
    quantity            double check (quantity >= 0),
    quantity_unit       varchar,
    part_of             varchar check (part_of is null or part_of <> transfer_id),
    year_start          integer check (year_start between 1900 and 2030),
    year_end            integer check (year_end between 1900 and 2030),
    event_date          date check (event_date between date '1900-01-01' and date '2030-12-31'),
    date_precision      varchar check (date_precision in ('day', 'month', 'year')),
    date_basis          varchar check (date_basis in ('stated', 'context')),
    sipri_designations  varchar check (regexp_full_match(sipri_designations, '[^;]+(; [^;]+)*')),
    source_id           varchar not null references sources (source_id),
    evidence_kind       varchar not null check (evidence_kind in ('quote', 'paraphrase')),
    quote               varchar,
    source_url          varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    qualifier           varchar not null references qualifiers (qualifier),
    note                varchar,
    disagreement_id     varchar references source_disagreements (disagreement_id),
    check (evidence_kind <> 'quote' or length(trim(quote)) > 0),
    check (evidence_kind <> 'paraphrase' or (quote is null and source_url is not null)),
    check ((quantity is null) = (quantity_unit is null)),
    -- a count the source does not give is only allowed with a wording qualifier or an unhedged statement
    check (quantity is not null or qualifier in ('exact', 'several', 'hundreds', 'millions')),
    check (qualifier not in ('several', 'hundreds', 'millions') or quantity is null),
    check (year_end is null or year_start is null or year_end >= year_start),
    check ((event_date is null) = (date_precision is null)),
    check (date_precision is null or date_precision = 'day'
           or (date_precision = 'month' and day(event_date) = 1)
           or (date_precision = 'year' and month(event_date) = 1 and day(event_date) = 1)),
    check (event_date is null or year_start = year(event_date)),
    check ((date_basis is null) = (year_start is null and year_end is null and event_date is null))
);
