-- Dated events, agreements and incidents on one timeline (Overview page), each in a lane named in
-- reader words. Each row carries the interval its date covers at its precision, whether that
-- interval holds a period cut (then a note says so), and every period it overlaps: the period
-- filter shows a straddling row under each. The single period column follows the yearly convention
-- (a year with its yearly range, a month by its last day). Ordered by date, then id.
create view key_events as
select e.event_id as id, e.category as lane_id, e.category_label as lane, e.title, e.event_date as plot_date, e.date_label,
       e.date_precision, e.date_from, e.date_to, e.straddles_cut, e.precision_note,
       e.quote, e.evidence_kind, e.qualifier, e.note, e.source_id, s.title as source_title,
       e.period_id, e.period_ids, e.period_label, e.evidence, e.source_url, e.confidence
from stg_events e join stg_sources s on s.source_id = e.source_id
where e.event_date is not null
union all
select agreement_id, 'agreements_and_meetings', 'Agreements and meetings', title, plot_date, date_label,
       date_precision, date_from, date_to, straddles_cut, precision_note,
       quote, evidence_kind, qualifier, note, source_id, source_title,
       period_id, period_ids, period_label, evidence, source_url, confidence
from agreement_list
union all
select incident_id, 'incidents', 'Incidents', coalesce(ship, 'Ship not named') || ': ' || what_damaged, event_date, date_label,
       date_precision, date_from, date_to, straddles_cut, precision_note,
       quote, evidence_kind, qualifier, note, source_id, source_title,
       period_id, period_ids, period_label, evidence, source_url, confidence
from incident_list
where event_date is not null
order by plot_date, id
