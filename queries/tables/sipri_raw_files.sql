-- The raw SIPRI files the SIPRI tables were imported from: origin, checksum, generation date.
create table sipri_raw_files (
    file                  varchar primary key,
    source_id             varchar not null references sources (source_id),
    imported_to           varchar not null check (imported_to in ('sipri_register', 'sipri_imports_by_recipient', 'sipri_exports_by_supplier', 'sipri_dyadic_2024', 'sipri_deliveries_per_year', 'sipri_dyad_year', 'sipri_release_2026_deliveries_2025')),
    repository            varchar not null,
    commit                varchar not null check (regexp_full_match(commit, '[0-9a-f]{40}')),
    sha256                varchar not null unique check (regexp_full_match(sha256, '[0-9a-f]{64}')),
    bytes                 integer not null check (bytes > 0),
    encoding              varchar not null,
    data_generated        date not null,
    data_generated_stamp  varchar not null,
    records               integer not null check (records >= 0)
);
