-- Published counts of Russia–China joint exercises beside our own count for the same span and the
-- same definition (Exercises page: how others count). Our count is computed here from the counted
-- rows of the exercise list, narrowed to the framework, kind and domain the published definition
-- matches, whose start (at its precision: the day, or any day of its month or year) lies wholly in
-- the published span count_from..count_to; rows dated so loosely that their start may fall either
-- side of the span's first or last day (a patrol dated only to its year) are counted apart, in
-- our_unplaced. A published count whose span has no stated end is not matched.
-- difference_note (curated) says why the numbers differ.
create view exercise_count_comparison as
with starts as (
    -- the first and last day a counted row's start can be, at its precision
    select
        e.exercise_id, e.name, e.framework, e.kind, e.domain, e.date_from as start_from,
        case e.date_precision
            when 'day' then e.start_date
            when 'month' then last_day(e.start_date)
            else make_date(e.year, 12, 31)
        end as start_to
    from stg_exercises e
    where e.counted
),
matched as (
    select
        c.count_id, e.exercise_id, e.name, e.start_from,
        e.start_from >= c.count_from and e.start_to <= c.count_to as placed
    from stg_exercise_counts_published c
    join starts e
        on c.count_to is not null
        and e.start_to >= c.count_from
        and e.start_from <= c.count_to
        and (c.match_framework = 'any' or e.framework = c.match_framework)
        and (c.match_kind is null or e.kind = c.match_kind)
        and (c.match_domain is null or e.domain = c.match_domain)
),
ours as (
    select
        c.count_id,
        count(m.exercise_id) filter (where m.placed) as our_count,
        count(m.exercise_id) filter (where not m.placed) as our_unplaced,
        string_agg(m.name, '; ' order by m.start_from, m.exercise_id) filter (where m.placed) as our_names,
        string_agg(m.name, '; ' order by m.start_from, m.exercise_id) filter (where not m.placed) as our_unplaced_names
    from stg_exercise_counts_published c
    left join matched m on m.count_id = c.count_id
    group by c.count_id
)
select
    c.count_id,
    c.counted_by,
    c.reported_by,
    c.what_counted,
    case c.scope
        when 'bilateral' then 'Bilateral only'
        when 'bilateral_and_multilateral' then 'Bilateral and multilateral'
        when 'multilateral_series' then 'One multilateral series'
    end as scope_label,
    c.period_label,
    c.count as their_count,
    c.qualifier,
    case when c.qualifier = 'exact' then cast(c.count as varchar) else q.label || ' ' || c.count end as their_count_label,
    case when c.count_to is not null then o.our_count end as our_count,
    case when c.count_to is not null then o.our_unplaced end as our_unplaced,
    case when c.count_to is null then 'Not matched: the published count gives no end to its span'
        else 'Counted rows of our list'
            || case c.match_framework
                   when 'any' then ' (bilateral and multilateral)'
                   when 'bilateral' then ', bilateral only'
                   else ', framework ' || c.match_framework
               end
            || case c.match_kind
                   when 'exercise' then ', exercises only'
                   when 'patrol' then ', joint naval patrols only'
                   when 'bomber_patrol' then ', joint strategic air patrols only'
                   else ''
               end
            || case when c.match_domain is not null then ', ' || c.match_domain || ' domain' else '' end
            || ', dated ' || strftime(c.count_from, '%-d %B %Y') || ' to ' || strftime(c.count_to, '%-d %B %Y')
    end as our_definition,
    case when c.count_to is not null then c.count - o.our_count end as difference,
    c.difference_note,
    case when c.count_to is not null then o.our_names end as our_names,
    case when c.count_to is not null then o.our_unplaced_names end as our_unplaced_names,
    c.includes_patrols,
    c.includes_competitions,
    c.includes_simulations,
    c.count_from,
    c.count_to,
    c.published,
    c.published_precision,
    c.published_label,
    c.source_id,
    s.title as source_title,
    c.source_url,
    c.evidence_kind,
    c.evidence,
    c.confidence,
    c.note
from stg_exercise_counts_published c
join ours o on o.count_id = c.count_id
join stg_sources s on s.source_id = c.source_id
join stg_qualifiers q on q.qualifier = c.qualifier
order by c.count_from, c.count_id
