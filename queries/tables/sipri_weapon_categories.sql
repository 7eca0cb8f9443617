-- Our weapon category for every SIPRI `Weapon description` of the trade register (curated by hand;
-- the SIPRI import applies it to each deal).
create table sipri_weapon_categories (
    description  varchar primary key,
    category     varchar not null check (category in (
                     'aircraft', 'helicopters', 'air_defence', 'missiles', 'sensors', 'engines', 'ships',
                     'submarines', 'naval_weapons', 'armoured_vehicles', 'artillery', 'satellites', 'other')),
    note         varchar
);
