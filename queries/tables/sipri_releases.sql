-- load: upstream snapshot
-- SIPRI's releases (annual updates of the Arms Transfers Database) the SIPRI tables come from.
create table sipri_releases (
    release                integer primary key check (release >= 2000),
    deliveries_first_year  integer not null,
    deliveries_last_year   integer not null check (deliveries_last_year < release),
    data_generated_first   date not null,
    data_generated_last    date not null,
    notes                  varchar not null,
    check (deliveries_first_year <= deliveries_last_year),
    check (data_generated_first <= data_generated_last)
);
