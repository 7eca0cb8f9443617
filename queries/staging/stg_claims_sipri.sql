-- Every SIPRI yearly value (a supplier → recipient pair, a year, a release) as one claim:
-- claim_id 'sipri:<release>:<supplier>-<recipient>:<year>' (names lower case, runs of other
-- characters as '_'), the value in words, the file it comes from with its date of data generation,
-- and the same pair and year in the other releases (SIPRI revises past years at every update).
-- materialise: table (read by claim_cards, claim_places and claim_sipri_rows; stored once per build)
create view stg_claims_sipri as
with valued as (
    select
        d.*,
        trim(regexp_replace(lower(d.supplier), '[^a-z0-9]+', '_', 'g'), '_') as supplier_key,
        trim(regexp_replace(lower(d.recipient), '[^a-z0-9]+', '_', 'g'), '_') as recipient_key,
        case when d.method = 'sipri_per_year' then 'sipri_deliveries_per_year'
             when d.method = 'sipri_table' then 'sipri_dyad_year'
             else 'sipri_release_2026_deliveries_2025' end as imported_to
    from stg_sipri_dyad_year d
),
others as (
    select a.release, a.supplier, a.recipient, a.year,
           string_agg(b.release || ' release: ' || regexp_replace(cast(b.tiv_mtiv as varchar), '\.0$', '')
                      || case when b.is_estimate then ' (estimate)' else '' end, '; ' order by b.release) as other_releases
    from stg_sipri_dyad_year a
    join stg_sipri_dyad_year b on b.supplier = a.supplier and b.recipient = a.recipient and b.year = a.year and b.release <> a.release
    group by a.release, a.supplier, a.recipient, a.year
)
select
    'sipri:' || v.release || ':' || v.supplier_key || '-' || v.recipient_key || ':' || v.year as claim_id,
    v.release,
    v.supplier,
    v.recipient,
    v.pair,
    v.year,
    v.tiv_mtiv,
    case when v.is_estimate then '≈ ' else '' end || regexp_replace(cast(v.tiv_mtiv as varchar), '\.0$', '') || ' million TIV' as value_text,
    v.method,
    v.is_estimate,
    v.period_id,
    f.file as sipri_file,
    f.source_id,
    f.data_generated,
    o.other_releases
from valued v
join sipri_release_files rf on rf.release = v.release and v.year between rf.deliveries_first_year and rf.deliveries_last_year
join sipri_raw_files f on f.file = rf.file and f.imported_to = v.imported_to
left join others o on o.release = v.release and o.supplier = v.supplier and o.recipient = v.recipient and o.year = v.year
