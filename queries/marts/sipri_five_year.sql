-- SIPRI's five-year view, per release and window, as SIPRI's Fact Sheets compare them: windows of
-- five years ending with the release's last year covered for every pair (2025 release: 2020–24,
-- 2015–19, …), each compared with the window before it. All values of a row come from one release's
-- yearly values (method sipri_per_year: no estimates). "Russia" is Russia with the Soviet Union
-- before 1992, as SIPRI counts it. Ranks count states only: SIPRI's non-state recipients (names
-- ending in '*'), organisations ('**') and unknown recipients are left out of the ranking but kept in
-- the world total. Percent changes: (window / previous window − 1) × 100. Millions of TIV; not money.
create view sipri_five_year as
with world_scope as (
    select release, min(first_year) as first_year, max(last_year) as last_year
    from stg_sipri_release_scope
    where kind = 'per_year'
    group by release
),
windows as (
    select w.release, w.last_year - 5 * k - 4 as window_first_year, w.last_year - 5 * k as window_last_year
    from world_scope w, range(0, 20) r(k)
    where w.last_year - 5 * k - 4 >= w.first_year
),
rows as (
    select w.release, w.window_first_year, w.window_last_year, d.supplier, d.recipient, d.tiv_mtiv, d.is_estimate,
           d.supplier in ('Russia', 'Soviet Union') as from_russia
    from windows w
    join sipri_dyad_year d on d.release = w.release and d.year between w.window_first_year and w.window_last_year
),
imports as (
    select release, window_first_year, recipient, sum(tiv_mtiv) as v
    from rows group by all
),
russia_to as (
    select release, window_first_year, recipient, sum(tiv_mtiv) as v
    from rows where from_russia group by all
),
ranked_imports as (
    select *, rank() over (partition by release, window_first_year order by v desc) as r
    from imports where not (recipient like '%*' or recipient ilike 'unknown%')
),
ranked_russia as (
    select *, rank() over (partition by release, window_first_year order by v desc) as r
    from russia_to where not (recipient like '%*' or recipient ilike 'unknown%')
),
totals as (
    select
        release, window_first_year, any_value(window_last_year) as window_last_year,
        sum(tiv_mtiv) as world_mtiv,
        coalesce(sum(tiv_mtiv) filter (where recipient = 'China'), 0) as china_mtiv,
        coalesce(sum(tiv_mtiv) filter (where from_russia), 0) as russia_mtiv,
        coalesce(sum(tiv_mtiv) filter (where from_russia and recipient = 'China'), 0) as russia_china_mtiv,
        bool_or(is_estimate) as has_estimates
    from rows group by all
),
china_ranks as (
    select i.release, i.window_first_year,
           max(i.r) filter (where i.recipient = 'China') as china_rank_world_importers, count(*) as world_importers
    from ranked_imports i group by all
),
russia_ranks as (
    select x.release, x.window_first_year,
           max(x.r) filter (where x.recipient = 'China') as china_rank_russia_recipients, count(*) as russia_recipients
    from ranked_russia x group by all
),
measured as (
    select
        t.*,
        ci.china_rank_world_importers,
        ci.world_importers,
        cr.china_rank_russia_recipients,
        cr.russia_recipients,
        lag(t.world_mtiv) over w as prev_world_mtiv,
        lag(t.china_mtiv) over w as prev_china_mtiv,
        lag(t.russia_mtiv) over w as prev_russia_mtiv,
        lag(t.russia_china_mtiv) over w as prev_russia_china_mtiv
    from totals t
    left join china_ranks ci on ci.release = t.release and ci.window_first_year = t.window_first_year
    left join russia_ranks cr on cr.release = t.release and cr.window_first_year = t.window_first_year
    window w as (partition by t.release order by t.window_first_year)
)
select
    m.release,
    r.release_label,
    m.window_first_year,
    m.window_last_year,
    m.window_first_year || '–' || case when m.window_first_year // 100 = m.window_last_year // 100 then lpad(cast(m.window_last_year % 100 as varchar), 2, '0') else cast(m.window_last_year as varchar) end as window_label,
    case when m.prev_world_mtiv is not null then (m.window_first_year - 5) || '–' || case when (m.window_first_year - 5) // 100 = (m.window_last_year - 5) // 100 then lpad(cast((m.window_last_year - 5) % 100 as varchar), 2, '0') else cast(m.window_last_year - 5 as varchar) end end as previous_window_label,
    round(m.china_mtiv, 2) as china_imports_mtiv,
    round(m.russia_china_mtiv, 2) as russia_to_china_mtiv,
    round(m.russia_mtiv, 2) as russia_exports_mtiv,
    round(m.world_mtiv, 2) as world_transfers_mtiv,
    round(100 * m.russia_china_mtiv / nullif(m.china_mtiv, 0), 2) as russia_share_of_china_imports_pct,
    round(100 * m.russia_china_mtiv / nullif(m.russia_mtiv, 0), 2) as china_share_of_russia_exports_pct,
    round(100 * m.china_mtiv / nullif(m.world_mtiv, 0), 2) as china_share_of_world_imports_pct,
    m.china_rank_world_importers,
    m.world_importers,
    m.china_rank_russia_recipients,
    m.russia_recipients,
    round(100 * (m.china_mtiv / nullif(m.prev_china_mtiv, 0) - 1), 2) as china_imports_change_pct,
    round(100 * (m.russia_china_mtiv / nullif(m.prev_russia_china_mtiv, 0) - 1), 2) as russia_to_china_change_pct,
    round(100 * (m.russia_mtiv / nullif(m.prev_russia_mtiv, 0) - 1), 2) as russia_exports_change_pct,
    round(100 * (m.world_mtiv / nullif(m.prev_world_mtiv, 0) - 1), 2) as world_transfers_change_pct,
    m.has_estimates as is_estimate
from measured m
join (select distinct release, release_label from stg_sipri_release_scope where kind = 'per_year') r on r.release = m.release
order by m.release desc, m.window_first_year desc
