-- Which file lists each SIPRI release's deals for comparing releases (stg_sipri_release_deal_list):
-- its layout (per_delivery_year: one row per deal and delivery year, SIPRI's deal id; full_register:
-- one row per deal with its totals), the files and their export scope as SIPRI's title states it.
create view stg_sipri_release_lists as
select
    l.release,
    l.layout,
    string_agg(f.file, '; ' order by f.file) as files,
    string_agg(distinct f.export_scope, '; ') as export_scope
from (values
    (2024, 'per_delivery_year', 'sipri_release_2024_per_year/trade-register'),
    (2025, 'full_register', 'sipri_trade_register/trade-register.csv'),
    (2026, 'full_register', 'sipri_release_2026/trade-register.csv')
) as l(release, layout, file_prefix)
join sipri_release_files f on f.release = l.release and starts_with(f.file, l.file_prefix)
group by l.release, l.layout
