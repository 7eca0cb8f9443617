-- One row per deal and SIPRI release that lists deals, in one shape so that two releases can be
-- compared deal by deal (stg_sipri_deal_matches): 2024 from SIPRI's per-delivery-year register
-- (SIPRI's deal id; numbers, years and TIV summed over its delivery years 1950–2023; that layout has
-- no number ordered or order TIV), 2025 from the full register of March 2025 (SIPRI's deal id where
-- the 2025 per-year register pairs the row, see sipri_register.sipri_deal_match), 2026 from the full
-- register of May 2026 (no deal id); layout, files and export scope from stg_sipri_release_lists. row_id is unique within a release. TIV in millions; not money.
-- Written so that a filter on release, supplier and recipient reaches the tables (read at query time).
create view stg_sipri_release_deal_list as
select
    d.release,
    d.row_id,
    d.sipri_deal_id,
    d.deal_ref,
    d.supplier,
    d.recipient,
    d.order_year,
    d.designation,
    -- the matching key's designation: no parenthesised parts, lower case, letters and digits only
    -- (as normalise_designation in dashboard/pipeline/curate/sipri_releases.py)
    regexp_replace(lower(regexp_replace(d.designation, '\([^()]*\)', '', 'g')), '[^0-9a-z]', '', 'g') as designation_key,
    d.description,
    d.number_ordered,
    d.number_delivered,
    d.delivery_years,
    d.tiv_per_unit_mtiv,
    d.tiv_order_mtiv,
    d.tiv_delivered_mtiv,
    l.layout,
    l.files,
    l.export_scope
from (
    select
        d.release, d.sipri_deal_id as row_id, d.sipri_deal_id, 'SIPRI deal ' || d.sipri_deal_id as deal_ref,
        d.supplier, d.recipient, d.order_year, d.designation, d.description,
        cast(null as integer) as number_ordered, cast(sum(y.number_delivered) as integer) as number_delivered,
        string_agg(cast(y.delivery_year as varchar), '; ' order by y.delivery_year) as delivery_years,
        d.tiv_unit_mtiv as tiv_per_unit_mtiv, cast(null as double) as tiv_order_mtiv,
        round(sum(cast(y.tiv_delivered_mtiv as decimal(18, 4))), 2)::double as tiv_delivered_mtiv  -- exact sums (see arms_pairs)
    from sipri_release_deals d
    join sipri_deliveries_per_year y on y.release = d.release and y.sipri_deal_id = d.sipri_deal_id
    where d.release = 2024
    group by d.release, d.sipri_deal_id, d.supplier, d.recipient, d.order_year, d.designation, d.description, d.tiv_unit_mtiv
    union all
    select
        2025, r.deal_id, r.sipri_deal_id,
        'register row ' || r.deal_id || coalesce(' (SIPRI deal ' || r.sipri_deal_id || ')', ''),
        r.supplier, r.recipient, r.order_year, r.designation, r.description,
        r.number_ordered, r.number_delivered, r.delivery_years,
        r.tiv_per_unit_mtiv, r.tiv_order_mtiv, r.tiv_delivered_mtiv
    from sipri_register r
    union all
    select
        g.release, g.register_row, cast(null as integer), 'register row ' || g.register_row,
        g.supplier, g.recipient, g.order_year, g.designation, g.description,
        g.number_ordered, g.number_delivered, g.delivery_years,
        g.tiv_per_unit_mtiv, g.tiv_order_mtiv, g.tiv_delivered_mtiv
    from sipri_release_registers g
) d
join stg_sipri_release_lists l on l.release = d.release
