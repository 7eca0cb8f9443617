-- Headline figures per period and for all periods (Overview cards); each says where it comes from.
create view overview_headlines as
with scopes as (
    select period_id, sort_order from stg_periods
    union all select 'all', 0
),
-- Russia → China: SIPRI's yearly values, each year from the newest release covering it (as the Arms
-- transfers page draws them by default); the help text names each release with its years.
ru_cn as (
    select period_id, year, release, release_label, tiv_mtiv, is_estimate from stg_sipri_dyad_year_views
    where release_view = 'newest' and supplier = 'Russia' and recipient = 'China'
),
tiv as (
    select period_id, sum(tiv_mtiv) as v, bool_or(is_estimate) as est from ru_cn group by period_id
    union all
    select 'all', sum(tiv_mtiv), bool_or(is_estimate) from ru_cn
),
tiv_sources as (
    select scope, string_agg(release_label || ' for ' || y0 || case when y1 > y0 then '–' || y1 else '' end, '; ' order by y0) as text
    from (
        select period_id as scope, release_label, min(year) as y0, max(year) as y1 from ru_cn group by all
        union all
        select 'all', release_label, min(year), max(year) from ru_cn group by all
    )
    group by scope
),
-- exercises and agreements count under every period their dates overlap (period_ids), as the lists
-- filtered by period show them; 'all' counts each row once
ex as (select period_id, count(*) as v from (select unnest(period_ids) as period_id from stg_exercises where counted) group by period_id),
ag as (select period_id, count(*) as v from (select unnest(period_ids) as period_id from stg_agreements_and_meetings) group by period_id),
chips as (
    select share_pct, quote, year from stg_supply_dependencies
    where dependency_id = 'cepa_microchip_share_2023'
)
select s.period_id, 1 as sort_order, 'Arms from Russia to China, million TIV' as label,
       format('{:,}', cast(round(coalesce(t.v, 0)) as bigint)) as value_text,
       'SIPRI''s yearly values (SIPRI Arms Transfers Database, ' || coalesce(ts.text, 'no deliveries recorded') || ')'
           || case when t.est then '; the 2025 value is this project''s estimate from the 2026 register (see Arms transfers)' else '' end
           || '. TIV measures volume, not money.' as help_text
from scopes s left join tiv t on t.period_id = s.period_id left join tiv_sources ts on ts.scope = s.period_id
union all
select s.period_id, 2, 'Joint exercises and patrols',
       cast(coalesce(case when s.period_id = 'all' then (select count(*) from stg_exercises where counted) else e.v end, 0) as varchar),
       'Compiled list of joint exercises and patrols, one cited public page per row (rows marked counted).'
from scopes s left join ex e on e.period_id = s.period_id
union all
select s.period_id, 3, 'Agreements and meetings recorded',
       cast(coalesce(case when s.period_id = 'all' then (select count(*) from stg_agreements_and_meetings) else a.v end, 0) as varchar),
       'Agreements, declarations and meetings the two documents date (CEPA 2025; Rabdan INSIGHTS 2025).'
from scopes s left join ag a on a.period_id = s.period_id
union all
select s.period_id, 4, 'China''s share of Russia''s microchip imports (' || c.year || ')',
       cast(cast(c.share_pct as integer) as varchar) || '%',
       'CEPA (2025): “' || c.quote || '”. Other estimates differ (see Dual-use supply).'
from scopes s cross join chips c
where s.period_id in ('all', 'since_2022')
order by period_id, sort_order
