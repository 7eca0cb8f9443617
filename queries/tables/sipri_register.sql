-- load: upstream snapshot
-- The SIPRI trade register (March 2025 release): every deal for major conventional arms, all
-- suppliers to all recipients, one row per deal. TIV = SIPRI trend-indicator value, millions; not money.
-- deal_id is the row's position in this file; sipri_deal_id is SIPRI's own deal id where the 2025
-- per-delivery-year register pairs the row unambiguously (sipri_deal_match says how, or why not).
create table sipri_register (
    deal_id                     integer primary key check (deal_id > 0),
    supplier                    varchar not null,
    recipient                   varchar not null,
    order_year                  integer not null check (order_year between 1900 and 2100),
    order_year_uncertain        boolean not null,
    number_ordered              integer check (number_ordered >= 0),
    number_ordered_uncertain    boolean not null,
    designation                 varchar not null,
    description                 varchar not null references sipri_weapon_categories (description),
    number_delivered            integer not null check (number_delivered >= 0),
    number_delivered_uncertain  boolean not null,
    delivery_years              varchar check (regexp_full_match(delivery_years, '[0-9]{4}(; [0-9]{4})*')),
    first_delivery_year         integer check (first_delivery_year between 1900 and 2100),
    last_delivery_year          integer check (last_delivery_year between 1900 and 2100),
    delivery_year_count         integer check (delivery_year_count >= 1),
    status                      varchar not null check (status in ('New', 'Second hand', 'Second hand but modernized')),
    comments                    varchar,
    tiv_per_unit_mtiv           double check (tiv_per_unit_mtiv >= 0),
    tiv_order_mtiv              double check (tiv_order_mtiv >= 0),
    tiv_delivered_mtiv          double not null check (tiv_delivered_mtiv >= 0),
    category                    varchar not null check (category in (
                                    'aircraft', 'helicopters', 'air_defence', 'missiles', 'sensors', 'engines', 'ships',
                                    'submarines', 'naval_weapons', 'armoured_vehicles', 'artillery', 'satellites', 'other')),
    raw_line                    integer not null unique check (raw_line > 12),
    raw_record_repaired         boolean not null,
    source_id                   varchar not null references sources (source_id) check (source_id = 'sipri_at_2025'),
    sipri_deal_id               integer check (sipri_deal_id > 0),  -- unique: by construction in the curate command, tested (not indexed here: it would slow the build)
    sipri_deal_match            varchar not null check (sipri_deal_match in ('designation', 'deliveries', 'ambiguous', 'none', 'outside_per_year_file')),
    check ((sipri_deal_id is not null) = (sipri_deal_match in ('designation', 'deliveries'))),
    -- the delivery columns are all present (something delivered) or all empty (nothing yet)
    check ((delivery_years is null) = (first_delivery_year is null)
           and (delivery_years is null) = (last_delivery_year is null)
           and (delivery_years is null) = (delivery_year_count is null)),
    check (first_delivery_year = cast(left(delivery_years, 4) as integer)
           and last_delivery_year = cast(right(delivery_years, 4) as integer)
           and length(delivery_years) = 6 * delivery_year_count - 2
           and first_delivery_year + delivery_year_count - 1 <= last_delivery_year),
    check ((number_delivered = 0) = (delivery_years is null)),
    check ((tiv_delivered_mtiv = 0) = (number_delivered = 0)),
    -- the order TIV is unit TIV x number ordered: unknown when either is
    check (tiv_order_mtiv is null or (number_ordered is not null and tiv_per_unit_mtiv is not null))
);
