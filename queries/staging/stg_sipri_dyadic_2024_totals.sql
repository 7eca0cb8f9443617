-- Each supplier's total arms exports in 2024 as SIPRI states it, beside the sum of the recipients
-- its table lists (listed_rows_complete false: some recipients are missing from the table).
create view stg_sipri_dyadic_2024_totals as
select
    t.supplier,
    t.year,
    t.total_tiv_mtiv,
    t.listed_tiv_mtiv,
    t.recipients_listed,
    t.listed_rows_complete,
    t.source_id,
    p.period_id
from sipri_dyadic_2024_totals t
left join periods p on t.year between p.first_year and p.last_year
