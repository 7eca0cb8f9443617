-- The periods and their cut dates, as the Sources and method page shows them.
create view period_definitions as
select period_id, label, start_date, end_date, first_year, last_year, description
from stg_periods
order by sort_order
