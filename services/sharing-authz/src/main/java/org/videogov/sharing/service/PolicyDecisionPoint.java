package org.videogov.sharing.service;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
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
 * appended to the {@link DecisionLog} in the order of the checks, in one append (all or none) after
 * all are decided and outside any other transaction. The answer only comes back once every decision is logged: a decision that
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

    /** One part of a lookup's filter: every resource of {@code district}, by a rule (and grant, later). */
    public record Scope(String district, String rule, Optional<String> decidedBy) {
        public Scope {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(decidedBy, "decidedBy");
        }
    }

    /**
     * A lookup's answer: every district, or the union of the scopes (empty: nothing), and how long
     * it may be reused (that of the one decision it rests on, capped like every answer).
     */
    public record Lookup(Subject subject, boolean allDistricts, List<Scope> scopes, Duration cacheFor) {
        public Lookup {
            scopes = List.copyOf(scopes);
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
            return log.appendAll(records).replaceWith(new Answer(verified.subject(), decisions));
        });
    }

    /**
     * Which resources the subject may perform {@code action} on, in {@code district} or (empty) in
     * every district, derived from the {@link DefaultPolicy} by asking it one question, which is
     * appended to the log (one entry per lookup) before the answer is given:
     * <ul>
     * <li>with a district: the decision on that whole district; an ALLOW is one scope for it;</li>
     * <li>without: the decision on every district ({@link DefaultPolicy#decideEveryDistrict},
     *     logged without a resource district); an ALLOW is {@code allDistricts}. When it denies and
     *     the subject has a district, the decision on the subject's own district is asked and logged
     *     instead; an ALLOW is one scope for it.</li>
     * </ul>
     * A DENY is no scope. The subject token is verified as for {@link #check}.
     */
    public Uni<Lookup> lookup(ServiceCaller caller, String subjectToken, String action, Optional<String> district) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(district, "district");
        return subject(caller, subjectToken).flatMap(verified -> {
            OffsetDateTime now = Timestamps.now();
            Subject subject = verified.subject();
            Optional<String> asked = district;
            Decision every = null;
            if (asked.isEmpty()) {
                every = Action.fromWireName(action)
                        .map(a -> policy.decideEveryDistrict(subject, a, now.toInstant()))
                        .orElseGet(DefaultPolicy::unknownAction);
                if (!every.allowed() && subject.district().isPresent()) {
                    asked = subject.district();
                }
            }
            Lookup answer;
            LoggedResource logged;
            Decision decision;
            if (asked.isPresent()) {
                Check check = new Check(action, Resource.district(asked.get(), Resource.UNKNOWN_LEVEL));
                decision = capped(decide(subject, check, now.toInstant()), verified, now.toInstant());
                List<Scope> scopes = decision.allowed()
                        ? List.of(new Scope(asked.get(), decision.rule(), decision.decidedBy())) : List.of();
                answer = new Lookup(subject, false, scopes, decision.cacheFor());
                logged = LoggedResource.district(asked.get());
            } else {
                decision = capped(every, verified, now.toInstant());
                answer = new Lookup(subject, decision.allowed(), List.of(), decision.cacheFor());
                logged = LoggedResource.district(null);
            }
            return log.append(record(now, subject, action, logged, decision)).replaceWith(answer);
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
        return record(at, subject, check.action(), resource, decision);
    }

    private static DecisionRecord record(OffsetDateTime at, Subject subject, String action, LoggedResource resource,
                                         Decision decision) {
        return new DecisionRecord(at, subject.userId(), subject.district().orElse(null), List.copyOf(subject.roles()),
                subject.department().orElse(null), action, resource,
                decision.allowed() ? org.videogov.sharing.domain.log.Decision.ALLOW
                        : org.videogov.sharing.domain.log.Decision.DENY,
                decision.rule(), null, null);
    }
}
