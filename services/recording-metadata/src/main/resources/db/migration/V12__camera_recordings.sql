-- A camera's district and security level as its newest segment states them, one row per camera, kept by a
-- trigger on every insert into segment. Every read of a camera's recordings (timeline, gaps, holds, export)
-- first needs them to decide access (Article 5 via sharing-authz: district and level): read from segment,
-- that was an index probe into every day partition, and under generic plans a lock on each of them and their
-- indexes — a cost that grew with the days kept. Here it is one primary-key lookup, whatever the retention.
-- A camera whose segments were all purged keeps its row: its recordings stay addressable (an empty timeline,
-- a gap), by the district and level they had.
create table camera_recordings (
    camera_gb_id    varchar(20)  primary key,
    district        varchar(6)   not null,
    security_level  smallint     not null,
    latest_start    timestamptz  not null
);

insert into camera_recordings (camera_gb_id, district, security_level, latest_start)
select distinct on (camera_gb_id) camera_gb_id, district, security_level, start_at
from segment order by camera_gb_id, start_at desc;

-- Runs as the owner (SECURITY DEFINER), so the runtime role reads camera_recordings but cannot write it: only
-- registering segments moves a camera's row, and only forward (an older segment registered late does not).
create function note_camera_recordings() returns trigger
    language plpgsql security definer set search_path from current as $$
begin
    insert into camera_recordings (camera_gb_id, district, security_level, latest_start)
    select distinct on (camera_gb_id) camera_gb_id, district, security_level, start_at
    from new_segments order by camera_gb_id, start_at desc
    on conflict (camera_gb_id) do update set district = excluded.district,
        security_level = excluded.security_level, latest_start = excluded.latest_start
    where excluded.latest_start >= camera_recordings.latest_start
      and (camera_recordings.district, camera_recordings.security_level, camera_recordings.latest_start)
          is distinct from (excluded.district, excluded.security_level, excluded.latest_start);
    return null;
end
$$;

create trigger segment_camera_recordings after insert on segment
    referencing new table as new_segments for each statement execute function note_camera_recordings();

do $$
begin
    execute format('revoke all on table camera_recordings from %I', '${app_role}');
    execute format('grant select on table camera_recordings to %I', '${app_role}');
    execute format('revoke all on function note_camera_recordings() from public');
end
$$;
