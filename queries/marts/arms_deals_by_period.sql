-- Russia and Soviet Union → China deals, each with the TIV it delivered in each period
-- (estimate: even split over delivery years) and in all (SIPRI's exact total for the deal).
-- The period scope is all periods or one period; pages pick one scope.
create view arms_deals_by_period as
with per_period as (
    select deal_id, period_id as period_scope, sum(tiv_mtiv_estimate) as tiv_in_scope_mtiv, true as is_estimate
    from stg_sipri_deliveries_by_year
    where recipient = 'China' and supplier in ('Russia', 'Soviet Union')
    group by deal_id, period_id
    union all
    select deal_id, 'all' as period_scope, tiv_delivered_mtiv, false
    from stg_sipri_register
    where is_ru_su_cn
)
select
    p.period_scope,
    coalesce((select pl.label from stg_periods pl where pl.period_id = p.period_scope), 'All periods') as period_label,
    r.deal_id,
    r.supplier,
    r.order_year,
    r.order_year_uncertain,
    r.designation,
    r.description,
    r.category,
    r.number_ordered,
    r.number_ordered_uncertain,
    r.number_delivered,
    r.number_delivered_uncertain,
    r.delivery_years,
    r.status,
    r.comments,
    round(p.tiv_in_scope_mtiv, 1) as tiv_in_scope_mtiv,
    p.is_estimate,
    r.tiv_delivered_mtiv as tiv_deal_total_mtiv,
    r.source_id
from per_period p
join stg_sipri_register r on r.deal_id = p.deal_id
order by p.period_scope, p.tiv_in_scope_mtiv desc, r.deal_id
