-- Purge of expired segments (Article 5: kept for their retention, never while held). One day's partition at a
-- time, in one transaction, as the owner (SECURITY DEFINER; the runtime role may only execute it):
--   * it locks the holds against change (SHARE) and the day's partition (ACCESS EXCLUSIVE: no late segment
--     lands in it meanwhile), then counts the rows to keep: retain_until still ahead, or covered by an
--     active legal hold of their camera;
--   * nothing to keep: the partition is detached and dropped whole (no row DELETE, no vacuum debt);
--   * else the expired, unheld rows are deleted one by one and the partition stays.
-- DDL is transactional in PostgreSQL: a crash at any step leaves the day as it was or purged, never a held
-- segment lost. Today and yesterday are refused (they still receive segments). The video objects are not
-- deleted here: in this slice their deletion is left to object-storage's orphan sweep (not built yet), so no
-- metadata can point at a deleted object. Each run is recorded in purge_log.
create table purge_log (
    id          bigint       generated always as identity primary key,
    day         date         not null,
    mode        varchar(4)   not null check (mode in ('DROP', 'ROWS')),
    purged      bigint       not null,
    kept        bigint       not null,
    purged_at   timestamptz  not null
);

create function purge_segment_day(purge_day date, now_at timestamptz)
    returns table (purge_mode text, purged_rows bigint, kept_rows bigint)
    language plpgsql security definer set search_path from current as $$
declare
    part text := 'segment_' || to_char(purge_day, 'YYYYMMDD');
    total bigint;
    keep bigint;
    held text := 'exists (select 1 from legal_hold h where h.camera_gb_id = s.camera_gb_id '
        || 'and h.released_at is null and h.from_at < s.end_at and h.to_at > s.start_at)';
begin
    if purge_day >= (now_at at time zone 'UTC')::date - 1 then
        raise exception 'the partition of % still receives segments; only days before yesterday are purged', purge_day;
    end if;
    if to_regclass(part) is null then
        return;
    end if;
    lock table legal_hold in share mode;
    execute format('lock table %I in access exclusive mode', part);
    execute format('select count(*), count(*) filter (where s.retain_until > $1 or %s) from %I s', held, part)
        into total, keep using now_at;
    if keep = 0 then
        execute format('alter table segment detach partition %I', part);
        execute format('drop table %I', part);
        insert into purge_log (day, mode, purged, kept, purged_at) values (purge_day, 'DROP', total, 0, now_at);
        return query select 'DROP'::text, total, 0::bigint;
    else
        execute format('delete from %I s where s.retain_until <= $1 and not %s', part, held) using now_at;
        insert into purge_log (day, mode, purged, kept, purged_at) values (purge_day, 'ROWS', total - keep, keep, now_at);
        return query select 'ROWS'::text, total - keep, keep;
    end if;
end
$$;

do $$
begin
    execute format('revoke all on table purge_log from %I', '${app_role}');
    execute format('grant select on table purge_log to %I', '${app_role}');
    execute format('revoke all on function purge_segment_day(date, timestamptz) from public');
    execute format('grant execute on function purge_segment_day(date, timestamptz) to %I', '${app_role}');
end
$$;
