package org.videogov.sharing.service;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.identity.VerifiedTokenCache;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.common.time.Timestamps;
import org.videogov.sharing.domain.log.DecisionRecord;
import org.videogov.sharing.domain.log.LoggedResource;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.DefaultPolicy;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.PolicyEngine;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.ResourceType;
import org.videogov.sharing.domain.policy.Rules;
import org.videogov.sharing.domain.policy.Scope;
import org.videogov.sharing.domain.policy.Subject;

/**
 * The policy decision point's use case (issue #9): a service asks whether the person whose access
 * token it forwards may act on resources. The subject is read from that token, which this service
 * verifies itself with Quarkus OIDC (signature, issuer, audience, lifetime) once and then remembers
 * until it expires ({@link VerifiedTokenCache}); an empty token means the service acts for no user. Each check is decided by the {@link DefaultPolicy} and every decision is
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

    private final PolicyEngine engine = new PolicyEngine(new DefaultPolicy());

    @Inject
    @Any
    Instance<PolicySourceLoader> loaders;

    @Inject
    TenantIdentityProvider identities;

    @Inject
    VerifiedTokenCache tokens;

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
            // Grants and emergencies are loaded only when a check needs them: the default policy's ALLOW
            // (district staff on their own district, city IT) and its final denials decide without them.
            boolean needed = checks.stream().anyMatch(c -> engine.needsSources(verified.subject(),
                    Action.fromWireName(c.action()), c.resource(), now.toInstant()));
            Uni<List<PolicySource>> loaded = needed ? sources(verified.subject(), now.toInstant())
                    : Uni.createFrom().item(List.of());
            return loaded.flatMap(sources -> {
            List<Decision> decisions = new ArrayList<>(checks.size());
            List<DecisionRecord> records = new ArrayList<>(checks.size());
            for (Check check : checks) {
                Decision decision = capped(engine.decide(verified.subject(), Action.fromWireName(check.action()),
                        check.resource(), now.toInstant(), sources), verified, now.toInstant());
                decisions.add(decision);
                records.add(record(now, verified.subject(), check, decision));
            }
            return log.appendAll(records).replaceWith(new Answer(verified.subject(), decisions));
            });
        });
    }

    /**
     * Which resources of {@code type} the subject may perform {@code action} on, in {@code district}
     * or (empty) in every district: {@link PolicyEngine#lookup}. Logged before the answer is given:
     * one entry for the default policy's decision the answer rests on (the district asked, or the
     * subject's own, or no district for every district), and one ALLOW entry per scope a grant or an
     * emergency adds. The subject token is verified as for {@link #check}.
     */
    public Uni<Lookup> lookup(ServiceCaller caller, String subjectToken, String action, ResourceType type,
                              Optional<String> district) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(district, "district");
        return subject(caller, subjectToken).flatMap(verified -> {
            OffsetDateTime now = Timestamps.now();
            Subject subject = verified.subject();
            return sources(subject, now.toInstant()).flatMap(sources -> {
                PolicyEngine.Lookup found = engine.lookup(subject, Action.fromWireName(action), type, district,
                        now.toInstant(), sources);
                Decision basis = capped(found.basis(), verified, now.toInstant());
                Optional<String> basisDistrict = found.allDistricts() ? Optional.empty()
                        : district.or(subject::district);
                List<DecisionRecord> records = new ArrayList<>();
                records.add(record(now, subject, action, LoggedResource.district(basisDistrict.orElse(null)), basis));
                for (Scope scope : found.scopes()) {
                    if (scope.decidedBy().isPresent()) {
                        records.add(record(now, subject, action, LoggedResource.district(scope.district()),
                                new Decision(Decision.Effect.ALLOW, scope.rule(), scope.decidedBy(),
                                        found.cacheFor())));
                    }
                }
                Duration cacheFor = capped(new Decision(Decision.Effect.ALLOW, basis.rule(), Optional.empty(),
                        found.cacheFor()), verified, now.toInstant()).cacheFor();
                Lookup answer = new Lookup(subject, found.allDistricts(), found.scopes(), cacheFor);
                return log.appendAll(records).replaceWith(answer);
            });
        });
    }

    /** What every {@link PolicySourceLoader} loaded for the subject at {@code now}, in a stable order. */
    private Uni<List<PolicySource>> sources(Subject subject, Instant now) {
        List<Uni<PolicySource>> loads = new ArrayList<>();
        for (PolicySourceLoader loader : loaders) {
            loads.add(loader.load(subject, now));
        }
        if (loads.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(loads).andFailFast();
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
        // Verified once, then remembered until it expires (the same cache as the call's own token).
        return tokens.verifiedOnce(subjectToken, () -> identities.authenticate(new AccessTokenCredential(subjectToken)))
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
        Optional<String> district = person.district().filter(d -> d.matches("\\d{6}"));
        if (person.district().isPresent() && district.isEmpty()) {
            // A district claim that is not a GB/T 2260 code: the token is malformed, and its roles are not
            // trusted. Keeping them would widen access — an emergency-commander without a usable district
            // would be taken for the municipal command (Article 13) — so the subject has no role at all
            // (default.deny.no-role; only a grant to the user itself may allow). Fail closed.
            return new VerifiedSubject(Subject.user(person.userId(), java.util.Set.of(), Optional.empty(),
                    person.department()), expires);
        }
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
                decision.rule(), decidedBy(decision, Rules.GRANT_PREFIX), decidedBy(decision, Rules.EMERGENCY_PREFIX));
    }

    /** The grant (rule {@code grant.*}) or emergency (rule {@code emergency.*}) a decision names, else null. */
    private static UUID decidedBy(Decision decision, String rulePrefix) {
        return decision.rule().startsWith(rulePrefix) ? decision.decidedBy().map(UUID::fromString).orElse(null) : null;
    }
}
