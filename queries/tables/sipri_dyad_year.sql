-- load: upstream snapshot
-- SIPRI's yearly TIV per supplier → recipient pair and release, with the method behind each value.
create table sipri_dyad_year (
    release      integer not null references sipri_releases (release),
    supplier     varchar not null,
    recipient    varchar not null,
    year         integer not null check (year between 1950 and 2100),
    method       varchar not null check (method in ('sipri_per_year', 'sipri_table', 'register_single_year', 'register_minus_per_year_estimate', 'even_split_estimate')),
    is_estimate  boolean not null,
    tiv_mtiv     double not null check (tiv_mtiv >= 0),
    primary key (release, supplier, recipient, year),
    check (is_estimate = (method in ('register_minus_per_year_estimate', 'even_split_estimate'))),
    check (year < release)
);
