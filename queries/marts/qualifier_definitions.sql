-- The qualifiers, as the Sources and method page shows them.
create view qualifier_definitions as
select qualifier, nullif(symbol, '') as symbol, label, description
from stg_qualifiers
order by sort_order
