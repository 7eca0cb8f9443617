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
-- Old and new values side by side (TIV in millions; not money). The keys are counted by group and
-- joined back, and the values joined last (window functions over every row of every pair of
-- releases cost twice as much), so that every pair of releases is paired at build.
-- materialise: table (Sources and method and `releases diff` read it, through stg_sipri_deal_changes,
-- for one pair of releases and one supplier → recipient pair: 26 ms computed, nearly all of it
-- DuckDB planning the nested views; stored: ~3 ms, for ~0.5 s of build)
create view stg_sipri_deal_matches as
with pairs as (
    select o.release as release_old, n.release as release_new, o.export_scope as export_scope_old, n.export_scope as export_scope_new,
           o.layout as layout_old, n.layout as layout_new
    from stg_sipri_release_lists o
    join stg_sipri_release_lists n on o.release < n.release
),
-- the deal lists, computed once for the four joins below (a CTE read more than once is stored for the query)
deals as (
    select * from stg_sipri_release_deal_list
),
-- the keys only (values are joined back at the end); is_old: the row is release_old's
sides as (
    select p.release_old, p.release_new, true as is_old, d.row_id, d.supplier, d.recipient, d.sipri_deal_id, d.order_year, d.designation_key, d.delivery_years
    from pairs p join deals d on d.release = p.release_old
    union all
    select p.release_old, p.release_new, false as is_old, d.row_id, d.supplier, d.recipient, d.sipri_deal_id, d.order_year, d.designation_key, d.delivery_years
    from pairs p join deals d on d.release = p.release_new
),
-- how many rows of each release carry each key: counted by group (a hash) and joined back, rather
-- than by window functions, which sort every row of every pair of releases three times. Each step
-- counts only the rows the steps before it left unpaired.
id_counts as (
    select release_old, release_new, supplier, recipient, sipri_deal_id,
        count(*) filter (where is_old) as n_old, count(*) filter (where not is_old) as n_new
    from sides
    where sipri_deal_id is not null
    group by release_old, release_new, supplier, recipient, sipri_deal_id
),
by_id as (
    select s.*, coalesce(i.n_old = 1 and i.n_new = 1, false) as id_paired
    from sides s
    left join id_counts i
        on i.release_old = s.release_old and i.release_new = s.release_new and i.supplier = s.supplier
       and i.recipient = s.recipient and i.sipri_deal_id = s.sipri_deal_id
),
key_counts as (
    select release_old, release_new, supplier, recipient, order_year, designation_key,
        count(*) filter (where is_old) as candidates_old, count(*) filter (where not is_old) as candidates_new
    from by_id
    where not id_paired
    group by release_old, release_new, supplier, recipient, order_year, designation_key
),
by_key as (
    select b.*, k.candidates_old, k.candidates_new,
        b.id_paired or (k.candidates_old = 1 and k.candidates_new = 1) as key_paired
    from by_id b
    left join key_counts k
        on not b.id_paired
       and k.release_old = b.release_old and k.release_new = b.release_new and k.supplier = b.supplier and k.recipient = b.recipient
       and k.order_year is not distinct from b.order_year and k.designation_key is not distinct from b.designation_key
),
years_counts as (
    select release_old, release_new, supplier, recipient, order_year, delivery_years,
        count(*) filter (where is_old) as years_old, count(*) filter (where not is_old) as years_new
    from by_key
    where not key_paired and delivery_years is not null
    group by release_old, release_new, supplier, recipient, order_year, delivery_years
),
by_years as (
    select b.*, y.years_old, y.years_new
    from by_key b
    left join years_counts y
        on not b.key_paired and b.delivery_years is not null
       and y.release_old = b.release_old and y.release_new = b.release_new and y.supplier = b.supplier and y.recipient = b.recipient
       and y.order_year is not distinct from b.order_year and y.delivery_years = b.delivery_years
),
classed as (
    select *,
        case
            when id_paired then 'sipri_deal_id'
            when key_paired then 'designation'
            when years_old = 1 and years_new = 1 then 'delivery_years'
            when (candidates_old > 0 and candidates_new > 0) or (years_old > 0 and years_new > 0) then 'ambiguous'
            when is_old then 'removed'
            else 'added'
        end as match
    from by_years
),
-- one row per pairing (an unpaired row alone): which row of each release it holds
paired as (
    select
        release_old, release_new, supplier, recipient, match,
        case when match in ('sipri_deal_id', 'designation', 'delivery_years') then 1 else max(greatest(candidates_old, coalesce(years_old, 0))) end as candidates_old,
        case when match in ('sipri_deal_id', 'designation', 'delivery_years') then 1 else max(greatest(candidates_new, coalesce(years_new, 0))) end as candidates_new,
        max(row_id) filter (where is_old) as row_old,
        max(row_id) filter (where not is_old) as row_new
    from classed
    group by
        release_old, release_new, supplier, recipient, match,
        -- the key of the pairing; an unpaired row stays alone (its side and row)
        case when match = 'sipri_deal_id' then sipri_deal_id end,
        case when match in ('designation', 'delivery_years') then order_year end,
        case when match = 'designation' then designation_key end,
        case when match = 'delivery_years' then delivery_years end,
        case when match not in ('sipri_deal_id', 'designation', 'delivery_years') then is_old end,
        case when match not in ('sipri_deal_id', 'designation', 'delivery_years') then row_id end
)
select
    m.release_old,
    m.release_new,
    m.supplier,
    m.recipient,
    m.supplier || ' → ' || m.recipient as pair,
    m.match,
    -- rows of each release that carry the key this row was paired (or not paired) by
    m.candidates_old,
    m.candidates_new,
    -- the newer release's year of order (SIPRI may revise it: order_year_old beside it)
    coalesce(n.order_year, o.order_year) as order_year,
    o.order_year as order_year_old,
    n.order_year as order_year_new,
    greatest(o.sipri_deal_id, n.sipri_deal_id) as sipri_deal_id,
    o.deal_ref as deal_old,
    n.deal_ref as deal_new,
    o.designation as designation_old,
    n.designation as designation_new,
    o.description as description_old,
    n.description as description_new,
    o.number_ordered as number_ordered_old,
    n.number_ordered as number_ordered_new,
    o.number_delivered as number_delivered_old,
    n.number_delivered as number_delivered_new,
    o.delivery_years as delivery_years_old,
    n.delivery_years as delivery_years_new,
    o.tiv_per_unit_mtiv as tiv_per_unit_mtiv_old,
    n.tiv_per_unit_mtiv as tiv_per_unit_mtiv_new,
    o.tiv_order_mtiv as tiv_order_mtiv_old,
    n.tiv_order_mtiv as tiv_order_mtiv_new,
    o.tiv_delivered_mtiv as tiv_delivered_mtiv_old,
    n.tiv_delivered_mtiv as tiv_delivered_mtiv_new,
    -- the releases' files, whichever side the row is on
    p.export_scope_old,
    p.export_scope_new,
    p.layout_old,
    p.layout_new
from paired m
join pairs p on p.release_old = m.release_old and p.release_new = m.release_new
left join deals o on o.release = m.release_old and o.row_id = m.row_old
left join deals n on n.release = m.release_new and n.row_id = m.row_new
