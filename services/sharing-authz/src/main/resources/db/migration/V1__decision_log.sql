-- The decision log (Articles 4, 5, 13): one row per decision of the policy decision point, in a hash
-- chain. seq is the gapless order of appends (1, 2, 3, ... assigned under a transaction-scoped advisory
-- lock, never by a sequence, whose rolled-back values would leave gaps); hash is
-- SHA-256(prev_hash || the canonical encoding of every other column), computed by the service
-- (org.videogov.sharing.domain.log.DecisionChain); the first entry's prev_hash is 64 zeros.
create table decision_log (
    seq                      bigint       primary key check (seq > 0),
    decided_at               timestamptz  not null,
    subject                  varchar(255) not null,
    subject_district         varchar(6),
    subject_roles            text[]       not null,
    department               varchar(100),
    action                   varchar(50)  not null,
    resource_district        varchar(6),
    resource_site            uuid,
    resource_camera          varchar(20),
    resource_security_level  smallint     check (resource_security_level between 1 and 5),
    decision                 varchar(5)   not null check (decision in ('ALLOW', 'DENY')),
    rule                     varchar(100) not null,
    grant_id                 uuid,
    emergency_id             uuid,
    prev_hash                char(64)     not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash                     char(64)     not null check (hash ~ '^[0-9a-f]{64}$')
);

-- The auditor's filters (subject, resource district, action, decision, time), newest first.
create index decision_log_subject on decision_log (subject, seq);
create index decision_log_district on decision_log (resource_district, seq);
create index decision_log_decided_at on decision_log (decided_at, seq);

-- The service's runtime role (placeholder app_role, default sharing_authz_app): NOLOGIN, reached only
-- by SET ROLE from the service's connections, and allowed to read and append to the log, nothing more.
-- The table stays owned by the role that migrates, so UPDATE, DELETE and TRUNCATE are refused to the
-- service ("permission denied for table decision_log"). Roles belong to the whole PostgreSQL cluster:
-- the role is created when missing (a concurrent creation by another database's migration is fine),
-- and the migrating role is made a member so that it may switch to it (needed when it is not a
-- superuser; it then needs CREATEROLE).
do $$
begin
    begin
        execute format('create role %I nologin', '${app_role}');
    exception
        when duplicate_object or unique_violation then null;
    end;
    execute format('grant %I to %I', '${app_role}', current_user);
    execute format('grant usage on schema %I to %I', current_schema(), '${app_role}');
    execute format('revoke all on table decision_log from %I', '${app_role}');
    execute format('grant select, insert on table decision_log to %I', '${app_role}');
end
$$;
