-- Every source with its details and vintage (Sources and method page, page footers, exports).
create view source_list as
select source_id, kind, title, publisher, authors, published, url, data_vintage, terms_of_use, citation
from stg_sources
order by case kind when 'document' then 1 when 'database' then 2 else 3 end, source_id
