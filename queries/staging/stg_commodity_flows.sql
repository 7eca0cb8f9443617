-- Yearly China → Russia flows of nitrocellulose (tons) and integrated circuits (million USD), with the
-- period of the year (none when the source gives no year) and the qualifier's chart symbol. Partial
-- years (partial_year) are not comparable with full ones.
create view stg_commodity_flows as
select
    f.flow_id,
    f.commodity,
    f.flow,
    f.year,
    f.date_basis,
    f.partial_year,
    f.months_covered,
    f.quantity,
    f.unit,
    f.source_id,
    f.evidence_kind,
    f.quote,
    f.evidence,
    f.source_url,
    f.qualifier,
    f.note,
    f.disagreement_id,
    coalesce(q.symbol, '') as qualifier_symbol,
    p.period_id
from commodity_flows f
join qualifiers q on q.qualifier = f.qualifier
left join periods p on f.year between p.first_year and p.last_year
