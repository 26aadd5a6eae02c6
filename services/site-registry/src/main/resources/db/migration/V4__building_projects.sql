-- Article 10: new construction, reconstruction and expansion projects at a site, with the dates the
-- main project and its video image information system were designed, built and put into use.

create table building_project (
    id                uuid primary key,
    district_code     varchar(6)   not null check (district_code ~ '^[0-9]{6}$'),
    site_id           uuid         not null references site (id) on delete cascade,
    name              varchar(200) not null,
    -- NEW_CONSTRUCTION, RECONSTRUCTION, EXPANSION
    kind              varchar(32)  not null check (kind in ('NEW_CONSTRUCTION', 'RECONSTRUCTION', 'EXPANSION')),
    main_designed_on  date,
    main_built_on     date,
    main_in_use_on    date,
    video_designed_on date,
    video_built_on    date,
    video_in_use_on   date,
    created_by        varchar(200),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);

create index building_project_district_idx on building_project (district_code, name, id);
create index building_project_site_idx on building_project (site_id);
