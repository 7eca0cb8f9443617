-- Published counts of Russia–China joint exercises (think tanks, defence universities, ministries,
-- news agencies), one row per count: who counted, what, over which span, the number as stated, the
-- page it stands on (paraphrased, never copied), and which of our own rows the same definition
-- matches (match_*), so that the mart exercise_count_comparison can set our count beside theirs.
create table exercise_counts_published (
    count_id              varchar primary key check (regexp_matches(count_id, '^[a-z0-9_]+$')),
    counted_by            varchar not null,
    reported_by           varchar not null,
    what_counted          varchar not null,
    scope                 varchar not null check (scope in ('bilateral', 'bilateral_and_multilateral', 'multilateral_series')),
    includes_patrols      boolean,
    includes_competitions boolean,
    includes_simulations  boolean,
    match_framework       varchar not null check (match_framework in ('any', 'bilateral', 'trilateral with Iran')),
    match_kind            varchar check (match_kind is null or match_kind in ('exercise', 'patrol', 'bomber_patrol')),
    match_domain          varchar check (match_domain is null or match_domain in ('land', 'naval', 'air', 'combined')),
    period_label          varchar not null,
    count_from            date not null,
    count_to              date,
    count                 integer not null check (count >= 0),
    qualifier             varchar not null references qualifiers (qualifier),
    source_id             varchar not null references sources (source_id),
    source_url            varchar check (source_url is null or regexp_matches(source_url, '^https?://')),
    published             date,
    published_precision   varchar check (published_precision in ('day', 'month', 'year')),
    evidence_kind         varchar not null check (evidence_kind = 'paraphrase'),
    evidence              varchar not null,
    confidence            varchar not null check (confidence in ('high', 'medium', 'low')),
    difference_note       varchar not null,
    note                  varchar,
    check (count_to is null or count_to >= count_from),
    check ((published is null) = (published_precision is null)),
    -- a count without a public address says why in its note
    check (source_url is not null or note is not null),
    -- a bilateral-only count is matched against our bilateral rows
    check (scope <> 'bilateral' or match_framework = 'bilateral')
);
