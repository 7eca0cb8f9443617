-- Figures SIPRI published in its annual Fact Sheets ("Trends in international arms transfers")
-- about China and Russia over five-year windows, as reported by public pages (cited by URL with our
-- paraphrase), with the release they come from: what the five-year view (sipri_five_year) must
-- reproduce from the same release. reproducible false says the data here cannot give the figure,
-- and note says why.
create table sipri_fact_sheet_figures (
    figure_id          varchar primary key check (regexp_matches(figure_id, '^[a-z0-9_]+$')),
    release            integer not null references sipri_releases (release),
    fact_sheet         varchar not null,
    measure            varchar not null check (measure in ('china_imports_change_pct', 'russia_share_of_china_imports_pct', 'china_share_of_russia_exports_pct', 'china_share_of_world_imports_pct', 'china_rank_world_importers', 'china_rank_russia_recipients', 'russia_recipients', 'russia_to_china_change_pct', 'russia_exports_change_pct', 'world_transfers_change_pct')),
    window_first_year  integer not null check (window_first_year between 1950 and 2100),
    window_last_year   integer not null,
    published_value    double not null,
    qualifier          varchar not null references qualifiers (qualifier),
    unit               varchar not null check (unit in ('percent', 'percent change', 'rank', 'count')),
    source_id          varchar not null references sources (source_id),
    evidence_kind      varchar not null check (evidence_kind = 'paraphrase'),
    evidence           varchar not null,
    source_url         varchar not null check (regexp_matches(source_url, '^https?://')),
    reproducible       boolean not null,
    note               varchar,
    check (window_last_year = window_first_year + 4),
    check (window_last_year < release),
    check (qualifier in ('exact', 'more_than')),
    check (reproducible or note is not null)
);
