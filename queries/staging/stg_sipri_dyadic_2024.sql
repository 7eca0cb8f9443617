-- SIPRI's exact TIV of arms transfers in 2024 for each supplier → recipient pair, with the period
-- and the supplier's stated 2024 total. below_half: SIPRI's '0', between 0 and 0.5. Millions of TIV.
create view stg_sipri_dyadic_2024 as
select
    d.supplier,
    d.recipient,
    d.supplier || ' → ' || d.recipient as pair,
    d.year,
    d.tiv_mtiv,
    d.below_half,
    t.total_tiv_mtiv as supplier_total_tiv_mtiv,
    d.source_id,
    p.period_id
from sipri_dyadic_2024 d
join sipri_dyadic_2024_totals t on t.supplier = d.supplier
left join periods p on d.year between p.first_year and p.last_year
