-- Russia (1992–) and Soviet Union (–1991) → China: SIPRI's TIV delivered per year (Arms transfers
-- page), per release_view: one release alone ('2025') or 'newest' (each year from the newest release
-- that covers it; every row names its release). One row per release_view, supplier and year: filter
-- by release_view before summing (summing across release_views counts the same deliveries again).
-- is_estimate marks this project's estimates (the 2026 release's 2025 values outside
-- register_single_year), with the method in words. deals/systems: the deals SIPRI's register by
-- delivery year lists for the year (releases 2024 and 2025), or the 2026 register's deals delivering
-- in 2025; empty for SIPRI's old tables.
create view arms_tiv_by_year as
with deals as (
    select release, supplier, recipient, delivery_year as year, count(distinct sipri_deal_id) as deals,
           string_agg(distinct designation, '; ' order by designation) as systems
    from stg_sipri_deliveries_per_year
    where recipient = 'China' and supplier in ('Russia', 'Soviet Union') and tiv_delivered_mtiv > 0
    group by all
    union all
    select 2026, supplier, recipient, 2025, count(*), string_agg(distinct designation, '; ' order by designation)
    from sipri_release_2026_deliveries_2025
    where recipient = 'China' and supplier in ('Russia', 'Soviet Union') and tiv_2025_mtiv > 0
    group by all
)
select
    v.release_view,
    v.release,
    v.release_label,
    v.supplier,
    v.year,
    round(v.tiv_mtiv, 2) as tiv_mtiv,
    v.method,
    v.method_label,
    v.is_estimate,
    d.deals,
    d.systems,
    v.data_generated_first,
    v.data_generated_last,
    v.source_id,
    v.period_id,
    (select pl.label from stg_periods pl where pl.period_id = v.period_id) as period_label
from stg_sipri_dyad_year_views v
left join deals d on d.release = v.release and d.supplier = v.supplier and d.recipient = v.recipient and d.year = v.year
where v.recipient = 'China' and v.supplier in ('Russia', 'Soviet Union')
order by v.release_view, v.year, v.supplier
