-- What SIPRI changed between releases: for each pair and year, its value in a release beside its
-- value in the previous release that has one (TIV in millions; change = new − old). The Sources page
-- reads it by pair (revised rows only); stg_sipri_value_revisions compares any two releases.
create view sipri_release_revisions as
with chained as (
    select
        pair,
        supplier,
        recipient,
        year,
        lag(release) over w as release_old,
        lag(tiv_mtiv) over w as value_old,
        lag(method) over w as method_old,
        release as release_new,
        tiv_mtiv as value_new,
        method as method_new
    from stg_sipri_dyad_year
    window w as (partition by supplier, recipient, year order by release)
)
select
    pair,
    supplier,
    recipient,
    year,
    release_old,
    value_old,
    method_old,
    release_new,
    value_new,
    method_new,
    round(value_new - value_old, 2) as change,
    value_new <> value_old as revised
from chained
where release_old is not null
