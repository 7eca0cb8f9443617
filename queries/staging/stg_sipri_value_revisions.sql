-- SIPRI's yearly TIV of a supplier → recipient pair in two releases side by side, for every older
-- release against every newer one where both give the pair-year a value (sipri_release_revisions
-- keeps only consecutive releases; this view lets `python -m dashboard releases diff OLD NEW` and
-- the Sources page compare any two). change = new − old, millions of TIV (not money). note names
-- how each value was made where the methods differ (SIPRI's table in whole millions against a sum
-- of SIPRI's per-delivery-year values, or our estimate).
-- materialise: table (the Data explorer reads it whole: 11.5 ms computed at real size, 271 ms at
-- ×100, where the self-join builds its hash table before the first row; storing it costs ~25 ms)
create view stg_sipri_value_revisions as
select
    o.release as release_old,
    n.release as release_new,
    n.supplier,
    n.recipient,
    n.pair,
    n.year,
    o.tiv_mtiv as value_old,
    n.tiv_mtiv as value_new,
    round(n.tiv_mtiv - o.tiv_mtiv, 2) as change,
    o.method as method_old,
    n.method as method_new,
    o.is_estimate or n.is_estimate as involves_estimate,
    o.release_data_generated as data_generated_old,
    n.release_data_generated as data_generated_new,
    case
        when o.method <> n.method then
            'the ' || o.release || ' value is ' || case o.method
                when 'sipri_table' then 'SIPRI''s table (whole millions)'
                when 'sipri_per_year' then 'the sum of SIPRI''s per-delivery-year values'
                else 'derived from the register (' || o.method || ')' end
            || '; the ' || n.release || ' value is ' || case n.method
                when 'sipri_table' then 'SIPRI''s table (whole millions)'
                when 'sipri_per_year' then 'the sum of SIPRI''s per-delivery-year values'
                else 'derived from the register (' || n.method || ')' end
    end as note
from stg_sipri_dyad_year o
join stg_sipri_dyad_year n
  on n.supplier = o.supplier and n.recipient = o.recipient and n.year = o.year and n.release > o.release
