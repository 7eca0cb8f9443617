-- ESTIMATE: each deal's delivered TIV spread evenly over the delivery years the register lists (the
-- register gives no yearly split). One row per deal and delivery year. SIPRI's own yearly figures
-- can differ a lot (Russia → China 2024: 30 in sipri_dyadic_2024, about 207 here); prefer them
-- where they exist. Millions of TIV; not money.
create view stg_sipri_deliveries_by_year as
with deal_years as (
    select
        r.deal_id,
        r.supplier,
        r.recipient,
        r.category,
        r.description,
        r.designation,
        r.tiv_delivered_mtiv,
        r.delivery_year_count,
        unnest(string_split(r.delivery_years, '; ')) as year_text
    from sipri_register r
    where r.delivery_years is not null
)
select
    d.deal_id,
    d.supplier,
    d.recipient,
    d.supplier || ' → ' || d.recipient as pair,
    cast(d.year_text as integer) as year,
    d.category,
    d.description,
    d.designation,
    d.tiv_delivered_mtiv / d.delivery_year_count as tiv_mtiv_estimate,
    'even split of the deal''s delivered TIV over its listed delivery years' as method,
    true as is_estimate,
    'sipri_at_2025' as source_id,
    p.period_id
from deal_years d
left join periods p on cast(d.year_text as integer) between p.first_year and p.last_year
