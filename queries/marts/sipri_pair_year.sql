-- SIPRI's yearly TIV for any supplier → recipient pair, per release: what pages read to draw a
-- pair's series from one release (filter by release and pair, bound parameters). Millions of TIV.
create view sipri_pair_year as
select
    d.release,
    d.release_data_generated,
    d.pair,
    d.supplier,
    d.recipient,
    d.year,
    d.tiv_mtiv,
    d.method,
    d.is_estimate,
    d.period_id,
    p.label as period_label
from stg_sipri_dyad_year d
left join stg_periods p on p.period_id = d.period_id
