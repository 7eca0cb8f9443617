-- The SIPRI register rows behind a SIPRI yearly value (claim page): for the 2024 and 2025 releases
-- each deal delivering to the pair in the year with SIPRI's TIV delivered that year; for the 2026
-- release (one total per deal) each register line counted in 2025. SIPRI's own tables have no rows here.
create view claim_sipri_rows as
select c.claim_id, c.release, p.sipri_deal_id, null::integer as register_line, p.designation, p.description, p.order_year,
       cast(p.delivery_year as varchar) as delivery_years, p.number_delivered, p.tiv_delivered_mtiv as tiv_in_year_mtiv,
       'SIPRI''s TIV delivered in the year' || case when p.delivery_year_estimated or p.number_delivered_estimated then ' (SIPRI marks the year or number as an estimate)' else '' end as row_method
from stg_claims_sipri c
join stg_sipri_deliveries_per_year p
    on p.release = c.release and p.supplier = c.supplier and p.recipient = c.recipient and p.delivery_year = c.year
where c.method = 'sipri_per_year'
union all
select c.claim_id, c.release, r.matched_sipri_deal_id, r.raw_line, r.designation, null, r.order_year,
       r.delivery_years, r.number_delivered, r.tiv_2025_mtiv,
       case r.method when 'register_single_year' then 'the deal''s only delivery year: its whole TIV'
                     when 'register_minus_per_year_estimate' then 'estimate: TIV delivered to 2025 minus the 2025 release''s per-year TIV to 2024'
                     else 'estimate: the deal''s TIV spread evenly over its delivery years' end
from stg_claims_sipri c
join sipri_release_2026_deliveries_2025 r on r.supplier = c.supplier and r.recipient = c.recipient
where c.release = 2026 and c.method <> 'sipri_table' and c.year = 2025
