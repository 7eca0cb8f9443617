-- SIPRI's deliveries by deal, release and delivery year, with the deal's supplier, recipient,
-- designation and order year and SIPRI's uncertainty flags (TIV in millions; not money).
create view stg_sipri_deliveries_per_year as
select
    y.release,
    y.sipri_deal_id,
    d.supplier,
    d.recipient,
    d.supplier || ' → ' || d.recipient as pair,
    d.designation,
    d.description,
    d.armament_category,
    d.order_year,
    y.delivery_year,
    y.number_delivered,
    y.tiv_delivered_mtiv,
    d.order_year_estimated,
    y.number_delivered_estimated,
    y.delivery_year_estimated,
    d.status,
    d.tiv_unit_mtiv,
    d.sipri_estimate_mtiv,
    d.local_production,
    p.period_id
from sipri_deliveries_per_year y
join sipri_release_deals d on d.release = y.release and d.sipri_deal_id = y.sipri_deal_id
left join periods p on y.delivery_year between p.first_year and p.last_year
-- materialise: table (read by several views and the Data explorer; stored once per build)
