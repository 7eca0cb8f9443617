-- Dated events, agreements and incidents on one timeline (Overview page).
create view key_events as
select e.event_id as id, replace(e.category, '_', ' ') as lane, e.title, e.event_date as plot_date, e.date_label,
       e.quote, e.evidence_kind, e.qualifier, e.note, e.source_id, s.title as source_title, e.period_id
from stg_events e join stg_sources s on s.source_id = e.source_id
where e.event_date is not null
union all
select agreement_id, 'agreements and meetings', title, plot_date, date_label, quote, evidence_kind, qualifier, note, source_id, source_title, period_id
from agreement_list
union all
select incident_id, 'incidents', coalesce(ship, 'ship') || ': ' || what_damaged, event_date, date_label, quote, evidence_kind, qualifier, note, source_id, source_title, period_id
from incident_list
where event_date is not null
order by plot_date
