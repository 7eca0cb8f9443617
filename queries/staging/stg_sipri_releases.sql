-- SIPRI's releases with the number of raw files of each and the newest release flagged.
create view stg_sipri_releases as
select
    r.release,
    r.deliveries_first_year,
    r.deliveries_last_year,
    r.data_generated_first,
    r.data_generated_last,
    r.notes,
    (select count(*) from sipri_release_files f where f.release = r.release) as files,
    r.release = (select max(release) from sipri_releases) as is_newest
from sipri_releases r
