-- Russia/Soviet Union's share of China's arms imports by year (estimate). Numerator: the March 2025
-- register, spread evenly over delivery years; denominator: China's total imports from SIPRI's
-- October 2024 table (deliveries to 2023). Two releases are combined here, as the method says.
create view arms_china_import_share as
with supplied as (
    select year, sum(tiv_mtiv_estimate) as ru_su_mtiv
    from stg_sipri_deliveries_by_year
    where recipient = 'China' and supplier in ('Russia', 'Soviet Union')
    group by year
)
select
    i.year,
    round(coalesce(s.ru_su_mtiv, 0), 1) as russia_soviet_union_mtiv_estimate,
    i.tiv_mtiv as china_imports_mtiv,
    case when i.tiv_mtiv > 0 then round(100 * least(coalesce(s.ru_su_mtiv, 0) / i.tiv_mtiv, 1), 1) end as share_pct_estimate,
    true as is_estimate,
    'Russia/Soviet Union TIV: register of March 2025, even split over delivery years; China''s total: SIPRI table of October 2024. Capped at 100%.' as method,
    i.period_id,
    (select pl.label from stg_periods pl where pl.period_id = i.period_id) as period_label
from stg_sipri_imports_by_recipient i
left join supplied s on s.year = i.year
where i.recipient = 'China' and i.year >= 1950
order by i.year
