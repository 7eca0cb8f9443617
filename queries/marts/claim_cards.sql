-- One card per claim (claim page ?claim=ID): every curated row that states something, every SIPRI
-- yearly value (pair, year, release) and every Overview headline, with the value in words, its year
-- or period, the quote (or paraphrase, or SIPRI's file), its source, the other reading where sources
-- disagree (for SIPRI: the same pair and year in the other releases), the as-of date, and the first
-- place it appears (every place: claim_places). The SIPRI register rows behind a value: claim_sipri_rows.
create view claim_cards as
with cards as (
    select c.claim_id, 'curated' as claim_kind, c.relation, c.record_id, c.label, c.value, c.value_text, c.unit,
           c.qualifier, c.qualifier_label, c.period_text, c.year, c.period_id, c.evidence_kind, c.quote, c.evidence,
           c.source_id, c.source_url, c.note, null::integer as release, null as method, null::boolean as is_estimate,
           null as sipri_file, null::date as data_generated,
           c.disagreement_id, d.topic as disagreement_topic,
           -- the reading that is not this row's source's (a row of a web page or the compiled list: reading a)
           case when c.source_id = d.reading_a_source_id then d.reading_b else d.reading_a end as other_reading,
           case when c.source_id = d.reading_a_source_id then d.reading_b_source_id else d.reading_a_source_id end as other_reading_source_id,
           d.assessment as disagreement_assessment,
           coalesce('as of ' || c.as_of_text, s.data_vintage) as as_of,
           s.publisher as source_publisher
    from stg_claims_curated c
    join stg_sources s on s.source_id = c.source_id
    left join stg_source_disagreements d on d.disagreement_id = c.disagreement_id
    union all
    select c.claim_id, 'sipri', 'sipri_dyad_year', c.pair || ' ' || c.year || ' (' || c.release || ' release)', c.pair || ', deliveries in ' || c.year,
           c.tiv_mtiv, c.value_text, 'million TIV', case when c.is_estimate then 'estimate' else 'exact' end,
           case when c.is_estimate then 'estimate' else 'exact' end, cast(c.year as varchar), c.year, c.period_id,
           case when c.method = 'sipri_table' then 'sipri_table' else 'register_rows' end, null,
           case c.method
               when 'sipri_per_year' then 'The sum of SIPRI''s TIV delivered in ' || c.year || ' by each deal of the pair (SIPRI''s per-delivery-year register of the ' || c.release || ' release).'
               when 'sipri_table' then 'A cell of SIPRI''s own table of the ' || c.release || ' release (file ' || c.sipri_file || ').'
               when 'register_single_year' then 'The TIV of the pair''s deals whose only delivery year in the ' || c.release || ' register is ' || c.year || ' (exact).'
               when 'register_minus_per_year_estimate' then 'ESTIMATE by this dashboard: each deal''s TIV delivered to ' || c.year || ' in the ' || c.release || ' register minus what the 2025 release''s per-year register records to ' || (c.year - 1) || '.'
               else 'ESTIMATE by this dashboard: each deal''s TIV in the ' || c.release || ' register spread evenly over its delivery years.'
           end,
           c.source_id, 'https://www.sipri.org/databases/armstransfers', null, c.release, c.method, c.is_estimate, c.sipri_file, c.data_generated,
           null, case when c.other_releases is not null then 'SIPRI revises past years at every release' end,
           c.other_releases, null, null,
           'data generated ' || strftime(c.data_generated, '%-d %B %Y') || ' (' || c.release || ' release)',
           'Stockholm International Peace Research Institute (SIPRI)'
    from stg_claims_sipri c
    union all
    select 'overview:' || h.period_id || ':' || h.sort_order, 'headline', 'overview_headlines', h.period_id || ':' || h.sort_order, h.label,
           null, h.value_text, null, null, null, h.period_label, null, nullif(h.period_id, 'all'),
           'method', null, h.help_text,
           case h.sort_order when 1 then 'sipri_at_2025' end, null, null,
           case h.sort_order when 1 then 2025 end, null, h.sort_order = 1, null, null,
           null, null, null, null, null, null, case h.sort_order when 1 then 'Stockholm International Peace Research Institute (SIPRI)' end
    from (select o.*, case o.period_id when 'all' then 'All periods' else p.label end as period_label
          from overview_headlines o left join stg_periods p on p.period_id = o.period_id) h
    where h.sort_order <> 4
)
select c.*, p.page_path, p.page_title, p.panel, p.panel_title
from cards c
left join (select * from claim_places qualify row_number() over (partition by claim_id order by place_order, page_path, panel) = 1) p
    on p.claim_id = c.claim_id
