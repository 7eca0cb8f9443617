-- China → Russia flows by year (nitrocellulose tonnage, integrated-circuit values), each source's
-- reading kept side by side (Dual-use page). Hedged values keep their qualifier. One unit per
-- column: tonnes in quantity (nitrocellulose), million US dollars in value_million_usd (integrated
-- circuits); the table's check allows no other unit, so every row fills exactly one of the two.
create view commodity_flow_list as
select
    f.flow_id,
    f.commodity,
    f.year,
    coalesce(cast(f.year as varchar), 'before 2022') as year_label,
    f.partial_year,
    f.months_covered,
    case when f.unit = 'tons' then f.quantity end as quantity,
    case when f.unit = 'million_usd' then f.quantity end as value_million_usd,
    f.unit,
    case when f.qualifier = 'practically_none' then '≈ 0 (practically none)'
         else trim(f.qualifier_symbol || ' ' || format('{:,}', cast(f.quantity as bigint))) end
        || case when f.partial_year then ' (part year)' else '' end as quantity_label,
    f.qualifier,
    q.label as qualifier_label,
    s.publisher as reading,
    s.title as source_title,
    f.evidence_kind,
    f.quote,
    f.evidence,
    f.source_url,
    f.note,
    f.disagreement_id,
    f.source_id,
    f.period_id,
    (select pl.label from stg_periods pl where pl.period_id = f.period_id) as period_label
from stg_commodity_flows f
join stg_sources s on s.source_id = f.source_id
join stg_qualifiers q on q.qualifier = f.qualifier
order by f.commodity, f.year nulls first, s.publisher
