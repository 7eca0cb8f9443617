-- China's share of Russia's imports of chips and chip-making inputs, as each source states it
-- (Dual-use page). Shares from different data sets and definitions: not comparable one to one.
create view dual_use_shares as
select
    d.dependency_id,
    d.item,
    d.indicator,
    d.year,
    d.share_pct,
    trim(d.qualifier_symbol || ' ' || cast(d.share_pct as varchar) || '%') as share_label,
    d.qualifier,
    q.label as qualifier_label,
    s.title as source_title,
    d.item || ' (' || d.year || ') · ' || s.publisher as row_label,
    d.evidence_kind,
    d.quote,
    d.evidence,
    d.source_url,
    d.note,
    d.disagreement_id,
    d.source_id,
    d.period_id,
    (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label
from stg_supply_dependencies d
join stg_sources s on s.source_id = d.source_id
join stg_qualifiers q on q.qualifier = d.qualifier
where d.share_pct is not null
order by d.item, d.year, d.share_pct desc
