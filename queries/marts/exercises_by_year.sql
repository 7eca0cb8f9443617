-- Joint exercises and patrols counted per year, by domain and kind (Exercises page).
-- Only rows marked `counted` (not disputed or generic mentions) enter the counts. As a yearly
-- figure its period comes from the year (2022 counts with the period since 24 February 2022), not
-- from each start date.
create view exercises_by_year as
select
    e.year,
    e.domain,
    e.kind,
    case e.kind when 'exercise' then 'Exercise' when 'patrol' then 'Patrol' when 'bomber_patrol' then 'Bomber patrol' end as kind_label,
    count(*) as exercises,
    string_agg(e.name, '; ' order by coalesce(e.start_date, make_date(e.year, 1, 1))) as names,
    p.period_id,
    p.label as period_label
from stg_exercises e
join stg_periods p on e.year between p.first_year and p.last_year
where e.counted
group by e.year, e.domain, e.kind, p.period_id, p.label
order by e.year, e.domain, e.kind
