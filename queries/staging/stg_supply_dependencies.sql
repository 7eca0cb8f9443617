-- China's shares and supplier statuses in Russia's supply, with the period of the year (none when the
-- source gives no year) and the qualifier's chart symbol.
create view stg_supply_dependencies as
select
    d.dependency_id,
    d.indicator,
    d.item,
    d.year,
    d.date_basis,
    d.share_pct,
    d.supplier_status,
    d.other_suppliers,
    d.source_id,
    d.evidence_kind,
    d.quote,
    d.evidence,
    d.source_url,
    d.qualifier,
    d.note,
    d.disagreement_id,
    coalesce(q.symbol, '') as qualifier_symbol,
    p.period_id
from supply_dependencies d
join qualifiers q on q.qualifier = d.qualifier
left join periods p on d.year between p.first_year and p.last_year
