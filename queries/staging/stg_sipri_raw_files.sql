-- The raw SIPRI files behind the SIPRI tables: origin, SHA-256 and data generation date.
create view stg_sipri_raw_files as
select * from sipri_raw_files
