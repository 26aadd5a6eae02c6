-- Emergency declarations (Article 13): emergency command declares a major public security emergency
-- for districts and/or sites and a time window; while it is active, command has tiered access
-- (org.videogov.sharing.domain.emergency). The status is derived from time (SCHEDULED, ACTIVE, ENDED,
-- ENDED_EARLY); nothing runs when an emergency ends, every decision compares its window with now.
--
-- command_district: the district of the declaring commander's command (its `district` claim), null for
-- the municipal emergency command. ends_at is the current end (an extension moves it; the previous end
-- is kept in emergency_extension). The maximum duration (videogov.sharing-authz.emergencies.max-duration)
-- bounds ends_at - starts_at with every extension included; it is configuration, so the service checks it.
create table emergency (
    id                  uuid          primary key,
    title               varchar(200)  not null,
    reason              varchar(2000) not null,
    incident_reference  varchar(100)  not null,
    command_district    varchar(6)    check (command_district ~ '^[0-9]{6}$'),
    declared_by         varchar(255)  not null,
    declared_at         timestamptz   not null,
    starts_at           timestamptz   not null,
    ends_at             timestamptz   not null,
    ended_early_at      timestamptz,
    ended_by            varchar(255),
    end_reason          varchar(2000),
    check (ends_at > starts_at),
    check ((ended_early_at is null and ended_by is null and end_reason is null)
        or (ended_early_at is not null and ended_by is not null and end_reason is not null))
);

-- Whole districts an emergency covers.
create table emergency_district (
    emergency_id   uuid        not null references emergency (id),
    district_code  varchar(6)  not null check (district_code ~ '^[0-9]{6}$'),
    primary key (emergency_id, district_code)
);

-- Single sites an emergency covers, with the district each lies in (as declared: sharing-authz owns no
-- sites; a resource is covered only when the asking service reports the same site in the same district).
create table emergency_site (
    emergency_id   uuid        not null references emergency (id),
    site_id        uuid        not null,
    district_code  varchar(6)  not null check (district_code ~ '^[0-9]{6}$'),
    primary key (emergency_id, site_id)
);

-- Every extension, with its reason: who moved the end, when, from what to what.
create table emergency_extension (
    id            uuid          primary key,
    emergency_id  uuid          not null references emergency (id),
    extended_by   varchar(255)  not null,
    extended_at   timestamptz   not null,
    old_ends_at   timestamptz   not null,
    new_ends_at   timestamptz   not null,
    reason        varchar(2000) not null,
    check (new_ends_at > old_ends_at)
);

-- Decisions ask for the emergencies active now: not ended early, started, not yet at their end.
create index emergency_open on emergency (ends_at) where ended_early_at is null;
create index emergency_starts on emergency (starts_at desc, id);
create index emergency_district_code on emergency_district (district_code);
create index emergency_site_district on emergency_site (district_code);
create index emergency_extension_of on emergency_extension (emergency_id, extended_at);
-- An emergency's review reads the decisions taken under it, newest first.
create index decision_log_emergency on decision_log (emergency_id, seq) where emergency_id is not null;

-- The runtime role reads and declares; it may change only an emergency's end (extension, ending early),
-- never its scope, reason or window start, and it deletes nothing. The decision log keeps SELECT, INSERT.
do $$
begin
    execute format('revoke all on table emergency, emergency_district, emergency_site, emergency_extension from %I',
        '${app_role}');
    execute format('grant select, insert on table emergency, emergency_district, emergency_site, emergency_extension to %I',
        '${app_role}');
    execute format('grant update (ends_at, ended_early_at, ended_by, end_reason) on table emergency to %I',
        '${app_role}');
end
$$;
