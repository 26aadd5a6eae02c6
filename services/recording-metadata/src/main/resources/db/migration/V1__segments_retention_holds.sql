-- Recording segments (Article 5): one row per stored video object of a camera, range-partitioned by
-- start time into one partition per UTC day (segment_yyyymmdd), which the service creates ahead of
-- time through ensure_segment_partitions (service.PartitionMaintenance). A segment lives in the
-- partition of its start; its length is bounded by videogov.recording.max-segment-duration, so a
-- query over [from, to) reads the partitions from (from - that bound) to to only.
--
-- Identity: (camera, source, start) is the segment. Registering it again is the same segment
-- (idempotent); the primary key includes the partition key, as PostgreSQL requires. Overlap with
-- another segment of the same camera and source cannot be an exclusion constraint on a partitioned
-- table in PostgreSQL 15: the service checks it under a transaction-scoped advisory lock per
-- camera and source (repository.SegmentRepository).
create table segment (
    id              uuid         not null,
    camera_gb_id    varchar(20)  not null check (camera_gb_id ~ '^[0-9]{20}$'),
    district        varchar(6)   not null check (district ~ '^[0-9]{6}$'),
    source          varchar(10)  not null check (source in ('CONTINUOUS', 'EVENT', 'MANUAL')),
    start_at        timestamptz  not null,
    end_at          timestamptz  not null,
    object_key      varchar(1024) not null,
    size_bytes      bigint       not null check (size_bytes >= 0),
    sha256          char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    container       varchar(20)  not null,
    codec           varchar(20)  not null,
    security_level  smallint     not null check (security_level between 1 and 5),
    retain_until    timestamptz  not null,
    registered_at   timestamptz  not null,
    registered_by   varchar(255) not null,
    check (end_at > start_at),
    primary key (camera_gb_id, source, start_at)
) partition by range (start_at);

-- A camera's timeline and gaps: (camera, start) in every partition.
create index segment_camera_start on segment (camera_gb_id, start_at);
-- Time scans (per-district totals, purge candidates): a BRIN index, a few pages per partition, since
-- segments arrive roughly in start order.
create index segment_start_brin on segment using brin (start_at);

-- Creates the daily partitions of [first_day, first_day + days) that do not exist yet and returns how
-- many it created. SECURITY DEFINER: it runs as the owner of segment (the role that migrates), so
-- the service's runtime role may create partitions without owning the table or being able to run
-- any other DDL. Partition names and bounds come from dates only, never from text.
create function ensure_segment_partitions(first_day date, days integer) returns integer
    language plpgsql security definer set search_path from current as $$
declare
    created integer := 0;
    d date;
    name text;
begin
    if days < 1 or days > 366 then
        raise exception 'days must be between 1 and 366, not %', days;
    end if;
    for i in 0 .. days - 1 loop
        d := first_day + i;
        name := 'segment_' || to_char(d, 'YYYYMMDD');
        if to_regclass(name) is null then
            begin
                execute format('create table %I partition of segment for values from (%L) to (%L)', name,
                               (d::timestamp at time zone 'UTC'), ((d + 1)::timestamp at time zone 'UTC'));
                created := created + 1;
            exception
                -- Another instance created it at the same moment.
                when duplicate_table then null;
            end;
        end if;
    end loop;
    return created;
end
$$;

-- Retention policies (Article 5): per district a default number of days and, optionally, one per
-- security level 1-5 (null: the default applies). Never below the floor of 30 days.
create table retention_policy (
    district        varchar(6)   primary key check (district ~ '^[0-9]{6}$'),
    days            integer      not null check (days between 30 and 36500),
    level_1_days    integer      check (level_1_days between 30 and 36500),
    level_2_days    integer      check (level_2_days between 30 and 36500),
    level_3_days    integer      check (level_3_days between 30 and 36500),
    level_4_days    integer      check (level_4_days between 30 and 36500),
    level_5_days    integer      check (level_5_days between 30 and 36500),
    updated_at      timestamptz  not null,
    updated_by      varchar(255) not null
);

-- Legal holds: a camera's recordings over [from_at, to_at) kept for a case, whatever their
-- retain_until, until a different authorised person releases the hold. A segment is held while an
-- unreleased hold of its camera overlaps it (segments registered later included).
create table legal_hold (
    id              uuid         primary key,
    camera_gb_id    varchar(20)  not null check (camera_gb_id ~ '^[0-9]{20}$'),
    district        varchar(6)   not null check (district ~ '^[0-9]{6}$'),
    security_level  smallint     not null check (security_level between 1 and 5),
    from_at         timestamptz  not null,
    to_at           timestamptz  not null,
    reason          varchar(1000) not null,
    case_number     varchar(100) not null,
    placed_by       varchar(255) not null,
    placed_at       timestamptz  not null,
    released_by     varchar(255),
    released_at     timestamptz,
    release_reason  varchar(1000),
    check (to_at > from_at),
    check ((released_by is null) = (released_at is null)),
    check (released_by is null or released_by <> placed_by)
);
create index legal_hold_active on legal_hold (camera_gb_id, from_at) where released_at is null;

-- The service's runtime role (placeholder app_role, default recording_metadata_app): NOLOGIN, reached by
-- the startup parameter `role` of every pooled connection. It reads and appends segments (no UPDATE,
-- DELETE or TRUNCATE: purge is the owner's job), creates partitions only through the function above,
-- manages policies, and places and releases holds (no DELETE of a hold). Created when missing;
-- the migrating role is made a member so that it may switch to it.
do $$
begin
    begin
        execute format('create role %I nologin', '${app_role}');
    exception
        when duplicate_object or unique_violation then null;
    end;
    execute format('grant %I to %I', '${app_role}', current_user);
    execute format('grant usage on schema %I to %I', current_schema(), '${app_role}');
    execute format('revoke all on table segment, retention_policy, legal_hold from %I', '${app_role}');
    execute format('grant select, insert on table segment to %I', '${app_role}');
    execute format('grant select, insert, update on table retention_policy to %I', '${app_role}');
    execute format('grant select, insert, update on table legal_hold to %I', '${app_role}');
    execute format('revoke all on function ensure_segment_partitions(date, integer) from public');
    execute format('grant execute on function ensure_segment_partitions(date, integer) to %I', '${app_role}');
end
$$;
