-- Each supplier's total arms exports in 2024 as SIPRI states it ('Total exports from <supplier>'),
-- beside the sum of the recipients its table lists (April 2025 tables, March 2025 release).
create table sipri_dyadic_2024_totals (
    supplier              varchar primary key,
    year                  integer not null check (year = 2024),
    total_tiv_mtiv        double not null check (total_tiv_mtiv >= 0),
    listed_tiv_mtiv       double not null check (listed_tiv_mtiv >= 0),
    recipients_listed     integer not null check (recipients_listed >= 1),
    listed_rows_complete  boolean not null,
    source_id             varchar not null references sources (source_id) check (source_id = 'sipri_tiv_2025_04')
);
