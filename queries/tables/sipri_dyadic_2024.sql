-- SIPRI TIV of arms transfers in 2024 by supplier and recipient (April 2025 tables, March 2025
-- release): SIPRI's exact yearly figures for each pair. Millions of TIV; not money.
create table sipri_dyadic_2024 (
    supplier    varchar not null references sipri_dyadic_2024_totals (supplier),
    recipient   varchar not null,
    year        integer not null check (year = 2024),
    tiv_mtiv    double not null check (tiv_mtiv >= 0),
    below_half  boolean not null,
    source_id   varchar not null references sources (source_id) check (source_id = 'sipri_tiv_2025_04'),
    primary key (supplier, recipient),
    check (not below_half or tiv_mtiv = 0)
);
