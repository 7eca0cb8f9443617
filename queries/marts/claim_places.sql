-- Where each claim appears in the dashboard: the page (its URL path; '/' is the Overview), the panel
-- (panel_id: the name ui.panel gives it) and the panel's title in words, first place first. Headline
-- tiles have panel_id 'headline', their label as title and the period they are shown under (tile_period_id).
-- The Data explorer, which holds every row, is every claim's last place.
create view claim_places as
with curated as (
    select claim_id, relation, record_id from stg_claims_curated
),
places as (
    select c.claim_id, '/arms-transfers' as page_path, 'Arms transfers' as page_title, 'ru-cn-arms-documents-vs-sipri' as panel_id,
           'Systems the documents name: their figures beside SIPRI''s' as panel_title, null as tile_period_id, 1 as place_order
    from curated c join stg_doc_arms_transfers d on c.relation = 'doc_arms_transfers' and d.transfer_id = c.record_id
    where d.direction = 'russia_to_china' and d.quantity is not null and d.sipri_designations is not null and d.part_of is null
    union all
    select c.claim_id, '/dual-use', 'Dual-use supply', 'ru-cn-dual-use-shares', 'China''s share of Russia''s chip imports, chip-making inputs and drone electronics', null, 1
    from curated c join dual_use_shares d on c.relation = 'supply_dependencies' and d.dependency_id = c.record_id
    union all
    select c.claim_id, '/dual-use', 'Dual-use supply', 'ru-cn-critical-minerals-suppliers', 'Critical minerals: China as sole or only supplier', null, 1
    from curated c join dual_use_suppliers d on c.relation = 'supply_dependencies' and d.dependency_id = c.record_id
    union all
    select c.claim_id, '/dual-use', 'Dual-use supply', 'ru-cn-nitrocellulose-tonnes', 'China → Russia: nitrocellulose shipped per year', null, 1
    from curated c join commodity_flow_list f on c.relation = 'commodity_flows' and f.flow_id = c.record_id
    where f.commodity = 'nitrocellulose'
    union all
    select c.claim_id, '/limits', 'Limits of the partnership', 'partnership_limits', 'Limits of the partnership: what has not happened', null, 1
    from curated c where c.relation = 'partnership_limits'
    union all
    select c.claim_id, '/incidents', 'Infrastructure incidents', 'ru-cn-infrastructure-incidents-map', 'Undersea cable and pipeline incidents', null, 1
    from curated c join incident_list i on c.relation = 'incidents' and i.incident_id = c.record_id
    union all
    select c.claim_id, '/exercises', 'Exercises and diplomacy', 'ru-cn-agreements-timeline', 'Agreements, declarations and high-level meetings', null, 1
    from curated c join agreement_list a on c.relation = 'agreements_and_meetings' and a.agreement_id = c.record_id
    union all
    select c.claim_id, '/exercises', 'Exercises and diplomacy', 'ru-cn-exercises-timeline', 'Timeline of joint exercises and patrols', null, 1
    from curated c join exercise_list e on c.relation = 'exercises' and e.exercise_id = c.record_id
    union all
    select c.claim_id, '/exercises', 'Exercises and diplomacy', 'ru-cn-exercises-by-year', 'Joint exercises and patrols per year, by domain', null, 2
    from curated c join exercise_list e on c.relation = 'exercises' and e.exercise_id = c.record_id
    where e.counted
    union all
    select c.claim_id, '/exercises', 'Exercises and diplomacy', 'ru-cn-exercises-map', 'Where joint exercises and patrols took place', null, 3
    from curated c join exercise_list e on c.relation = 'exercises' and e.exercise_id = c.record_id
    where e.map_lat is not null
    union all
    select c.claim_id, '/', 'Overview', 'ru-cn-key-events', 'Key events', null, 4
    from curated c join key_events k on k.id = c.record_id
        and c.relation = case k.lane_id when 'agreements_and_meetings' then 'agreements_and_meetings' when 'incidents' then 'incidents' else 'events' end
    union all
    -- headline tiles: each (period, label) of overview_headlines; the microchip share is its curated row's claim
    select case when h.sort_order = 4 then 'supply_dependencies:cepa_microchip_share_2023' else 'overview:' || h.period_id || ':' || h.sort_order end,
           '/', 'Overview', 'headline', h.label, h.period_id, 0
    from overview_headlines h
    union all
    select s.claim_id, '/arms-transfers', 'Arms transfers', 'ru-cn-arms-tiv-by-year', 'Russia and Soviet Union → China: arms delivered per year', null, 1
    from stg_claims_sipri s where s.recipient = 'China' and s.supplier in ('Russia', 'Soviet Union')
    union all
    select claim_id, '/data', 'Data explorer', relation, 'the rows of its table', null, 9 from curated
    union all
    select claim_id, '/data', 'Data explorer', 'sipri_pair_year', 'SIPRI''s yearly values by pair and release', null, 9 from stg_claims_sipri
)
select claim_id, page_path, page_title, panel_id, panel_title, tile_period_id, place_order
from places
