-- Cameras, their history, and bulk import jobs. Every row carries its district's GB/T 2260 code.

create table camera (
    -- GB/T 28181 20-digit device ID (Article 12: national standards)
    gb_id                                varchar(20)  primary key check (gb_id ~ '^[0-9]{20}$'),
    district_code                        varchar(6)   not null check (district_code ~ '^[0-9]{6}$'),
    name                                 varchar(200) not null,
    -- site and zone of site-registry (another service's IDs: no foreign key)
    site_id                              uuid         not null,
    zone_id                              uuid         not null,
    longitude                            double precision check (longitude between -180 and 180),
    latitude                             double precision check (latitude between -90 and 90),
    kind                                 varchar(32)  not null,
    resolution                           varchar(50),
    -- Article 11: free text, never restricted to a list
    vendor                               varchar(200) not null,
    model                                varchar(200) not null,
    installer_unit                       varchar(200) not null,
    maintainer_unit                      varchar(200) not null,
    certification_number                 varchar(100),
    security_level                       smallint     not null check (security_level between 1 and 5),
    -- network class agreeing with digit 14 of the GB ID (Article 12)
    network                              varchar(32)  not null,
    network_identifier                   smallint     not null check (network_identifier between 0 and 8),
    -- Article 9: privacy masks, a JSON array of polygons in normalised image coordinates
    privacy_masks                        text         not null default '[]',
    -- Article 13: reserved interfaces, government investment
    alarm_centre_interface_reserved      boolean      not null default false,
    emergency_command_interface_reserved boolean      not null default false,
    government_invested                  boolean      not null default false,
    state                                varchar(20)  not null,
    last_heartbeat                       timestamptz,
    created_by                           varchar(200),
    created_at                           timestamptz  not null,
    updated_at                           timestamptz  not null,
    version                              bigint       not null default 0
);

create index camera_district_idx on camera (district_code, gb_id);
create index camera_site_idx on camera (site_id, state);
create index camera_zone_idx on camera (zone_id, state);
create index camera_article13_gap_idx on camera (district_code) where government_invested
    and not (alarm_centre_interface_reserved and emergency_command_interface_reserved);

-- Who changed a camera, when, from which state to which, and why. Never deleted.
create table camera_event (
    id            bigserial    primary key,
    gb_id         varchar(20)  not null references camera (gb_id),
    district_code varchar(6)   not null,
    at            timestamptz  not null,
    actor         varchar(200) not null,
    -- CREATED, UPDATED, MOVED, TRANSITION, IMPORTED
    action        varchar(20)  not null,
    from_state    varchar(20),
    to_state      varchar(20)  not null,
    reason        varchar(1000)
);

create index camera_event_camera_idx on camera_event (gb_id, id);

create table camera_import (
    id            uuid         primary key,
    district_code varchar(6)   not null,
    mode          varchar(10)  not null,
    skip_invalid  boolean      not null,
    -- QUEUED, RUNNING, SUCCEEDED, REJECTED (apply refused: invalid rows), FAILED
    state         varchar(20)  not null,
    total_rows    integer      not null default 0,
    processed     integer      not null default 0,
    valid         integer      not null default 0,
    invalid       integer      not null default 0,
    created       integer      not null default 0,
    unchanged     integer      not null default 0,
    updated       integer      not null default 0,
    -- ValidatePlacement calls made: one per distinct (site, zone) pair of new or changed rows
    placement_checks integer   not null default 0,
    -- JSON array of {row, gbId, field, error, article}
    report        text         not null default '[]',
    message       varchar(2000),
    created_by    varchar(200) not null,
    created_at    timestamptz  not null,
    started_at    timestamptz,
    finished_at   timestamptz
);

create index camera_import_district_idx on camera_import (district_code, created_at);
