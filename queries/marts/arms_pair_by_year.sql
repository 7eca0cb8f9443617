-- Any supplier → recipient pair: estimated TIV delivered per year (register, even split).
-- Pages filter it by pair, a bound parameter.
create view arms_pair_by_year as
select
    pair,
    supplier,
    recipient,
    year,
    round(sum(tiv_mtiv_estimate), 1) as tiv_mtiv,
    true as is_estimate,
    count(distinct deal_id) as deals,
    period_id,
    (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label
from stg_sipri_deliveries_by_year d
group by pair, supplier, recipient, year, period_id
order by pair, year
