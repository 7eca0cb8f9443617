-- load: upstream snapshot
-- One row per SIPRI deal, release and delivery year: SIPRI's TIV delivered that year, with its flags.
create table sipri_deliveries_per_year (
    release                     integer not null,
    sipri_deal_id               integer not null,
    delivery_year               integer not null check (delivery_year between 1950 and 2100),
    delivery_year_estimated     boolean,
    number_delivered            integer not null check (number_delivered >= 0),
    number_delivered_estimated  boolean,
    tiv_delivered_mtiv          double not null check (tiv_delivered_mtiv >= 0),
    primary key (release, sipri_deal_id, delivery_year),
    foreign key (release, sipri_deal_id) references sipri_release_deals (release, sipri_deal_id),
    check (delivery_year < release)
);
