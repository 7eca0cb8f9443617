-- Russia and Soviet Union → China: estimated TIV delivered per period and weapon category.
create view arms_tiv_by_category as
select
    d.period_id,
    d.category,
    round(sum(d.tiv_mtiv_estimate), 1) as tiv_mtiv,
    count(distinct d.deal_id) as deals,
    string_agg(distinct d.designation, '; ' order by d.designation) as systems,
    true as is_estimate,
    any_value(d.method) as method,
    (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label
from stg_sipri_deliveries_by_year d
where d.recipient = 'China' and d.supplier in ('Russia', 'Soviet Union')
group by d.period_id, d.category
order by (select pl.sort_order from stg_periods pl where pl.period_id = d.period_id), tiv_mtiv desc, d.category
