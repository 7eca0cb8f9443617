-- Russia/Soviet Union's share of China's arms imports by year: numerator and denominator from the
-- same SIPRI release, always. A release counts for a year only where its scope covers all of China's
-- imports that year (every pair, or SIPRI's table of China's imports). release_view '2025': that
-- release alone; 'newest': each year from the newest such release (the row names it). One row per
-- release_view and year. is_estimate: a value of the year is this project's estimate (2026 release,
-- 2025). Percent, not capped: both parts are SIPRI's values of one release.
create view arms_china_import_share as
with covering as (
    select distinct s.release, y.year, s.data_generated_first, s.data_generated_last, s.release_label, s.source_id
    from stg_sipri_release_scope s
    join (select distinct year from sipri_dyad_year where recipient = 'China') y on y.year between s.first_year and s.last_year
    where s.supplier is null and (s.recipient is null or s.recipient = 'China')
),
per_release as (
    select
        c.release,
        c.year,
        coalesce(sum(v.tiv_mtiv) filter (where v.supplier in ('Russia', 'Soviet Union')), 0) as ru_su_mtiv,
        coalesce(sum(v.tiv_mtiv), 0) as china_mtiv,
        coalesce(bool_or(v.is_estimate), false) as is_estimate,
        string_agg(distinct v.method_label, '; ' order by v.method_label) filter (where v.is_estimate) as methods,
        c.data_generated_first,
        c.data_generated_last,
        c.release_label,
        c.source_id
    from covering c
    left join stg_sipri_dyad_year_views v on v.release_view = cast(c.release as varchar) and v.release = c.release and v.year = c.year and v.recipient = 'China'
    group by c.release, c.year, c.data_generated_first, c.data_generated_last, c.release_label, c.source_id
),
views as (
    select cast(release as varchar) as release_view, * from per_release
    union all
    select 'newest', p.* from per_release p
    where p.release = (select max(q.release) from per_release q where q.year = p.year)
)
select
    v.release_view,
    v.release,
    v.release_label,
    v.year,
    round(v.ru_su_mtiv, 2) as russia_soviet_union_mtiv,
    round(v.china_mtiv, 2) as china_imports_mtiv,
    case when v.china_mtiv > 0 then round(100 * v.ru_su_mtiv / v.china_mtiv, 1) end as share_pct,
    v.is_estimate,
    case when v.is_estimate then 'Estimate: part of the year''s values are this project''s estimates from the 2026 register (' || v.methods || '). Numerator and denominator from the same release'
         else 'SIPRI''s values of one release: Russia + Soviet Union → China over China''s total imports' end as method,
    v.data_generated_first,
    v.data_generated_last,
    v.source_id,
    p.period_id,
    p.label as period_label
from views v
left join stg_periods p on v.year between p.first_year and p.last_year
order by v.release_view, v.year
