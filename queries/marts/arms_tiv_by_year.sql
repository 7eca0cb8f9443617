-- Russia (1992–) and Soviet Union (–1991) → China: TIV delivered per year (Arms transfers page).
-- The register gives no yearly values, so yearly TIV is an estimate (each deal's delivered TIV
-- spread evenly over its listed delivery years), marked as an estimate; SIPRI's own exact yearly
-- figure is added where the raw files give it (2024, from the 2024 import/export table).
create view arms_tiv_by_year as
select
    year,
    supplier,
    'Estimate from the register' as series,
    round(sum(tiv_mtiv_estimate), 1) as tiv_mtiv,
    true as is_estimate,
    any_value(method) as method,
    count(distinct deal_id) as deals,
    string_agg(distinct designation, '; ' order by designation) as systems,
    'sipri_at_2025' as source_id,
    period_id,
    (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label
from stg_sipri_deliveries_by_year d
where recipient = 'China' and supplier in ('Russia', 'Soviet Union')
group by year, supplier, period_id
union all
select
    year,
    supplier,
    'SIPRI yearly figure' as series,
    tiv_mtiv,
    false as is_estimate,
    'SIPRI''s own yearly value (import/export table, data generated 24 Apr 2025)' as method,
    null as deals,
    null as systems,
    source_id,
    period_id,
    (select pl.label from stg_periods pl where pl.period_id = y.period_id)
from stg_sipri_dyadic_2024 y
where supplier = 'Russia' and recipient = 'China'
order by year, supplier, is_estimate desc
