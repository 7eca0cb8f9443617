-- SIPRI's yearly TIV per supplier → recipient pair and release, with the release's data generation
-- date (for source lines), the period, and whether the value is SIPRI's or our estimate.
create view stg_sipri_dyad_year as
select
    d.release,
    r.data_generated_last as release_data_generated,
    d.supplier,
    d.recipient,
    d.supplier || ' → ' || d.recipient as pair,
    d.year,
    d.tiv_mtiv,
    d.method,
    d.is_estimate,
    p.period_id
from sipri_dyad_year d
join sipri_releases r on r.release = d.release
left join periods p on d.year between p.first_year and p.last_year
