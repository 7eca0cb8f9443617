-- What each SIPRI release's yearly values cover here: which pairs (every supplier → recipient pair,
-- or one supplier's exports, or one recipient's imports) and which years, with the data generation
-- dates and source (data/sources.csv) of the files behind them (sources: how many; one, checked). A release covers a pair-year it has no row for when the scope
-- holds it: SIPRI recorded no deliveries (zero), not "no data". Derived from the rows themselves:
-- per-delivery-year registers and the 2026 register's 2025 values hold every pair; an old table
-- holds one recipient's imports (all its rows share the recipient) or the exports of its suppliers.
create view stg_sipri_release_scope as
with vals as (
    select
        release,
        case when method = 'sipri_per_year' then 'per_year' when method = 'sipri_table' then 'table' else 'register' end as kind,
        supplier,
        recipient,
        year
    from sipri_dyad_year
),
shape as (
    select release, count(distinct recipient) = 1 as one_recipient from vals where kind = 'table' group by release
),
scopes as (
    select release, kind, cast(null as varchar) as supplier, cast(null as varchar) as recipient, min(year) as first_year, max(year) as last_year
    from vals where kind <> 'table' group by release, kind
    union all
    select v.release, v.kind,
        case when not s.one_recipient then v.supplier end,
        case when s.one_recipient then v.recipient end,
        min(v.year), max(v.year)
    from vals v join shape s on s.release = v.release
    where v.kind = 'table'
    group by all
),
files as (
    select
        f.release,
        case r.imported_to when 'sipri_deliveries_per_year' then 'per_year' when 'sipri_dyad_year' then 'table' else 'register' end as kind,
        min(r.data_generated) as data_generated_first,
        max(r.data_generated) as data_generated_last,
        min(r.source_id) as source_id,
        count(distinct r.source_id) as sources
    from sipri_release_files f
    join sipri_raw_files r on r.file = f.file
    where r.imported_to in ('sipri_deliveries_per_year', 'sipri_dyad_year', 'sipri_release_2026_deliveries_2025')
    group by all
)
select
    s.release,
    s.kind,
    case s.kind
        when 'per_year' then 'SIPRI''s register by delivery year, every pair'
        when 'register' then 'SIPRI''s register, every pair (values for ' || s.first_year || ' derived by this project)'
        else 'SIPRI''s table of ' || coalesce(s.supplier || '''s arms exports', s.recipient || '''s arms imports')
    end as scope_label,
    s.supplier,
    s.recipient,
    s.first_year,
    s.last_year,
    f.data_generated_first,
    f.data_generated_last,
    f.source_id,
    f.sources,
    s.release || ' release (data generated ' || strftime(f.data_generated_first, '%-d %b %Y')
        || case when f.data_generated_last <> f.data_generated_first then '–' || strftime(f.data_generated_last, '%-d %b %Y') else '' end || ')' as release_label
from scopes s
left join files f on f.release = s.release and f.kind = s.kind
-- materialise: table (a few rows, read by every SIPRI release view; stored once per build)
