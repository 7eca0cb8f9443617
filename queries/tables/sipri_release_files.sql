-- load: upstream snapshot
-- Which SIPRI release each raw file belongs to, its export scope and the delivery years it covers.
create table sipri_release_files (
    file                   varchar primary key references sipri_raw_files (file),
    release                integer not null references sipri_releases (release),
    export_scope           varchar check (export_scope in ('deliveries made', 'deliveries or orders')),
    deliveries_first_year  integer not null,
    deliveries_last_year   integer not null,
    check (deliveries_first_year <= deliveries_last_year)
);
