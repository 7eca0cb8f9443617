-- The SIPRI trade register, one row per deal, with the pair's label and flags for the flows the
-- dashboard follows. A deal spans years, so it has no period; see stg_sipri_deliveries_by_year.
create view stg_sipri_register as
select
    r.deal_id,
    r.supplier,
    r.recipient,
    r.supplier || ' → ' || r.recipient as pair,
    r.supplier = 'Russia' and r.recipient = 'China' as is_ru_cn,
    r.supplier = 'Soviet Union' and r.recipient = 'China' as is_su_cn,
    r.supplier in ('Russia', 'Soviet Union') and r.recipient = 'China' as is_ru_su_cn,
    r.supplier = 'China' and r.recipient = 'Russia' as is_cn_ru,
    r.order_year,
    r.order_year_uncertain,
    r.number_ordered,
    r.number_ordered_uncertain,
    r.designation,
    r.description,
    r.category,
    r.number_delivered,
    r.number_delivered_uncertain,
    r.delivery_years,
    r.first_delivery_year,
    r.last_delivery_year,
    r.delivery_year_count,
    r.status,
    r.comments,
    r.tiv_per_unit_mtiv,
    r.tiv_order_mtiv,
    r.tiv_delivered_mtiv,
    r.raw_line,
    r.raw_record_repaired,
    r.source_id
from sipri_register r
