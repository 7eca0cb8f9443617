-- The three periods of the dashboard and their cut dates (dated rows) and year ranges (yearly rows).
create table periods (
    period_id    varchar primary key check (period_id in ('before_2014', '2014_2022', 'since_2022')),
    label        varchar not null,
    short_label  varchar not null,
    start_date   date not null,
    end_date     date not null,
    first_year   integer not null check (first_year between 1900 and 2100),
    last_year    integer not null check (last_year between 1900 and 2100),
    sort_order   integer not null unique,
    description  varchar not null,
    check (start_date <= end_date),
    check (first_year <= last_year),
    -- the year range agrees with the dates: a period's first year is the year it starts; its last
    -- year is the year it ends, or the year before when it ends during a year (yearly rows of that
    -- year go to the next period)
    check (first_year = year(start_date)),
    check (last_year between year(end_date) - 1 and year(end_date))
);
