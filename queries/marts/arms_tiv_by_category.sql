-- Russia and Soviet Union → China: estimated TIV delivered per period and weapon category (the
-- register's even split), with the release of the register and its data generation date.
create view arms_tiv_by_category as
with register as (
    select f.release, f.release || ' release, full register (data generated ' || strftime(min(r.data_generated), '%-d %b %Y') || ')' as release_label
    from sipri_raw_files r join sipri_release_files f on f.file = r.file
    where r.imported_to = 'sipri_register'
    group by f.release
)
select
    d.period_id,
    d.category,
    round(sum(cast(d.tiv_mtiv_estimate as decimal(18, 4))), 1)::double as tiv_mtiv,  -- exact: a sum of doubles rounds x.x5 either way
    count(distinct d.deal_id) as deals,
    string_agg(distinct d.designation, '; ' order by d.designation) as systems,
    true as is_estimate,
    any_value(d.method) as method,
    (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label,
    any_value(g.release) as release,
    any_value(g.release_label) as release_label
from stg_sipri_deliveries_by_year d
cross join register g
where d.recipient = 'China' and d.supplier in ('Russia', 'Soviet Union')
group by d.period_id, d.category
order by (select pl.sort_order from stg_periods pl where pl.period_id = d.period_id), tiv_mtiv desc, d.category
