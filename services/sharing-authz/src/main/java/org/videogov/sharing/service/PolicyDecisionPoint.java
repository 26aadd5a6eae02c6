package org.videogov.sharing.service;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.common.time.Timestamps;
import org.videogov.sharing.domain.log.DecisionRecord;
import org.videogov.sharing.domain.log.LoggedResource;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.DefaultPolicy;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.Subject;

/**
 * The policy decision point's use case (issue #9): a service asks whether the person whose access
 * token it forwards may act on resources. The subject is read from that token, which this service
 * verifies itself with Quarkus OIDC (signature, issuer, audience, lifetime); an empty token means the
 * service acts for no user. Each check is decided by the {@link DefaultPolicy} and every decision is
 * appended to the {@link DecisionLog}, in the order of the checks, after all are decided and outside
 * any other transaction. The answer only comes back once every decision is logged: a decision that
 * could not be logged is never given (fail closed).
 */
@ApplicationScoped
public class PolicyDecisionPoint {

    /** One question: an action by the name the caller sent, on a resource. */
    public record Check(String action, Resource resource) {
        public Check {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** Whom the checks were about, and one decision per check in their order. */
    public record Answer(Subject subject, List<Decision> decisions) {
        public Answer {
            decisions = List.copyOf(decisions);
        }
    }

    /** The verified subject and when its token expires (empty: no subject token). */
    private record VerifiedSubject(Subject subject, Optional<Instant> expiresAt) {
    }

    private final DefaultPolicy policy = new DefaultPolicy();

    @Inject
    TenantIdentityProvider identities;

    @Inject
    DecisionLog log;

    /**
     * Decides every check for the subject of {@code subjectToken} (empty: the calling service acts
     * for no user), logs each decision and returns them in order.
     *
     * @return a failed Uni with a 401 problem when the subject token is not a valid access token,
     *         503 when the identity provider cannot be reached to verify it
     */
    public Uni<Answer> check(ServiceCaller caller, String subjectToken, List<Check> checks) {
        Objects.requireNonNull(caller, "caller");
        return subject(caller, subjectToken).flatMap(verified -> {
            OffsetDateTime now = Timestamps.now();
            List<Decision> decisions = new ArrayList<>(checks.size());
            List<DecisionRecord> records = new ArrayList<>(checks.size());
            for (Check check : checks) {
                Decision decision = capped(decide(verified.subject(), check, now.toInstant()), verified, now.toInstant());
                decisions.add(decision);
                records.add(record(now, verified.subject(), check, decision));
            }
            return Multi.createFrom().iterable(records)
                    .onItem().transformToUniAndConcatenate(log::append)
                    .collect().asList()
                    .replaceWith(new Answer(verified.subject(), decisions));
        });
    }

    private Decision decide(Subject subject, Check check, Instant now) {
        return Action.fromWireName(check.action())
                .map(action -> policy.decide(subject, action, check.resource(), now))
                .orElseGet(DefaultPolicy::unknownAction);
    }

    /** An answer is never reused beyond the subject token's remaining lifetime. */
    private static Decision capped(Decision decision, VerifiedSubject subject, Instant now) {
        if (subject.expiresAt().isEmpty()) {
            return decision;
        }
        Duration left = Duration.between(now, subject.expiresAt().get());
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        if (decision.cacheFor().compareTo(left) <= 0) {
            return decision;
        }
        return new Decision(decision.effect(), decision.rule(), decision.decidedBy(), left);
    }

    private Uni<VerifiedSubject> subject(ServiceCaller caller, String subjectToken) {
        if (subjectToken == null || subjectToken.isEmpty()) {
            return Uni.createFrom().item(new VerifiedSubject(Subject.service(caller.clientId(), caller.roles()),
                    Optional.empty()));
        }
        return identities.authenticate(new AccessTokenCredential(subjectToken))
                .onFailure().transform(PolicyDecisionPoint::verificationFailure)
                .map(PolicyDecisionPoint::subject);
    }

    private static VerifiedSubject subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw invalidToken();
        }
        Optional<Instant> expires = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime())) : Optional.empty();
        Optional<ServiceCaller> service = ServiceCaller.serviceAccount(identity);
        if (service.isPresent()) {
            // Another service's own token as the subject: a service account acting for no user.
            return new VerifiedSubject(Subject.service(service.get().clientId(), service.get().roles()), expires);
        }
        Caller person = CurrentCaller.from(identity);
        // A district claim that is not a GB/T 2260 code binds its holder to no district (denied, fail closed).
        Optional<String> district = person.district().filter(d -> d.matches("\\d{6}"));
        return new VerifiedSubject(Subject.user(person.userId(), person.roles(), district, person.department()),
                expires);
    }

    private static RuntimeException verificationFailure(Throwable failure) {
        if (failure instanceof OIDCException || failure.getCause() instanceof OIDCException) {
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The identity provider cannot be reached "
                    + "to verify subject_token; access is denied until it is back");
        }
        return invalidToken();
    }

    private static ProblemException invalidToken() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "subject_token is not a valid access token");
    }

    private static DecisionRecord record(OffsetDateTime at, Subject subject, Check check, Decision decision) {
        Resource r = check.resource();
        LoggedResource resource = new LoggedResource(r.district(), r.siteId().orElse(null),
                r.cameraGbId().orElse(null),
                r.securityLevel() == Resource.UNKNOWN_LEVEL ? null : r.securityLevel());
        return new DecisionRecord(at, subject.userId(), subject.district().orElse(null), List.copyOf(subject.roles()),
                subject.department().orElse(null), check.action(), resource,
                decision.allowed() ? org.videogov.sharing.domain.log.Decision.ALLOW
                        : org.videogov.sharing.domain.log.Decision.DENY,
                decision.rule(), null, null);
    }
}
