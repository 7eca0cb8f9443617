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
-- Computed when read; filter by release_old, release_new and, for speed, supplier and recipient.
create view stg_sipri_deal_changes as
with m as (
    select
        m.*,
        r_old.deliveries_last_year as old_last_year,
        cast(right(m.delivery_years_new, 4) as integer) as last_year_new,
        cast(left(m.delivery_years_new, 4) as integer) as first_year_new,
        m.match in ('sipri_deal_id', 'designation', 'delivery_years') as paired
    from stg_sipri_deal_matches m
    join sipri_releases r_old on r_old.release = m.release_old
),
unnested as (
    -- unnest in the select list (not a lateral join), so that a filter on the pair still reaches the tables
    select m.*, unnest(case when m.paired then [
        {'change': 'renamed',
         'value_old': case when trim(regexp_replace(designation_old, '\([^()]*\)', '', 'g')) <> trim(regexp_replace(designation_new, '\([^()]*\)', '', 'g')) then designation_old end,
         'value_new': designation_new},
        {'change': 'revalued_tiv_per_unit', 'value_old': regexp_replace(cast(tiv_per_unit_mtiv_old as varchar), '\.0$', ''), 'value_new': regexp_replace(cast(tiv_per_unit_mtiv_new as varchar), '\.0$', '')},
        {'change': 'revalued_tiv_order', 'value_old': regexp_replace(cast(tiv_order_mtiv_old as varchar), '\.0$', ''), 'value_new': regexp_replace(cast(tiv_order_mtiv_new as varchar), '\.0$', '')},
        {'change': 'revalued_tiv_delivered', 'value_old': regexp_replace(cast(tiv_delivered_mtiv_old as varchar), '\.0$', ''), 'value_new': regexp_replace(cast(tiv_delivered_mtiv_new as varchar), '\.0$', '')},
        {'change': 'order_year', 'value_old': cast(order_year_old as varchar), 'value_new': cast(order_year_new as varchar)},
        {'change': 'number_ordered', 'value_old': cast(number_ordered_old as varchar), 'value_new': cast(number_ordered_new as varchar)},
        {'change': 'number_delivered', 'value_old': cast(number_delivered_old as varchar), 'value_new': cast(number_delivered_new as varchar)},
        {'change': 'delivery_years', 'value_old': coalesce(delivery_years_old, 'none'), 'value_new': coalesce(delivery_years_new, 'none')}
    ] else [
        {'change': m.match,
         'value_old': case when m.match <> 'added' then concat_ws(', ', designation_old, 'ordered ' || order_year, number_delivered_old || ' delivered',
                          coalesce(delivery_years_old, 'none yet'), regexp_replace(cast(tiv_delivered_mtiv_old as varchar), '\.0$', '') || ' TIV delivered') end,
         'value_new': case when m.match <> 'removed' then concat_ws(', ', designation_new, 'ordered ' || order_year, number_delivered_new || ' delivered',
                          coalesce(delivery_years_new, 'none yet'), regexp_replace(cast(tiv_delivered_mtiv_new as varchar), '\.0$', '') || ' TIV delivered') end}
    ] end) as c
    from m
),
changes as (
    select u.*, u.c.change as change, u.c.value_old as value_old, u.c.value_new as value_new
    from unnested u
    where not u.paired or (u.c.value_old is not null and u.c.value_new is not null and u.c.value_old <> u.c.value_new)
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
        when change = 'added' and first_year_new > old_last_year
            then 'first delivered in ' || first_year_new || ', after the last year the ' || release_old || ' release covers (' || old_last_year || ')'
        when change in ('delivery_years', 'number_delivered', 'revalued_tiv_delivered') and last_year_new > old_last_year
             and delivery_years_old = left(delivery_years_new, length(delivery_years_old))
            then 'deliveries after the last year the ' || release_old || ' release covers (' || old_last_year || ')'
        when change = 'added' and number_delivered_new = 0 and layout_old = 'per_delivery_year'
            then 'nothing delivered yet: the ' || release_old || ' release''s per-delivery-year file lists only deals with deliveries'
        when change = 'renamed' and layout_old <> layout_new
            then 'may be the layout, not a rename: SIPRI''s per-delivery-year export and its full register write some designations differently even within one release (''Il-76'' and ''Il-76M'')'
    end as reason
from changes
