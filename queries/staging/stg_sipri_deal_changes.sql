-- What SIPRI changed between two releases, deal by deal, with both values (from stg_sipri_deal_matches):
-- one row per change. change is one of added, removed, ambiguous (a row that could not be paired),
-- renamed (designation, compared without parenthesised parts: the 2024 per-delivery-year layout adds
-- them, 'D-30 (12000)'), revalued_tiv_per_unit, revalued_tiv_order, revalued_tiv_delivered,
-- order_year (only deals paired by SIPRI's id can show it), number_ordered, number_delivered,
-- delivery_years. Values are text as SIPRI writes them (TIV in
-- millions; not money); a value a release's layout does not give (the 2024 per-delivery-year layout
-- has no number ordered or order TIV) is not compared. reason: why, where the data says so (a
-- difference of export scope, deliveries after the years the old release covers, a layout that
-- writes designations differently); empty otherwise.
-- materialise: table (Sources and method and `releases diff` read it for one pair of releases and one
-- supplier → recipient pair: 8–9 ms computed from the stored matches, most of it planning; stored:
-- ~2 ms, for ~0.15 s of build)
create view stg_sipri_deal_changes as
with
-- the deals paired between the two releases (inlined into each branch below, not stored once more)
paired as not materialized (
    select * from stg_sipri_deal_matches m where m.match in ('sipri_deal_id', 'designation', 'delivery_years')
),
-- a paired deal: one row per value that both releases give and that differs (a value a layout does
-- not give is empty: `<>` leaves it out); an unpaired row: one row, the deal as each side lists it.
-- One branch per kind of change, each filtered on the stored values before any text is built.
changes as (
    select m.*, 'renamed' as change, designation_old as value_old, designation_new as value_new
    from paired m
    where trim(regexp_replace(designation_old, '\([^()]*\)', '', 'g')) <> trim(regexp_replace(designation_new, '\([^()]*\)', '', 'g'))
    union all
    select m.*, 'revalued_tiv_per_unit' as change, regexp_replace(cast(tiv_per_unit_mtiv_old as varchar), '\.0$', '') as value_old, regexp_replace(cast(tiv_per_unit_mtiv_new as varchar), '\.0$', '') as value_new
    from paired m where tiv_per_unit_mtiv_old <> tiv_per_unit_mtiv_new
    union all
    select m.*, 'revalued_tiv_order' as change, regexp_replace(cast(tiv_order_mtiv_old as varchar), '\.0$', '') as value_old, regexp_replace(cast(tiv_order_mtiv_new as varchar), '\.0$', '') as value_new
    from paired m where tiv_order_mtiv_old <> tiv_order_mtiv_new
    union all
    select m.*, 'revalued_tiv_delivered' as change, regexp_replace(cast(tiv_delivered_mtiv_old as varchar), '\.0$', '') as value_old, regexp_replace(cast(tiv_delivered_mtiv_new as varchar), '\.0$', '') as value_new
    from paired m where tiv_delivered_mtiv_old <> tiv_delivered_mtiv_new
    union all
    select m.*, 'order_year' as change, cast(order_year_old as varchar) as value_old, cast(order_year_new as varchar) as value_new
    from paired m where order_year_old <> order_year_new
    union all
    select m.*, 'number_ordered' as change, cast(number_ordered_old as varchar) as value_old, cast(number_ordered_new as varchar) as value_new
    from paired m where number_ordered_old <> number_ordered_new
    union all
    select m.*, 'number_delivered' as change, cast(number_delivered_old as varchar) as value_old, cast(number_delivered_new as varchar) as value_new
    from paired m where number_delivered_old <> number_delivered_new
    union all
    select m.*, 'delivery_years' as change, coalesce(delivery_years_old, 'none') as value_old, coalesce(delivery_years_new, 'none') as value_new
    from paired m where coalesce(delivery_years_old, 'none') <> coalesce(delivery_years_new, 'none')
    union all
    select m.*, m.match as change,
        case when m.match <> 'added' then concat_ws(', ', designation_old, 'ordered ' || order_year, number_delivered_old || ' delivered',
            coalesce(delivery_years_old, 'none yet'), regexp_replace(cast(tiv_delivered_mtiv_old as varchar), '\.0$', '') || ' TIV delivered') end as value_old,
        case when m.match <> 'removed' then concat_ws(', ', designation_new, 'ordered ' || order_year, number_delivered_new || ' delivered',
            coalesce(delivery_years_new, 'none yet'), regexp_replace(cast(tiv_delivered_mtiv_new as varchar), '\.0$', '') || ' TIV delivered') end as value_new
    from stg_sipri_deal_matches m where m.match not in ('sipri_deal_id', 'designation', 'delivery_years')
)
select
    release_old,
    release_new,
    supplier,
    recipient,
    pair,
    change,
    order_year,
    coalesce(designation_new, designation_old) as designation,
    value_old,
    value_new,
    match,
    candidates_old,
    candidates_new,
    deal_old,
    deal_new,
    sipri_deal_id,
    export_scope_old,
    export_scope_new,
    layout_old,
    layout_new,
    case
        -- an order with nothing delivered, in a file of deals with 'deliveries or orders' only:
        -- absent from the other release's 'deliveries made' file because of the export scope
        when (change = 'removed' and number_delivered_old = 0 and export_scope_old = 'deliveries or orders' and export_scope_new = 'deliveries made')
          or (change = 'added' and number_delivered_new = 0 and export_scope_new = 'deliveries or orders' and export_scope_old = 'deliveries made')
            then 'export scope: the ' || release_old || ' file lists ''' || export_scope_old
                 || ''', the ' || release_new || ' file ''' || export_scope_new || ''''
        when change = 'added' and cast(left(delivery_years_new, 4) as integer) > r_old.deliveries_last_year
            then 'first delivered in ' || left(delivery_years_new, 4) || ', after the last year the ' || release_old || ' release covers (' || r_old.deliveries_last_year || ')'
        when change in ('delivery_years', 'number_delivered', 'revalued_tiv_delivered') and cast(right(delivery_years_new, 4) as integer) > r_old.deliveries_last_year
             and delivery_years_old = left(delivery_years_new, length(delivery_years_old))
            then 'deliveries after the last year the ' || release_old || ' release covers (' || r_old.deliveries_last_year || ')'
        when change = 'added' and number_delivered_new = 0 and layout_old = 'per_delivery_year'
            then 'nothing delivered yet: the ' || release_old || ' release''s per-delivery-year file lists only deals with deliveries'
        when change = 'renamed' and layout_old <> layout_new
            then 'may be the layout, not a rename: SIPRI''s per-delivery-year export and its full register write some designations differently even within one release (''Il-76'' and ''Il-76M'')'
    end as reason
from changes
join sipri_releases r_old on r_old.release = changes.release_old
