-- Every supplier → recipient pair with deliveries in SIPRI's yearly values (newest release covering
-- each year), with their total TIV: the pair selector of Arms transfers lists them, largest first.
create view arms_pairs as
select
    pair,
    supplier,
    recipient,
    count(*) as years,
    round(sum(cast(tiv_mtiv as decimal(18, 4))), 1)::double as tiv_delivered_mtiv  -- exact: a sum of doubles rounds x.x5 either way
from stg_sipri_dyad_year_views
where release_view = 'newest'
group by pair, supplier, recipient
having sum(tiv_mtiv) > 0
order by tiv_delivered_mtiv desc, pair
