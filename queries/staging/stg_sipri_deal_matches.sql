-- Deals of two SIPRI releases paired, for every older release against every newer one that lists
-- deals (stg_sipri_release_deal_list), within each supplier → recipient pair, in this order:
--   'sipri_deal_id'  both rows carry SIPRI's deal id and it is the same (one row on each side);
--   'designation'    among the rows left, exactly one row of each release carries the key
--                    (supplier, recipient, order year, normalised designation);
--   'delivery_years' among the rows still left, exactly one row of each release carries the key
--                    (supplier, recipient, order year, delivery years): finds designations SIPRI
--                    renamed ('Project-956/Sovremenny' → 'Sovremenny') and splits deals that share
--                    a designation and order year but not their delivery years;
--   'ambiguous'      a row left unpaired although a key of either step is carried by rows on both
--                    sides (more than one on a side): nothing is paired (never guessed), each of its
--                    rows is listed once, alone, with the numbers of candidates;
--   'removed'/'added' a row with no counterpart: only in the old / only in the new release.
-- Old and new values side by side (TIV in millions; not money). Computed when read (not stored:
-- pairing every release with every other costs more than the build's budget); read it filtered by
-- release_old, release_new and, for speed, supplier and recipient: the filter reaches the tables.
create view stg_sipri_deal_matches as
with pairs as (
    select o.release as release_old, n.release as release_new, o.export_scope as export_scope_old, n.export_scope as export_scope_new,
           o.layout as layout_old, n.layout as layout_new
    from stg_sipri_release_lists o
    join stg_sipri_release_lists n on o.release < n.release
),
sides as (
    select p.*, 'old' as side, d.*
    from pairs p join stg_sipri_release_deal_list d on d.release = p.release_old
    union all
    select p.*, 'new' as side, d.*
    from pairs p join stg_sipri_release_deal_list d on d.release = p.release_new
),
by_id as (
    select *,
        sipri_deal_id is not null
            and count(*) filter (where side = 'old') over w_id = 1
            and count(*) filter (where side = 'new') over w_id = 1 as id_paired
    from sides
    window w_id as (partition by release_old, release_new, supplier, recipient, sipri_deal_id)
),
by_key as (
    select *,
        count(*) filter (where side = 'old') over w_key as candidates_old,
        count(*) filter (where side = 'new') over w_key as candidates_new
    from by_id
    window w_key as (partition by release_old, release_new, supplier, recipient, id_paired, order_year, designation_key)
),
by_years as (
    select *,
        id_paired or (candidates_old = 1 and candidates_new = 1) as key_paired,
        count(*) filter (where side = 'old' and delivery_years is not null) over w_years as years_old,
        count(*) filter (where side = 'new' and delivery_years is not null) over w_years as years_new
    from by_key
    window w_years as (partition by release_old, release_new, supplier, recipient,
                       id_paired or (candidates_old = 1 and candidates_new = 1), order_year, delivery_years)
),
classed as (
    select *,
        case
            when id_paired then 'sipri_deal_id'
            when key_paired then 'designation'
            when delivery_years is not null and years_old = 1 and years_new = 1 then 'delivery_years'
            when (candidates_old > 0 and candidates_new > 0) or (delivery_years is not null and years_old > 0 and years_new > 0) then 'ambiguous'
            when side = 'old' then 'removed'
            else 'added'
        end as match
    from by_years
)
select
    release_old,
    release_new,
    supplier,
    recipient,
    supplier || ' → ' || recipient as pair,
    match,
    -- rows of each release that carry the key this row was paired (or not paired) by
    case when match in ('sipri_deal_id', 'designation', 'delivery_years') then 1 else max(greatest(candidates_old, years_old)) end as candidates_old,
    case when match in ('sipri_deal_id', 'designation', 'delivery_years') then 1 else max(greatest(candidates_new, years_new)) end as candidates_new,
    -- the newer release's year of order (SIPRI may revise it: order_year_old beside it)
    coalesce(max(order_year) filter (where side = 'new'), max(order_year)) as order_year,
    max(order_year) filter (where side = 'old') as order_year_old,
    max(order_year) filter (where side = 'new') as order_year_new,
    max(sipri_deal_id) as sipri_deal_id,
    max(deal_ref) filter (where side = 'old') as deal_old,
    max(deal_ref) filter (where side = 'new') as deal_new,
    max(designation) filter (where side = 'old') as designation_old,
    max(designation) filter (where side = 'new') as designation_new,
    max(description) filter (where side = 'old') as description_old,
    max(description) filter (where side = 'new') as description_new,
    max(number_ordered) filter (where side = 'old') as number_ordered_old,
    max(number_ordered) filter (where side = 'new') as number_ordered_new,
    max(number_delivered) filter (where side = 'old') as number_delivered_old,
    max(number_delivered) filter (where side = 'new') as number_delivered_new,
    max(delivery_years) filter (where side = 'old') as delivery_years_old,
    max(delivery_years) filter (where side = 'new') as delivery_years_new,
    max(tiv_per_unit_mtiv) filter (where side = 'old') as tiv_per_unit_mtiv_old,
    max(tiv_per_unit_mtiv) filter (where side = 'new') as tiv_per_unit_mtiv_new,
    max(tiv_order_mtiv) filter (where side = 'old') as tiv_order_mtiv_old,
    max(tiv_order_mtiv) filter (where side = 'new') as tiv_order_mtiv_new,
    max(tiv_delivered_mtiv) filter (where side = 'old') as tiv_delivered_mtiv_old,
    max(tiv_delivered_mtiv) filter (where side = 'new') as tiv_delivered_mtiv_new,
    -- the releases' files, whichever side the row is on
    max(export_scope_old) as export_scope_old,
    max(export_scope_new) as export_scope_new,
    max(layout_old) as layout_old,
    max(layout_new) as layout_new
from classed
group by
    release_old, release_new, supplier, recipient, match,
    -- one group per pairing; unpaired rows stay alone
    case
        when match = 'sipri_deal_id' then 'id ' || sipri_deal_id
        when match = 'designation' then 'designation ' || order_year || ' ' || designation_key
        when match = 'delivery_years' then 'years ' || order_year || ' ' || delivery_years
        else side || ' ' || row_id
    end
