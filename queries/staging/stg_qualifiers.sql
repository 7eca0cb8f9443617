-- Qualifiers with the mark a chart shows beside a hedged value.
create view stg_qualifiers as
select qualifier, coalesce(symbol, '') as symbol, label, description, sort_order
from qualifiers
