-- The orphan sweep and registration, serialised per object (docs/recordings.md, "Orphan sweep"). Before, the
-- sweep asked which listed keys no segment references and deleted those objects, while a registration of one
-- of them could be between its object check (StatObjects: the object exists) and its commit: the segment was
-- then stored pointing at an object the sweep deleted (Article 5: what the metadata says is kept must be kept).
--
-- Both sides now take an advisory lock per object key (district and key): a registration a shared one, inside
-- its transaction, before it inserts; the sweep an exclusive one while it claims keys. Whichever comes second
-- waits for the other's commit, then sees what it did: a sweep sees the registered segment and does not claim
-- the key; a registration sees the sweep's claim and is refused.
--
-- orphan_claim: an object the sweep decided to delete.
--   DELETING  claimed, committed before DeleteObject is sent; a registration naming the key is refused; a sweep
--             killed here finishes the deletion at its next run (DeleteObject again is harmless);
--   DELETED   object-storage answered that the object is gone, at deleted_at. A registration whose object check
--             began before deleted_at may have seen the object still there, so it is refused too; one whose
--             check began later saw it missing (or saw a new upload under the same key) and is judged by that.
-- A held object (object-storage refuses to delete it) loses its claim: it stays, and may be registered.
-- DELETED claims are forgotten after a day; a registration never takes that long from check to commit.
create table orphan_claim (
    district    varchar(6)    not null,
    object_key  varchar(1024) not null,
    state       varchar(8)    not null check (state in ('DELETING', 'DELETED')),
    claimed_at  timestamptz   not null,
    deleted_at  timestamptz,
    primary key (district, object_key)
);
create index orphan_claim_deleting on orphan_claim (district) where state = 'DELETING';

-- The one advisory-lock key of a district's object key, for both sides.
create function object_key_lock(in_district varchar, key text) returns bigint
    language sql immutable parallel safe as $$
    select hashtextextended('object|' || in_district || '|' || key, 0)
$$;

-- The sweep: locks the keys (exclusive, in lock-key order, as registrations do), then — a new statement, so
-- every registration that held one of the locks is visible — claims those no segment of the district
-- references. Returns the keys claimed, with the district's DELETING claims among the given keys left by an
-- earlier run.
create function orphan_claim_keys(in_district varchar, keys text[])
    returns setof text
    language plpgsql security definer set search_path from current as $$
begin
    perform pg_advisory_xact_lock(l) from (select distinct object_key_lock(in_district, k) l from unnest(keys) k
        order by 1) x;
    insert into orphan_claim (district, object_key, state, claimed_at)
    select in_district, k, 'DELETING', clock_timestamp() from (select distinct k from unnest(keys) k) u
    where not exists (select 1 from segment s where s.object_key = u.k and s.district = in_district)
    on conflict (district, object_key) do update set state = 'DELETING', claimed_at = excluded.claimed_at,
        deleted_at = null;
    return query select c.object_key::text from orphan_claim c
        where c.district = in_district and c.object_key = any(keys) and c.state = 'DELETING';
end
$$;

-- What object-storage answered for a claimed key: DELETED (gone, or absent already) or HELD (refused: the claim
-- goes, the object stays).
create function orphan_claim_end(in_district varchar, key text, outcome varchar)
    returns void
    language plpgsql security definer set search_path from current as $$
begin
    if outcome = 'DELETED' then
        update orphan_claim set state = 'DELETED', deleted_at = clock_timestamp()
            where district = in_district and object_key = key and state = 'DELETING';
    elsif outcome = 'HELD' then
        delete from orphan_claim where district = in_district and object_key = key and state = 'DELETING';
    else
        raise exception 'unknown outcome %', outcome;
    end if;
end
$$;

-- A sweep's start: forgets DELETED claims older than a day and names the DELETING ones an interrupted run
-- left, which it finishes first.
create function orphan_claims_pending(in_district varchar)
    returns setof text
    language plpgsql security definer set search_path from current as $$
begin
    delete from orphan_claim where district = in_district and state = 'DELETED'
        and deleted_at < clock_timestamp() - interval '1 day';
    return query select c.object_key::text from orphan_claim c where c.district = in_district and c.state = 'DELETING'
        order by c.object_key;
end
$$;

-- A registration, inside its transaction: locks its keys (shared, in lock-key order), then — a new statement —
-- returns the claims on them, with the database's clock now; the service refuses the batch when a claim is
-- DELETING or was DELETED after its object check began.
create function orphan_claims_of(in_district varchar, keys text[])
    returns table (object_key text, state varchar, deleted_at timestamptz, now_at timestamptz)
    language plpgsql security definer set search_path from current as $$
begin
    perform pg_advisory_xact_lock_shared(l) from (select distinct object_key_lock(in_district, k) l
        from unnest(keys) k order by 1) x;
    return query select c.object_key::text, c.state, c.deleted_at, clock_timestamp() from orphan_claim c
        where c.district = in_district and c.object_key = any(keys);
end
$$;

do $$
begin
    execute format('revoke all on table orphan_claim from %I', '${app_role}');
    execute format('grant select on table orphan_claim to %I', '${app_role}');
    execute format('revoke all on function orphan_claim_keys(varchar, text[]) from public');
    execute format('revoke all on function orphan_claim_end(varchar, text, varchar) from public');
    execute format('revoke all on function orphan_claims_pending(varchar) from public');
    execute format('revoke all on function orphan_claims_of(varchar, text[]) from public');
    execute format('grant execute on function orphan_claim_keys(varchar, text[]) to %I', '${app_role}');
    execute format('grant execute on function orphan_claim_end(varchar, text, varchar) to %I', '${app_role}');
    execute format('grant execute on function orphan_claims_pending(varchar) to %I', '${app_role}');
    execute format('grant execute on function orphan_claims_of(varchar, text[]) to %I', '${app_role}');
end
$$;

-- Replaced by orphan_claim_keys.
drop function unreferenced_objects(varchar, text[]);
