-- Recomputing retain_until when a district's retention policy changes (Article 5): every stored segment of the
-- district gets retain_until = end_at + the days of its security level under the policy now stored (the level's
-- override, else the policy's default). The runtime role cannot UPDATE segment; it may only execute this
-- function, which runs as the owner (SECURITY DEFINER) and touches retain_until of that district's rows and
-- nothing else. Legal holds are separate (legal_hold) and unaffected: a held segment stays held whatever its
-- retain_until. Returns the number of rows whose retain_until changed. A district without a stored policy is
-- left as it is (the service stores the policy first, in the same transaction).
create function recompute_segment_retention(p_district varchar) returns bigint
    language plpgsql security definer set search_path from current as $$
declare
    p retention_policy%rowtype;
    changed bigint;
begin
    select * into p from retention_policy where district = p_district;
    if not found then
        return 0;
    end if;
    update segment s set retain_until = s.end_at + make_interval(days => (case s.security_level
            when 1 then coalesce(p.level_1_days, p.days)
            when 2 then coalesce(p.level_2_days, p.days)
            when 3 then coalesce(p.level_3_days, p.days)
            when 4 then coalesce(p.level_4_days, p.days)
            else coalesce(p.level_5_days, p.days) end))
        where s.district = p_district
          and s.retain_until is distinct from s.end_at + make_interval(days => (case s.security_level
            when 1 then coalesce(p.level_1_days, p.days)
            when 2 then coalesce(p.level_2_days, p.days)
            when 3 then coalesce(p.level_3_days, p.days)
            when 4 then coalesce(p.level_4_days, p.days)
            else coalesce(p.level_5_days, p.days) end));
    get diagnostics changed = row_count;
    return changed;
end
$$;

do $$
begin
    execute format('revoke all on function recompute_segment_retention(varchar) from public');
    execute format('grant execute on function recompute_segment_retention(varchar) to %I', '${app_role}');
end
$$;
