-- Sites (places and areas) and their zones. Every row carries its district's GB/T 2260 code.

create table site (
    id               uuid primary key,
    district_code    varchar(6)   not null check (district_code ~ '^[0-9]{6}$'),
    name             varchar(200) not null,
    -- Article 7 items (1)-(8) or OTHER_PUBLIC_PLACE
    category         varchar(64)  not null,
    address          varchar(500) not null,
    -- GeoJSON Point or Polygon, validated by the service
    geometry         text,
    security_level   smallint     not null check (security_level between 1 and 5),
    responsible_unit varchar(200) not null,
    idempotency_key  varchar(100),
    created_by       varchar(200),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    constraint site_idempotency_key_unique unique (district_code, idempotency_key)
);

create index site_district_name_idx on site (district_code, name, id);
create index site_district_category_idx on site (district_code, category);

create table zone (
    id            uuid primary key,
    site_id       uuid         not null references site (id) on delete cascade,
    district_code varchar(6)   not null,
    name          varchar(200) not null,
    -- NONE or an Article 9 item (1)-(9)
    privacy_class varchar(64)  not null,
    privacy_risk  boolean      not null default false,
    geometry      text,
    description   varchar(1000),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint zone_name_unique unique (site_id, name)
);

create index zone_site_idx on zone (site_id);
