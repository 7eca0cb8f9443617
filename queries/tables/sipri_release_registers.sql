-- load: upstream snapshot
-- The full trade registers of further SIPRI releases (today the 2026 release, data generated 18 May
-- 2026): one row per deal with its totals and delivery years, no deal id (SIPRI's file has none).
-- The curate command checks every cell (delivery years as 'YYYY; YYYY', raw lines increasing); the
-- table keeps only the cheap checks, so that loading it adds little to the build.
create table sipri_release_registers (
    release                     integer not null references sipri_releases (release) check (release = 2026),
    register_row                integer primary key check (register_row > 0),
    raw_line                    integer not null check (raw_line > 12),
    supplier                    varchar not null,
    recipient                   varchar not null,
    order_year                  integer not null check (order_year between 1900 and 2100),
    order_year_uncertain        boolean not null,
    number_ordered              integer check (number_ordered >= 0),
    number_ordered_uncertain    boolean not null,
    designation                 varchar not null,
    description                 varchar not null,
    number_delivered            integer not null check (number_delivered >= 0),
    number_delivered_uncertain  boolean not null,
    delivery_years              varchar,
    status                      varchar not null check (status in ('New', 'Second hand', 'Second hand but modernized')),
    tiv_per_unit_mtiv           double check (tiv_per_unit_mtiv >= 0),
    tiv_order_mtiv              double check (tiv_order_mtiv >= 0),
    tiv_delivered_mtiv          double not null check (tiv_delivered_mtiv >= 0),
    source_id                   varchar not null references sources (source_id) check (source_id = 'sipri_at_2026'),
    check ((number_delivered = 0) = (delivery_years is null)),
    check ((tiv_delivered_mtiv = 0) = (number_delivered = 0)),
    check (tiv_order_mtiv is null or (number_ordered is not null and tiv_per_unit_mtiv is not null))
);
