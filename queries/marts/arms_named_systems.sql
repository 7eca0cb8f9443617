-- The systems the documents name: their figures beside the units SIPRI's register records as
-- delivered by Russia or the Soviet Union to China (Arms transfers page).
create view arms_named_systems as
with docs as (
    select d.*, s.title as source_title
    from stg_doc_arms_transfers d join stg_sources s on s.source_id = d.source_id
    where d.direction = 'russia_to_china' and d.quantity is not null and d.sipri_designations is not null and d.part_of is null
),
register as (
    select d.transfer_id, sum(r.number_delivered) as units,
           -- the first 25 matching register lines, and how many more (a cell to read, not a dump)
           array_to_string(list_slice(list(r.designation || ' (order ' || r.order_year || ', delivered ' || coalesce(r.delivery_years, '–') || ', register line ' || r.raw_line || ')' order by r.raw_line), 1, 25), '; ')
               || case when count(*) > 25 then '; … and ' || (count(*) - 25) || ' more register lines' else '' end as evidence,
           min(r.first_delivery_year) as y0, max(r.last_delivery_year) as y1
    from docs d
    join stg_sipri_register r on r.is_ru_su_cn
        and list_contains(string_split(d.sipri_designations, '; '), r.designation)
    group by d.transfer_id
)
select d.system_family, s.title as reading, d.quantity as units,
       coalesce(q.symbol || ' ', '') || cast(d.quantity as bigint) as units_label,
       nullif(coalesce(cast(d.year_start as varchar), '') || coalesce('–' || d.year_end, ''), '') as years,
       d.qualifier, q.label as qualifier_label, d.evidence_kind, d.quote, d.quote as evidence, d.note, d.source_id, d.date_from, d.date_to, d.straddles_cut, d.precision_note, d.period_id, d.period_ids, d.period_label
from docs d join stg_qualifiers q on q.qualifier = d.qualifier join stg_sources s on s.source_id = d.source_id
union all
select d.system_family, 'SIPRI register (units delivered)', r.units, cast(r.units as varchar), r.y0 || '–' || r.y1,
       'exact', 'exact', 'register_row', null, r.evidence, 'Sum of units delivered in the matching Russia/Soviet Union → China deals', 'sipri_at_2025', d.date_from, d.date_to, d.straddles_cut, d.precision_note, d.period_id, d.period_ids, d.period_label
from docs d join register r on r.transfer_id = d.transfer_id
order by system_family, reading
