-- Every supplier → recipient pair in the register with its deals and TIV delivered (for the pair selector).
create view arms_pairs as
select
    pair,
    supplier,
    recipient,
    count(*) as deals,
    round(sum(tiv_delivered_mtiv), 1) as tiv_delivered_mtiv
from stg_sipri_register
group by pair, supplier, recipient
having sum(tiv_delivered_mtiv) > 0
order by tiv_delivered_mtiv desc, pair
