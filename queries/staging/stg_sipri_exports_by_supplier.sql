-- SIPRI TIV of arms exports by supplier per year (October 2024 release: deliveries to 2023), with the
-- period of the year. below_half: SIPRI's '0', a value between 0 and 0.5. Millions of TIV; not money.
create view stg_sipri_exports_by_supplier as
select
    t.supplier,
    t.year,
    t.tiv_mtiv,
    t.below_half,
    t.source_id,
    p.period_id
from sipri_exports_by_supplier t
left join periods p on t.year between p.first_year and p.last_year
