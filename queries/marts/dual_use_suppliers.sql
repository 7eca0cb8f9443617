-- Where China is Russia's sole or only supplier (critical minerals), with the quotes (Dual-use page).
create view dual_use_suppliers as
select d.dependency_id, d.item, d.year, d.supplier_status, d.other_suppliers, d.qualifier, d.evidence_kind, d.quote, d.note,
       d.source_id, s.title as source_title, d.period_id,
       (select pl.label from stg_periods pl where pl.period_id = d.period_id) as period_label
from stg_supply_dependencies d
join stg_sources s on s.source_id = d.source_id
where d.supplier_status is not null
order by d.item
