-- Published counts of joint exercises as curated (data/exercise_counts_published.csv), with the
-- publication date in words at its precision.
create view stg_exercise_counts_published as
select
    c.*,
    case c.published_precision
        when 'day' then strftime(c.published, '%-d %B %Y')
        when 'month' then strftime(c.published, '%B %Y')
        when 'year' then strftime(c.published, '%Y')
    end as published_label
from exercise_counts_published c
