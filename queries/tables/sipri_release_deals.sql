-- load: upstream snapshot
-- One row per SIPRI deal (SIPRI AT Database ID) and release of SIPRI's per-delivery-year registers.
create table sipri_release_deals (
    release               integer not null references sipri_releases (release) check (release in (2024, 2025)),
    sipri_deal_id         integer not null check (sipri_deal_id > 0),
    supplier              varchar not null,
    recipient             varchar not null,
    designation           varchar not null,
    description           varchar not null,
    armament_category     varchar not null,
    order_year            integer not null check (order_year between 1900 and 2100),
    order_year_estimated  boolean,
    status                varchar not null check (status in ('New', 'Second hand', 'Second hand but modernized')),
    tiv_unit_mtiv         double not null check (tiv_unit_mtiv >= 0),
    sipri_estimate_mtiv   double not null check (sipri_estimate_mtiv >= 0),
    local_production      boolean not null,
    primary key (release, sipri_deal_id)
);
