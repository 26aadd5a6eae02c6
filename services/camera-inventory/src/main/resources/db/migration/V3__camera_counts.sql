-- How many cameras each district has in each state, kept exact in the same transaction as every
-- change to camera by statement-level triggers: a list's total is read from here instead of
-- counting the district's rows on every request (docs/benchmarks.md). Lists filtered by site,
-- zone or the Article 13 gap still count their (indexed, smaller) matches.
create table camera_count (
    district_code varchar(6)  not null,
    state         varchar(20) not null,
    -- never below 0; not a CHECK, which PostgreSQL applies to an upsert's proposed row (a -1 delta)
    -- before it finds the conflict
    cameras       bigint      not null,
    primary key (district_code, state)
);

insert into camera_count (district_code, state, cameras)
select district_code, state, count(*) from camera group by district_code, state;

-- Rows are upserted in key order, so two single-statement changes never wait on each other in a cycle.
create function camera_count_after_insert() returns trigger language plpgsql as $$
begin
    insert into camera_count as c (district_code, state, cameras)
    select district_code, state, count(*) from new_rows
    group by district_code, state order by district_code, state
    on conflict (district_code, state) do update set cameras = c.cameras + excluded.cameras;
    return null;
end $$;

create function camera_count_after_update() returns trigger language plpgsql as $$
begin
    insert into camera_count as c (district_code, state, cameras)
    select district_code, state, sum(delta) from (
        select district_code, state, 1 as delta from new_rows
        union all
        select district_code, state, -1 as delta from old_rows) changes
    group by district_code, state having sum(delta) <> 0 order by district_code, state
    on conflict (district_code, state) do update set cameras = c.cameras + excluded.cameras;
    return null;
end $$;

create function camera_count_after_delete() returns trigger language plpgsql as $$
begin
    update camera_count c set cameras = c.cameras - d.cameras
    from (select district_code, state, count(*) as cameras from old_rows group by district_code, state) d
    where c.district_code = d.district_code and c.state = d.state;
    return null;
end $$;

create function camera_count_after_truncate() returns trigger language plpgsql as $$
begin
    delete from camera_count;
    return null;
end $$;

create trigger camera_count_insert after insert on camera referencing new table as new_rows
    for each statement execute function camera_count_after_insert();
create trigger camera_count_update after update on camera referencing old table as old_rows new table as new_rows
    for each statement execute function camera_count_after_update();
create trigger camera_count_delete after delete on camera referencing old table as old_rows
    for each statement execute function camera_count_after_delete();
create trigger camera_count_truncate after truncate on camera
    for each statement execute function camera_count_after_truncate();
