-- What has not happened, in the sources' words (Limits page).
create view partnership_limit_list as
select
    l.limit_id,
    l.domain,
    upper(left(replace(l.domain, '_', ' '), 1)) || substr(replace(l.domain, '_', ' '), 2) as domain_label,
    l.statement,
    l.as_of_label,
    l.evidence_kind,
    l.quote,
    l.qualifier,
    l.note,
    l.disagreement_id,
    l.source_id,
    s.title as source_title
from stg_partnership_limits l
join stg_sources s on s.source_id = l.source_id
order by l.domain, l.limit_id
