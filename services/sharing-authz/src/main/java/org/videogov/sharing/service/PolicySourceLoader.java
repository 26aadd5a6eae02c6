package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.Subject;

/**
 * Loads, for one subject at one instant, what a {@link PolicySource} needs (the grants whose grantee
 * the subject is, the active emergencies), before the {@link PolicyDecisionPoint} decides. Every CDI
 * bean of this type is asked on every call; a failure fails the call (fail closed).
 */
public interface PolicySourceLoader {

    Uni<PolicySource> load(Subject subject, Instant now);
}
