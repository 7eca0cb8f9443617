-- SIPRI TIV of arms imports by recipient per year (October 2024 release: deliveries to 2023), with the
-- period of the year. below_half: SIPRI's '0', a value between 0 and 0.5. Millions of TIV; not money.
create view stg_sipri_imports_by_recipient as
select
    t.recipient,
    t.year,
    t.tiv_mtiv,
    t.below_half,
    t.source_id,
    p.period_id
from sipri_imports_by_recipient t
left join periods p on t.year between p.first_year and p.last_year
