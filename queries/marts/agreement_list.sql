-- Agreements, declarations and high-level meetings with their quotes (Exercises and diplomacy page).
create view agreement_list as
select
    a.agreement_id,
    a.kind,
    upper(left(replace(a.kind, '_', ' '), 1)) || substr(replace(a.kind, '_', ' '), 2) as kind_label,
    a.title,
    a.parties,
    coalesce(a.event_date, make_date(a.valid_from_year, 1, 1)) as plot_date,
    a.date_label,
    a.date_precision,
    a.evidence_kind,
    a.quote,
    a.evidence,
    a.source_url,
    a.qualifier,
    q.label as qualifier_label,
    a.confidence,
    a.note,
    a.disagreement_id,
    a.source_id,
    s.title as source_title,
    a.date_from,
    a.date_to,
    a.straddles_cut,
    a.precision_note,
    a.period_id,
    a.period_ids,
    a.period_label
from stg_agreements_and_meetings a
join stg_sources s on s.source_id = a.source_id
join stg_qualifiers q on q.qualifier = a.qualifier
where coalesce(a.event_date, make_date(a.valid_from_year, 1, 1)) is not null
order by plot_date, a.agreement_id
