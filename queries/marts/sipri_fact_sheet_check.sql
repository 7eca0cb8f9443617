-- SIPRI's published Fact Sheet figures beside what the five-year view computes from the same
-- release and window (sipri_fact_sheet_figures, sipri_five_year). computed_value is null where the
-- release has no such window here (reproducible false says so). SIPRI's rounding: percentages of
-- 10 or more as whole numbers, smaller ones to one decimal; ranks and counts as they are. agrees:
-- the computed value at SIPRI's rounding equals the published one (for more_than: exceeds it).
create view sipri_fact_sheet_check as
with labels (measure, measure_label) as (
    values
        ('china_imports_change_pct', 'Change in China''s arms imports from the previous five years (%)'),
        ('russia_share_of_china_imports_pct', 'Russia''s share of China''s arms imports (%)'),
        ('china_share_of_russia_exports_pct', 'China''s share of Russia''s arms exports (%)'),
        ('china_share_of_world_imports_pct', 'China''s share of world arms imports (%)'),
        ('china_rank_world_importers', 'China''s rank among the world''s arms importers'),
        ('china_rank_russia_recipients', 'China''s rank among Russia''s recipients'),
        ('russia_recipients', 'States receiving Russian arms'),
        ('russia_to_china_change_pct', 'Change in Russia''s arms exports to China (%)'),
        ('russia_exports_change_pct', 'Change in Russia''s arms exports (%)'),
        ('world_transfers_change_pct', 'Change in the volume of international arms transfers (%)')
),
computed as (
    unpivot (
        select release, window_first_year,
            cast(china_imports_change_pct as double) as china_imports_change_pct,
            cast(russia_share_of_china_imports_pct as double) as russia_share_of_china_imports_pct,
            cast(china_share_of_russia_exports_pct as double) as china_share_of_russia_exports_pct,
            cast(china_share_of_world_imports_pct as double) as china_share_of_world_imports_pct,
            cast(china_rank_world_importers as double) as china_rank_world_importers,
            cast(china_rank_russia_recipients as double) as china_rank_russia_recipients,
            cast(russia_recipients as double) as russia_recipients,
            cast(russia_to_china_change_pct as double) as russia_to_china_change_pct,
            cast(russia_exports_change_pct as double) as russia_exports_change_pct,
            cast(world_transfers_change_pct as double) as world_transfers_change_pct
        from sipri_five_year
    ) on columns(* exclude (release, window_first_year)) into name measure value computed_value
),
joined as (
    select
        f.*,
        c.computed_value,
        case when c.computed_value is null then null
             when f.unit in ('rank', 'count') then c.computed_value
             when abs(c.computed_value) >= 9.95 then round(c.computed_value)
             else round(c.computed_value, 1) end as computed_rounded
    from sipri_fact_sheet_figures f
    left join computed c on c.release = f.release and c.window_first_year = f.window_first_year and c.measure = f.measure
)
select
    j.figure_id,
    j.release,
    j.fact_sheet,
    j.measure,
    l.measure_label,
    j.window_first_year || '–' || lpad(cast(j.window_last_year % 100 as varchar), 2, '0') as window_label,
    j.window_first_year,
    j.window_last_year,
    j.published_value,
    j.qualifier,
    j.unit,
    j.computed_value,
    j.computed_rounded,
    case when j.computed_rounded is null then null
         when j.qualifier = 'more_than' then j.computed_rounded > j.published_value
         else j.computed_rounded = j.published_value end as agrees,
    j.reproducible,
    j.evidence,
    j.source_id,
    j.source_url,
    j.note
from joined j
join labels l on l.measure = j.measure
order by j.release desc, j.figure_id
