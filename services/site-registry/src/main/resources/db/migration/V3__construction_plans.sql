-- Article 6: construction plans of a district (or of the city) and the sites each lists.
-- A plan is implemented only once the local government approves it; an approved plan is never
-- edited, only superseded by a newer approved plan.

create table construction_plan (
    id                 uuid primary key,
    -- a district's GB/T 2260 code, or the city's for a city-wide plan
    district_code      varchar(6)    not null check (district_code ~ '^[0-9]{6}$'),
    title              varchar(200)  not null,
    description        varchar(2000),
    -- DRAFT, SUBMITTED, APPROVED, REJECTED, SUPERSEDED
    state              varchar(16)   not null
        check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    supersedes         uuid references construction_plan (id),
    superseded_by      uuid references construction_plan (id),
    submitted_at       timestamptz,
    submitted_by       varchar(200),
    -- the government's approval or rejection: its reference, its date, who recorded it, why
    decision_reference varchar(100),
    decided_on         date,
    decided_by         varchar(200),
    decision_note      varchar(2000),
    created_by         varchar(200),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0,
    constraint construction_plan_decided check (
        state not in ('APPROVED', 'REJECTED', 'SUPERSEDED')
        or (decision_reference is not null and decided_on is not null))
);

create index construction_plan_district_idx on construction_plan (district_code, state);

-- The sites a plan lists. No foreign key to site: a rejected or superseded plan keeps its history;
-- the service refuses to delete a site listed by a submitted or approved plan.
create table construction_plan_site (
    id       uuid primary key,
    plan_id  uuid not null references construction_plan (id) on delete cascade,
    site_id  uuid not null,
    constraint construction_plan_site_unique unique (plan_id, site_id)
);

create index construction_plan_site_site_idx on construction_plan_site (site_id);
