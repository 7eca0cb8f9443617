-- Any supplier → recipient pair: SIPRI's TIV delivered per year, per release_view (one release
-- alone, or 'newest': each pair-year from the newest release covering it; every row names its
-- release). One row per release_view, pair and year: filter by release_view before summing. Pages
-- filter it by release_view and pair, bound parameters. Millions of TIV; not money.
create view arms_pair_by_year as
select
    v.release_view,
    v.pair,
    v.supplier,
    v.recipient,
    v.year,
    round(v.tiv_mtiv, 2) as tiv_mtiv,
    v.release,
    v.release_label,
    v.method,
    v.method_label,
    v.is_estimate,
    v.data_generated_first,
    v.data_generated_last,
    v.source_id,
    v.period_id,
    p.label as period_label
from stg_sipri_dyad_year_views v
left join stg_periods p on p.period_id = v.period_id
order by v.release_view, v.pair, v.year
