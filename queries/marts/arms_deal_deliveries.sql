-- SIPRI's deliveries by deal and delivery year, every supplier and recipient, in each release that
-- gives them per year: one row per release, SIPRI deal id and delivery year, with SIPRI's own TIV
-- for that year (not an even split over the delivery years). Filter one release (a sum over two
-- releases counts a delivery twice); `export --per-deal` gives each deal once with the TIV of the
-- chosen years.
create view arms_deal_deliveries as
select
    d.release,
    d.sipri_deal_id,
    d.supplier,
    d.recipient,
    d.pair,
    d.designation,
    d.description,
    d.armament_category as category,
    d.order_year,
    d.order_year_estimated,
    d.status,
    d.delivery_year as year,
    d.delivery_year_estimated,
    d.number_delivered,
    d.number_delivered_estimated,
    d.tiv_delivered_mtiv,
    d.period_id,
    (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label
from stg_sipri_deliveries_per_year d
order by d.release desc, d.supplier, d.recipient, d.sipri_deal_id, d.delivery_year
