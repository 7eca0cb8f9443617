-- How far the exercise list reaches: its latest event (the greatest start date, or year where no
-- date is given) at its own precision, and how many rows the list holds (Exercises page:
-- "Record up to ..."). One row.
create view exercise_record_date as
select
    e.name as latest_name,
    e.date_from as latest_date,
    e.date_precision,
    case
        when e.date_precision = 'day' then strftime(e.date_from, '%-d %B %Y')
        when e.date_precision = 'month' then strftime(e.date_from, '%B %Y')
        else strftime(e.date_from, '%Y')
    end as latest_label,
    e.counted as latest_counted,
    (select count(*) from stg_exercises) as list_rows,
    (select count(*) from stg_exercises where counted) as counted_rows
from stg_exercises e
order by e.date_from desc, e.exercise_id
limit 1
