-- The purge deletes the video objects first, then the metadata (Article 5: kept for their retention, never
-- while held), and survives a crash at any step (docs/recordings.md, "Purge"). Numbered 10, not 3: another
-- branch adds V3 (recompute_segment_retention); versions 4-9 stay free for it.
--
-- purge_claim: the segments of a day the purge has decided to remove, claimed in one transaction under a
-- SHARE lock of legal_hold (so no hold is placed or released meanwhile), excluding every segment an active
-- hold covers. A claim's state:
--   CLAIMED  decided, its object not touched yet: placing a hold that covers it deletes the claim (in the
--            hold's transaction), and the segment is kept;
--   DELETING its object's deletion has begun (purge_claim_begin, committed before DeleteObject is sent): from
--            here on the segment goes, object and row, whatever happens later; a rerun sends DeleteObject again
--            (idempotent);
--   DELETED  object-storage answered that the object is gone;
--   KEPT     object-storage refused the deletion (the object is under a legal hold it recorded): the segment
--            stays, and purge_segment_day does not delete its row.
create table purge_claim (
    day             date         not null,
    camera_gb_id    varchar(20)  not null,
    source          varchar(10)  not null,
    start_at        timestamptz  not null,
    end_at          timestamptz  not null,
    object_key      varchar(1024) not null,
    district        varchar(6)   not null,
    state           varchar(8)   not null default 'CLAIMED'
                                 check (state in ('CLAIMED', 'DELETING', 'DELETED', 'KEPT')),
    claimed_at      timestamptz  not null,
    primary key (day, camera_gb_id, source, start_at)
);
-- A hold's placement finds the claims its window covers.
create index purge_claim_camera on purge_claim (camera_gb_id, start_at);
-- "Any claim kept" without reading a day's claims.
create index purge_claim_kept on purge_claim (day) where state = 'KEPT';

-- "Is any row of this day still retained": a BRIN index on retain_until (a few pages per partition; rows
-- arrive in start order and retain_until follows start), read after brin_summarize_new_values.
create index segment_retain_brin on segment using brin (retain_until);
-- The orphan sweep asks which listed object keys a segment references: a hash index on object_key (4 bytes
-- of hash per row instead of the key itself).
create index segment_object_key on segment using hash (object_key);

-- Claims the day's expired, unheld segments, unless claims for the day exist already (then a previous run is
-- continued). Returns how many claims the day has, whether this call made them, and whether the metadata step
-- has anything to do (claims, or an empty partition to drop). A day with nothing expired costs one look at
-- the BRIN index on retain_until, not a scan of its rows (most days of a city are within their retention).
create function purge_claim_day(purge_day date, now_at timestamptz)
    returns table (claims bigint, made boolean, needed boolean)
    language plpgsql security definer set search_path from current as $$
declare
    part text := 'segment_' || to_char(purge_day, 'YYYYMMDD');
    n bigint;
    brin regclass;
    expired boolean;
    empty boolean;
    seqscan text := current_setting('enable_seqscan');
begin
    if purge_day >= (now_at at time zone 'UTC')::date - 1 then
        raise exception 'the partition of % still receives segments; only days before yesterday are purged', purge_day;
    end if;
    lock table legal_hold in share mode;
    select count(*) into n from purge_claim where day = purge_day;
    if n > 0 or to_regclass(part) is null then
        return query select n, false, n > 0;
        return;
    end if;
    execute format('select not exists (select 1 from %I)', part) into empty;
    if empty then
        return query select 0::bigint, false, true;
        return;
    end if;
    select i.inhrelid::regclass into brin from pg_inherits i join pg_index x on x.indexrelid = i.inhrelid
        where i.inhparent = 'segment_retain_brin'::regclass and x.indrelid = part::regclass;
    perform brin_summarize_new_values(brin);
    perform set_config('enable_seqscan', 'off', true);
    execute format('select exists (select 1 from %I s where s.retain_until <= $1)', part) into expired using now_at;
    perform set_config('enable_seqscan', seqscan, true);
    if not expired then
        return query select 0::bigint, false, false;
        return;
    end if;
    execute format('insert into purge_claim (day, camera_gb_id, source, start_at, end_at, object_key, district, claimed_at) '
        || 'select $1, s.camera_gb_id, s.source, s.start_at, s.end_at, s.object_key, s.district, $2 from %I s '
        || 'where s.retain_until <= $2 and not exists (select 1 from legal_hold h where h.camera_gb_id = s.camera_gb_id '
        || 'and h.released_at is null and h.from_at < s.end_at and h.to_at > s.start_at)', part)
        using purge_day, now_at;
    get diagnostics n = row_count;
    return query select n, true, n > 0;
end
$$;

-- The last check before a claimed segment's object is deleted: the claim still exists (no hold dropped it) and
-- the segment is still expired and unheld; then the claim becomes DELETING, committed before DeleteObject is
-- sent. True: send DeleteObject. False: the claim is gone (a hold, a longer retention), keep the segment.
create function purge_claim_begin(purge_day date, camera varchar, src varchar, start timestamptz, now_at timestamptz)
    returns boolean
    language plpgsql security definer set search_path from current as $$
declare
    st text;
begin
    select c.state into st from purge_claim c where c.day = purge_day and c.camera_gb_id = camera and c.source = src
        and c.start_at = start for update;
    if st is null or st in ('DELETED', 'KEPT') then
        return false;
    end if;
    if st = 'DELETING' then
        return true;
    end if;
    if not exists (select 1 from segment s where s.camera_gb_id = camera and s.source = src and s.start_at = start
            and s.retain_until <= now_at and not exists (select 1 from legal_hold h where h.camera_gb_id = s.camera_gb_id
            and h.released_at is null and h.from_at < s.end_at and h.to_at > s.start_at)) then
        delete from purge_claim c where c.day = purge_day and c.camera_gb_id = camera and c.source = src
            and c.start_at = start;
        return false;
    end if;
    update purge_claim c set state = 'DELETING' where c.day = purge_day and c.camera_gb_id = camera
        and c.source = src and c.start_at = start;
    return true;
end
$$;

-- What object-storage answered: DELETED (the object is gone) or KEPT (it refused: the object is held).
create function purge_claim_end(purge_day date, camera varchar, src varchar, start timestamptz, outcome varchar)
    returns void
    language plpgsql security definer set search_path from current as $$
begin
    if outcome not in ('DELETED', 'KEPT') then
        raise exception 'outcome must be DELETED or KEPT, not %', outcome;
    end if;
    update purge_claim c set state = outcome where c.day = purge_day and c.camera_gb_id = camera and c.source = src
        and c.start_at = start and c.state = 'DELETING';
end
$$;

-- Placing a hold drops the claims its window covers that have not begun (CLAIMED), in the hold's transaction
-- (its INSERT into legal_hold waits for a running purge_claim_day's SHARE lock). Returns how many it dropped.
create function purge_claim_drop_held(camera varchar, hold_from timestamptz, hold_to timestamptz)
    returns integer
    language plpgsql security definer set search_path from current as $$
declare
    n integer;
begin
    delete from purge_claim c where c.camera_gb_id = camera and c.state = 'CLAIMED' and c.start_at < hold_to
        and c.end_at > hold_from;
    get diagnostics n = row_count;
    return n;
end
$$;

-- The metadata step of one day (replaces V2's): deletes the rows whose object deletion began (DELETING or
-- DELETED claims) and every other expired row no active hold covers and no KEPT claim keeps; then the day's
-- claims. Rows without a claim (a direct call, or old footage registered after the claim) lose their metadata
-- before their object, which the orphan sweep removes after its grace: metadata never points at a deleted
-- object. The partition is dropped whole (DROP) when nothing in it is retained, held or kept, decided without
-- reading its rows:
--   * retained: the BRIN index on retain_until (summarised first) finds no page range with a later value;
--   * held: no active hold of the small legal_hold table overlaps [day, day + 1 + longest_segment); only if
--     one does, the held cameras' rows are probed through the (camera, start) index;
--   * kept: the partial index of KEPT claims.
-- In DROP mode purged_rows is the number of the day's claims the step deletes when there are any (the
-- service's purge), else pg_class.reltuples, the planner's estimate of the partition's rows (counting would
-- read them all; -1, shown as 0, when the partition was never analysed). longest_segment: videogov.recording.max-segment-duration (a segment of this day ends
-- at most that long after the day), 6 hours (its default) when not given.
drop function purge_segment_day(date, timestamptz);

create function purge_segment_day(purge_day date, now_at timestamptz, longest_segment interval default interval '6 hours')
    returns table (purge_mode text, purged_rows bigint, kept_rows bigint)
    language plpgsql security definer set search_path from current as $$
declare
    part text := 'segment_' || to_char(purge_day, 'YYYYMMDD');
    day_start timestamptz := purge_day::timestamp at time zone 'UTC';
    brin regclass;
    retained boolean;
    held boolean := false;
    kept boolean;
    total bigint;
    purged bigint;
    seqscan text := current_setting('enable_seqscan');
    held_expr text := 'exists (select 1 from legal_hold h where h.camera_gb_id = s.camera_gb_id '
        || 'and h.released_at is null and h.from_at < s.end_at and h.to_at > s.start_at)';
    gone_expr text := '(s.camera_gb_id, s.source, s.start_at) in (select c.camera_gb_id, c.source, c.start_at '
        || 'from purge_claim c where c.day = $2 and c.state in (''DELETING'', ''DELETED''))';
    kept_expr text := '(s.camera_gb_id, s.source, s.start_at) in (select c.camera_gb_id, c.source, c.start_at '
        || 'from purge_claim c where c.day = $2 and c.state = ''KEPT'')';
begin
    if purge_day >= (now_at at time zone 'UTC')::date - 1 then
        raise exception 'the partition of % still receives segments; only days before yesterday are purged', purge_day;
    end if;
    if to_regclass(part) is null then
        delete from purge_claim where day = purge_day;
        return;
    end if;
    lock table legal_hold in share mode;
    execute format('lock table %I in access exclusive mode', part);

    select i.inhrelid::regclass into brin from pg_inherits i join pg_index x on x.indexrelid = i.inhrelid
        where i.inhparent = 'segment_retain_brin'::regclass and x.indrelid = part::regclass;
    perform brin_summarize_new_values(brin);
    perform set_config('enable_seqscan', 'off', true);
    execute format('select exists (select 1 from %I s where s.retain_until > $1)', part) into retained using now_at;
    if not retained and exists (select 1 from legal_hold h where h.released_at is null and h.to_at > day_start
            and h.from_at < day_start + interval '1 day' + longest_segment) then
        execute format('select exists (select 1 from legal_hold h, lateral (select 1 from %I s where s.camera_gb_id = h.camera_gb_id '
            || 'and s.start_at < h.to_at and s.end_at > h.from_at limit 1) x where h.released_at is null and h.to_at > $1 '
            || 'and h.from_at < $1 + interval ''1 day'' + $2)', part) into held using day_start, longest_segment;
    end if;
    perform set_config('enable_seqscan', seqscan, true);
    kept := exists (select 1 from purge_claim c where c.day = purge_day and c.state = 'KEPT');

    if not retained and not held and not kept then
        select greatest(c.reltuples, 0)::bigint into total from pg_class c where c.oid = part::regclass;
        execute format('alter table segment detach partition %I', part);
        execute format('drop table %I', part);
        delete from purge_claim where day = purge_day;
        get diagnostics purged = row_count;
        if purged > 0 then
            total := purged;
        end if;
        insert into purge_log (day, mode, purged, kept, purged_at) values (purge_day, 'DROP', total, 0, now_at);
        return query select 'DROP'::text, total, 0::bigint;
        return;
    end if;
    execute format('delete from %I s where %s or (s.retain_until <= $1 and not %s and not %s)', part, gone_expr,
        held_expr, kept_expr) using now_at, purge_day;
    get diagnostics purged = row_count;
    delete from purge_claim where day = purge_day;
    execute format('select count(*) from %I', part) into total;
    insert into purge_log (day, mode, purged, kept, purged_at) values (purge_day, 'ROWS', purged, total, now_at);
    return query select 'ROWS'::text, purged, total;
end
$$;

-- The orphan sweep: which of these object keys of a district no segment references.
create function unreferenced_objects(in_district varchar, keys text[])
    returns setof text
    language sql stable security definer set search_path from current as $$
    select k from unnest(keys) k
    where not exists (select 1 from segment s where s.object_key = k and s.district = in_district)
$$;

do $$
begin
    execute format('revoke all on table purge_claim from %I', '${app_role}');
    execute format('grant select on table purge_claim to %I', '${app_role}');
    execute format('revoke all on function purge_claim_day(date, timestamptz) from public');
    execute format('revoke all on function purge_claim_begin(date, varchar, varchar, timestamptz, timestamptz) from public');
    execute format('revoke all on function purge_claim_end(date, varchar, varchar, timestamptz, varchar) from public');
    execute format('revoke all on function purge_claim_drop_held(varchar, timestamptz, timestamptz) from public');
    execute format('revoke all on function purge_segment_day(date, timestamptz, interval) from public');
    execute format('revoke all on function unreferenced_objects(varchar, text[]) from public');
    execute format('grant execute on function purge_claim_day(date, timestamptz) to %I', '${app_role}');
    execute format('grant execute on function purge_claim_begin(date, varchar, varchar, timestamptz, timestamptz) to %I', '${app_role}');
    execute format('grant execute on function purge_claim_end(date, varchar, varchar, timestamptz, varchar) to %I', '${app_role}');
    execute format('grant execute on function purge_claim_drop_held(varchar, timestamptz, timestamptz) to %I', '${app_role}');
    execute format('grant execute on function purge_segment_day(date, timestamptz, interval) to %I', '${app_role}');
    execute format('grant execute on function unreferenced_objects(varchar, text[]) to %I', '${app_role}');
end
$$;
