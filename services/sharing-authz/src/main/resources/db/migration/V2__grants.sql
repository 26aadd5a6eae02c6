-- Grants (Articles 4 and 5): a district's video shared with another district, a department, a user or
-- a role, for a stated purpose and case, within a window, once a different person holding the approving
-- role of the district (or the city) has approved it; revocable with a reason. The status (REQUESTED,
-- NOT_YET_VALID, ACTIVE, EXPIRED, REVOKED) is derived from these columns and the time of asking
-- (org.videogov.sharing.domain.grant.GrantStatus); it is never stored. "grant" is an SQL keyword,
-- hence the table's name.
create table access_grant (
    id                  uuid          primary key,
    grantee_kind        varchar(10)   not null check (grantee_kind in ('DISTRICT', 'DEPARTMENT', 'USER', 'ROLE')),
    grantee             varchar(255)  not null check (length(grantee) > 0),
    district            varchar(6)    not null check (district ~ '^[0-9]{6}$'),
    site_ids            uuid[]        not null,
    camera_gb_ids       varchar(20)[] not null,
    max_security_level  smallint      not null check (max_security_level between 1 and 5),
    actions             text[]        not null check (cardinality(actions) > 0),
    purpose             varchar(2000) not null,
    case_number         varchar(100)  not null,
    valid_from          timestamptz   not null,
    valid_until         timestamptz   not null,
    requested_by        varchar(255)  not null,
    requested_at        timestamptz   not null,
    approved_by         varchar(255),
    approved_at         timestamptz,
    revoked_by          varchar(255),
    revoked_at          timestamptz,
    revocation_reason   varchar(2000),
    constraint access_grant_window check (valid_until > valid_from),
    constraint access_grant_approval check ((approved_by is null) = (approved_at is null)),
    constraint access_grant_different_approver check (approved_by is null or approved_by <> requested_by),
    constraint access_grant_revocation check ((revoked_by is null) = (revoked_at is null)
        and (revoked_at is null) = (revocation_reason is null))
);

-- The policy's one query per decision (GrantRepository.activeFor): the approved, unrevoked grants of a
-- grantee whose window contains now. Partial, so revoked and unapproved grants cost it nothing.
create index access_grant_grantee on access_grant (grantee_kind, grantee, valid_until)
    where approved_at is not null and revoked_at is null;
-- People's lists (a district's grants, newest first) and ListActiveGrants.
create index access_grant_district on access_grant (district, requested_at);

-- The runtime role reads, requests (INSERT) and approves or revokes (UPDATE) grants. No DELETE: a grant
-- ends by expiring or by being revoked, and stays as the record of what was shared.
do $$
begin
    execute format('revoke all on table access_grant from %I', '${app_role}');
    execute format('grant select, insert, update on table access_grant to %I', '${app_role}');
end
$$;
