-- SIPRI's yearly TIV per pair in two kinds of view, named by release_view: one release alone
-- (release_view '2025': that release's values only), or 'newest': each pair-year from the newest
-- release whose scope covers it (stg_sipri_release_scope), so the series runs as far back and as
-- far forward as the releases reach while every row still names the one release it comes from.
-- A newest-release zero is kept as a gap (no row), never filled from an older release. Within one
-- release_view a pair-year has one row: sums over a view's rows are meaningful; across views they
-- are not (each release_view repeats the same deliveries). Millions of TIV; not money.
create view stg_sipri_dyad_year_views as
with methods (method, method_label) as (
    values
        ('sipri_per_year', 'SIPRI''s value: the TIV its register by delivery year records for the year'),
        ('sipri_table', 'SIPRI''s value: a cell of its table'),
        ('register_single_year', 'SIPRI''s value: 2025 was the only delivery year of every deal, so the 2026 register''s delivered TIV is 2025''s'),
        ('register_minus_per_year_estimate', 'Estimate (this project): the 2026 register''s delivered TIV minus deliveries to 2024 in the 2025 release''s register by delivery year, deal by deal'),
        ('even_split_estimate', 'Estimate (this project): at least one deal''s delivered TIV split evenly over its delivery years, no better match')
),
rows as (
    select d.*, case when d.method = 'sipri_per_year' then 'per_year' when d.method = 'sipri_table' then 'table' else 'register' end as kind
    from sipri_dyad_year d
),
pair_years as (
    select distinct supplier, recipient, year from sipri_dyad_year
),
newest as (
    select p.supplier, p.recipient, p.year, max(s.release) as release
    from pair_years p
    join stg_sipri_release_scope s
      on p.year between s.first_year and s.last_year
     and (s.supplier is null or s.supplier = p.supplier)
     and (s.recipient is null or s.recipient = p.recipient)
    group by all
),
chosen as (
    select cast(r.release as varchar) as release_view, r.* from rows r
    union all
    select 'newest', r.* from rows r
    join newest n on n.release = r.release and n.supplier = r.supplier and n.recipient = r.recipient and n.year = r.year
)
select
    c.release_view,
    c.release,
    s.release_label,
    c.supplier,
    c.recipient,
    c.supplier || ' → ' || c.recipient as pair,
    c.year,
    c.tiv_mtiv,
    c.method,
    m.method_label,
    c.is_estimate,
    s.data_generated_first,
    s.data_generated_last,
    s.source_id,
    p.period_id
from chosen c
join methods m on m.method = c.method
left join stg_sipri_release_scope s
  on s.release = c.release and s.kind = c.kind
 and (s.supplier is null or s.supplier = c.supplier)
 and (s.recipient is null or s.recipient = c.recipient)
left join periods p on c.year between p.first_year and p.last_year
-- materialise: table (read by the Arms transfers marts; stored once per build)
