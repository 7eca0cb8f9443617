-- SIPRI's yearly TIV for any supplier → recipient pair, per release: what pages read to draw a
-- pair's series from one release (filter by release and pair, bound parameters). Millions of TIV.
create view sipri_pair_year as
select
    release,
    release_data_generated,
    pair,
    supplier,
    recipient,
    year,
    tiv_mtiv,
    method,
    is_estimate,
    period_id
from stg_sipri_dyad_year
