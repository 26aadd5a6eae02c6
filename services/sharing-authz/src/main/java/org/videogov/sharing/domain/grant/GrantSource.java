package org.videogov.sharing.domain.grant;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.ResourceType;
import org.videogov.sharing.domain.policy.Scope;
import org.videogov.sharing.domain.policy.Subject;

/**
 * The grants loaded for one subject as a {@link PolicySource} (Article 4): an ACTIVE grant whose grantee
 * the subject is, with the action among its actions, allows a resource its {@link Grant#scope() scope}
 * covers (rule {@link GrantRules#ALLOW}, decided by the grant's id). Grants are consulted in the order of
 * their ids, so the same grant decides every time. {@link #scopes} gives one scope per such grant, so that
 * LookupResources and Check agree by construction: both ask {@link Grant#gives} and {@link Scope#covers}.
 */
public final class GrantSource implements PolicySource {

    private final List<Grant> grants;

    public GrantSource(List<Grant> grants) {
        this.grants = grants.stream().sorted(Comparator.comparing(Grant::id)).toList();
    }

    public static GrantSource none() {
        return new GrantSource(List.of());
    }

    @Override
    public Optional<Decision> allow(Subject subject, Action action, Resource resource, Instant now) {
        for (Grant grant : grants) {
            Optional<Decision> allow = grant.allow(subject, action, resource, now);
            if (allow.isPresent()) {
                return allow;
            }
        }
        return Optional.empty();
    }

    /** One scope per grant that gives the action at {@code now}, in {@code district} when given. */
    @Override
    public List<Scope> scopes(Subject subject, Action action, ResourceType type, Optional<String> district,
                              Instant now) {
        return giving(subject, action, district, now).map(Grant::scope).toList();
    }

    /** The earliest end of the grants {@link #scopes} gives scopes for. */
    @Override
    public Optional<Instant> scopesEndAt(Subject subject, Action action, ResourceType type, Optional<String> district,
                                         Instant now) {
        return giving(subject, action, district, now).map(g -> g.validUntil().toInstant()).min(Comparator.naturalOrder());
    }

    private java.util.stream.Stream<Grant> giving(Subject subject, Action action, Optional<String> district,
                                                  Instant now) {
        return grants.stream()
                .filter(g -> g.gives(subject, action, now))
                .filter(g -> district.isEmpty() || district.get().equals(g.district()));
    }
}
