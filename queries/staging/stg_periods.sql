-- The three periods with their cut dates and year ranges.
create view stg_periods as
select period_id, label, short_label, start_date, end_date, first_year, last_year, sort_order, description
from periods
