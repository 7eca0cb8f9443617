-- Sources, with a short label for chart footers.
create view stg_sources as
select
    source_id,
    kind,
    title,
    publisher,
    authors,
    published,
    year,
    url,
    terms_of_use,
    data_vintage,
    citation,
    seed_file
from sources
