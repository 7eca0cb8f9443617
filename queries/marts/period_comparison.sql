-- The three periods side by side, as yearly averages over the years each period covers
-- (from 1992, post-Soviet Russia, to the last year with data for the indicator).
create view period_comparison as
with spans as (
    select p.period_id, p.label as period_label, p.sort_order,
           greatest(p.first_year, 1992) as first_year, p.last_year
    from stg_periods p
),
tiv as (
    select year, sum(tiv_mtiv_estimate) as v
    from stg_sipri_deliveries_by_year
    where supplier = 'Russia' and recipient = 'China'
    group by year
),
exercises as (
    select year, count(*) as v from stg_exercises where counted group by year
),
indicators as (
    select 'Arms delivered, Russia → China' as indicator, 'millions of TIV per year (estimate)' as unit, true as is_estimate,
           'SIPRI register (13 Mar 2025), each deal''s TIV spread evenly over its delivery years; average over the years shown' as note,
           1 as sort_order, s.period_id, s.period_label, s.sort_order as period_order,
           s.first_year, least(s.last_year, (select max(year) from tiv)) as last_year,
           (select coalesce(sum(v), 0) from tiv where year between s.first_year and least(s.last_year, (select max(year) from tiv))) as total
    from spans s
    union all
    select 'Joint exercises and patrols', 'events per year', false,
           'Compiled list of joint exercises and patrols (counted rows); average over the years shown',
           2, s.period_id, s.period_label, s.sort_order,
           s.first_year, least(s.last_year, (select max(year) from exercises)),
           (select coalesce(sum(v), 0) from exercises where year between s.first_year and least(s.last_year, (select max(year) from exercises)))
    from spans s
)
select
    indicator,
    unit,
    period_id,
    period_label,
    first_year || '–' || last_year as years,
    round(total / (last_year - first_year + 1), 1) as value,
    case when is_estimate then '≈ ' else '' end || cast(round(total / (last_year - first_year + 1), 1) as varchar) as value_label,
    is_estimate,
    note
from indicators
order by sort_order, period_order
