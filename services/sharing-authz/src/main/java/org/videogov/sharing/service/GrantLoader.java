package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import org.videogov.sharing.domain.grant.GrantSource;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.Subject;
import org.videogov.sharing.repository.GrantRepository;

/**
 * Loads, for the {@link PolicyDecisionPoint}, the grants that may allow the subject something at {@code now}
 * in one indexed query ({@link GrantRepository#activeFor}), as a {@link GrantSource}. A service account
 * acting for no user is the grantee of nothing (no query). A failed query fails the decision (fail closed).
 */
@ApplicationScoped
public class GrantLoader implements PolicySourceLoader {

    @Inject
    GrantRepository grants;

    @Override
    public Uni<PolicySource> load(Subject subject, Instant now) {
        if (subject.serviceAccount()) {
            return Uni.createFrom().item(GrantSource::none);
        }
        return grants.activeFor(subject, now.atOffset(ZoneOffset.UTC)).map(found -> (PolicySource) new GrantSource(found));
    }
}
