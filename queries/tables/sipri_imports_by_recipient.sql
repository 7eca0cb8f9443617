-- SIPRI TIV of arms imports by recipient, all suppliers combined, one row per recipient and year
-- with a value (October 2024 release: deliveries 1950–2023). Millions of TIV; not money.
create table sipri_imports_by_recipient (
    recipient   varchar not null,
    year        integer not null check (year between 1950 and 2024),
    tiv_mtiv    double not null check (tiv_mtiv >= 0),
    below_half  boolean not null,
    source_id   varchar not null references sources (source_id) check (source_id = 'sipri_tiv_2024_10'),
    primary key (recipient, year),
    check (not below_half or tiv_mtiv = 0)
);
