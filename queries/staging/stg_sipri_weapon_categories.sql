-- Our weapon category for each SIPRI weapon description, with the number of register deals using it.
create view stg_sipri_weapon_categories as
select
    c.description,
    c.category,
    c.note,
    (select count(*) from sipri_register r where r.description = c.description) as deals
from sipri_weapon_categories c
