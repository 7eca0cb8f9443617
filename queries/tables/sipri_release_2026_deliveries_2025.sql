-- load: upstream snapshot
-- The 2026 register's deals with deliveries in 2025 and the TIV attributed to 2025 (exact or estimated).
create table sipri_release_2026_deliveries_2025 (
    raw_line                  integer primary key,
    supplier                  varchar not null,
    recipient                 varchar not null,
    order_year                integer not null,
    designation               varchar not null,
    delivery_years            varchar not null check (delivery_years like '%2025'),
    number_delivered          integer not null check (number_delivered >= 0),
    tiv_delivered_mtiv        double not null check (tiv_delivered_mtiv >= 0),
    matched_sipri_deal_id     integer,
    number_delivered_to_2024  integer check (number_delivered_to_2024 >= 0),
    match                     varchar not null check (match in ('single_year', 'unique', 'none', 'ambiguous', 'before_1995', 'numbers_disagree')),
    method                    varchar not null check (method in ('register_single_year', 'register_minus_per_year_estimate', 'even_split_estimate')),
    tiv_2025_mtiv             double not null check (tiv_2025_mtiv >= 0 and tiv_2025_mtiv <= tiv_delivered_mtiv + 0.005),
    check ((match = 'single_year') = (method = 'register_single_year')),
    check ((match = 'unique') = (method = 'register_minus_per_year_estimate')),
    check ((matched_sipri_deal_id is null) = (match in ('single_year', 'none', 'ambiguous')))
);
