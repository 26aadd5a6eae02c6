package org.videogov.common.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.proto.authz.v1.Action;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.Decision;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.LookupResourcesRequest;
import org.videogov.proto.authz.v1.LookupResourcesResponse;
import org.videogov.proto.authz.v1.Resource;
import org.videogov.proto.authz.v1.ResourceScope;
import org.videogov.proto.authz.v1.ResourceType;
import org.videogov.proto.common.v1.DistrictCode;

/**
 * The one way a service asks sharing-authz, the policy decision point (Articles 4, 5 and 13), whether
 * the person behind the current request may act on a resource ({@link #check}, {@link #require}) and
 * which resources a list may show ({@link #lookup}).
 *
 * <p>The subject is the current request's verified identity: its raw access token is forwarded as
 * {@code subject_token}, which sharing-authz verifies itself; the call is authenticated as this
 * service ({@link SharingAuthzCalls}).
 *
 * <p><b>Fails closed.</b> When sharing-authz cannot answer (down, timed out, open circuit, an answer
 * without an effect), the protected request is refused with a 503 problem before anything is read or
 * changed. A subject token sharing-authz does not accept is 401.
 *
 * <p><b>Cache.</b> An ALLOW is reused only for the {@code cache_for} sharing-authz returned (at most
 * {@code videogov.authz.max-cache-for}), keyed by every input that can change the answer: the
 * subject's user id, realm roles, district and department, the action, and the resource's district,
 * site, camera and security level. A DENY, and any answer with {@code cache_for} zero, is never
 * reused. Lookups are cached the same way by subject, action, resource type and district. Counted
 * in {@code videogov_authz_answers_total{call,source}} (source {@code cache} or {@code sharing-authz}).
 *
 * <p><b>Refreshed ahead.</b> A cached answer used after {@code videogov.authz.refresh-ahead} of its
 * {@code cache_for} (default 0.8) is still served, and the same question is asked again in the
 * background with the current request's token, once at a time per answer: a resource in use keeps
 * an answer in hand, and no request waits for sharing-authz at its expiry. The answer is never
 * served past the {@code cache_for} it came with: the refreshed answer replaces it only while it is
 * still cached (an ALLOW with its own {@code cache_for}; a DENY removes it), so a revoked grant or
 * an ended emergency is refused as soon as before, and an answer that arrives after its entry expired
 * or was replaced is dropped. A refresh that fails leaves the answer to expire (then fail closed).
 * Counted in {@code videogov_authz_refreshes_total{call,outcome}} (outcome {@code renewed}, {@code removed},
 * {@code dropped} or {@code failed}).
 */
@ApplicationScoped
public class AuthorizationClient {

    private static final Logger LOG = Logger.getLogger(AuthorizationClient.class);

    @Inject
    SharingAuthzCalls calls;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    AuthorizationConfig config;

    @Inject
    MeterRegistry metrics;

    /** The clock of the cache's expiry and of refresh-ahead (a test's own clock in unit tests). */
    Ticker ticker = Ticker.systemTicker();

    private Cache<Object, Timed<?>> answers;

    /** Everything about the subject that can change an answer. */
    record SubjectKey(String userId, Set<String> roles, Optional<String> district, Optional<String> department) {
        static SubjectKey of(Caller caller) {
            return new SubjectKey(caller.userId(), Set.copyOf(caller.roles()), caller.district(), caller.department());
        }
    }

    record CheckKey(SubjectKey subject, String action, AuthzResource resource) {
    }

    record LookupKey(SubjectKey subject, String action, String type, Optional<String> district) {
    }

    /**
     * A cached answer, how long it may be reused from when it was stored ({@link #ticker}'s time), and
     * whether a refresh of it is under way.
     */
    record Timed<T>(T value, Duration cacheFor, long storedAt, AtomicBoolean refreshing) {
        /** Whether {@code share} of its reuse time has passed at {@code now}. */
        boolean due(double share, long now) {
            return now - storedAt >= (long) (cacheFor.toNanos() * share);
        }
    }

    @PostConstruct
    void init() {
        if (!(config.refreshAhead() > 0 && config.refreshAhead() <= 1)) {
            throw new IllegalStateException("videogov.authz.refresh-ahead must be above 0 and at most 1 (1: off), not "
                    + config.refreshAhead());
        }
        answers = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(config.cacheSize())
                .expireAfter(new Expiry<Object, Timed<?>>() {
                    @Override
                    public long expireAfterCreate(Object key, Timed<?> value, long currentTime) {
                        return value.cacheFor().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Object key, Timed<?> value, long currentTime, long currentDuration) {
                        return value.cacheFor().toNanos();
                    }

                    @Override
                    public long expireAfterRead(Object key, Timed<?> value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** May the current request's subject perform {@code action} on {@code resource}, now? */
    public Uni<AuthzDecision> check(String action, AuthzResource resource) {
        return subject().flatMap(subject -> {
            CheckKey key = new CheckKey(SubjectKey.of(subject.caller()), action, resource);
            // Built only when sharing-authz is asked (a miss or a refresh), not for every answer from the cache.
            Supplier<CheckRequest> request = () -> CheckRequest.newBuilder()
                    .setSubjectToken(subject.token())
                    .setAction(Action.newBuilder().setName(action))
                    .setResource(resource(resource))
                    .build();
            Timed<?> timed = answers.getIfPresent(key);
            if (timed != null) {
                count("check", "cache");
                refreshIfDue(key, timed, "check", () -> calls.check(request.get()).map(response -> {
                    AuthzDecision decision = decision(response.getDecision());
                    return new Answer(decision, decision.allowed() ? decision.cacheFor() : Duration.ZERO);
                }));
                return Uni.createFrom().item(AuthzDecision.class.cast(timed.value()));
            }
            return guarded(calls.check(request.get()), "check").map(response -> {
                AuthzDecision decision = decision(response.getDecision());
                if (decision.allowed()) {
                    remember(key, decision, decision.cacheFor());
                }
                return decision;
            });
        });
    }

    /**
     * As {@link #check}, failing with {@code denied}'s problem when the answer is DENY (a service
     * chooses what a denial looks like: another district's resource is "not found", a refused
     * write "forbidden").
     */
    public Uni<Void> require(String action, AuthzResource resource,
                             Function<AuthzDecision, ProblemException> denied) {
        return check(action, resource).map(decision -> {
            if (!decision.allowed()) {
                throw denied.apply(decision);
            }
            return null;
        });
    }

    /**
     * Which resources of {@code type} the current subject may perform {@code action} on, in
     * {@code district} (empty: every district), as a filter for a list query.
     */
    public Uni<Visibility> lookup(String action, ResourceType type, Optional<String> district) {
        return subject().flatMap(subject -> {
            LookupKey key = new LookupKey(SubjectKey.of(subject.caller()), action, type.name(), district);
            Supplier<LookupResourcesRequest> request = () -> LookupResourcesRequest.newBuilder()
                    .setSubjectToken(subject.token())
                    .setAction(Action.newBuilder().setName(action))
                    .setResourceType(type)
                    .setDistrict(DistrictCode.newBuilder().setCode(district.orElse("")))
                    .build();
            Timed<?> timed = answers.getIfPresent(key);
            if (timed != null) {
                count("lookup", "cache");
                refreshIfDue(key, timed, "lookup", () -> calls.lookup(request.get()).map(response -> {
                    Visibility visibility = visibility(response);
                    return new Answer(visibility, visibility.none() ? Duration.ZERO : duration(response.getCacheFor()));
                }));
                return Uni.createFrom().item(Visibility.class.cast(timed.value()));
            }
            return guarded(calls.lookup(request.get()), "lookup").map(response -> {
                Visibility visibility = visibility(response);
                if (!visibility.none()) {
                    remember(key, visibility, duration(response.getCacheFor()));
                }
                return visibility;
            });
        });
    }

    /**
     * What a list may show: {@link #lookup} for every district, narrowed to {@code district} when the
     * request names one (a request narrows, never widens). A subject who may act on nothing of this
     * type at all is refused with {@code nothing}'s problem (a 403, as the tenancy rule answered).
     */
    public Uni<Visibility> readable(String action, ResourceType type, Optional<String> district,
                                    Supplier<ProblemException> nothing) {
        return lookup(action, type, Optional.empty()).map(visibility -> {
            if (visibility.none()) {
                throw nothing.get();
            }
            return visibility.narrowedTo(district);
        });
    }

    /** Forgets every cached answer (tests that change what sharing-authz would answer). */
    public void forgetAll() {
        answers.invalidateAll();
    }

    private record CurrentSubject(Caller caller, String token) {
    }

    private Uni<CurrentSubject> subject() {
        return identity.getDeferredIdentity().map(id -> new CurrentSubject(CurrentCaller.from(id), rawToken(id)));
    }

    private static String rawToken(SecurityIdentity id) {
        if (id != null && !id.isAnonymous() && id.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            return jwt.getRawToken();
        }
        return "";
    }

    private <T> Uni<T> guarded(Uni<T> call, String name) {
        return call.invoke(answer -> count(name, "sharing-authz")).onFailure().transform(failure -> {
            if (failure instanceof ProblemException) {
                return failure;
            }
            if (failure instanceof SharingAuthzCalls.SubjectRefused) {
                return new ProblemException(ProblemType.UNAUTHORIZED, "The access token was not accepted by the "
                        + "authorization service");
            }
            if (failure instanceof CircuitBreakerOpenException) {
                LOG.debugf("sharing-authz's circuit is open; a %s is refused (fail closed)", name);
            } else {
                LOG.warnf("sharing-authz could not answer a %s; the request is refused (fail closed): %s", name,
                        failure.toString());
            }
            return unavailable();
        });
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The authorization service (sharing-authz) "
                + "cannot answer whether this request is allowed, so it is refused and nothing was read or "
                + "changed. Retry later.");
    }

    private void remember(Object key, Object value, Duration cacheFor) {
        Timed<?> kept = kept(value, cacheFor);
        if (kept != null) {
            answers.put(key, kept);
        }
    }

    /** The answer as cached, its reuse capped at videogov.authz.max-cache-for; null when it may not be reused. */
    private Timed<?> kept(Object value, Duration cacheFor) {
        Duration kept = cacheFor.compareTo(config.maxCacheFor()) > 0 ? config.maxCacheFor() : cacheFor;
        return kept.isNegative() || kept.isZero() ? null : new Timed<>(value, kept, ticker.read(), new AtomicBoolean());
    }

    /**
     * Asks again in the background when {@code timed} is due (see the class comment) and no refresh of it is
     * under way. The fresh answer replaces {@code timed} only while {@code timed} is still the cached one (not
     * expired, not replaced); an answer that may not be reused removes it.
     */
    /** A refresh's answer and the cache_for it came with (zero: not to be reused). */
    private record Answer(Object value, Duration cacheFor) {
    }

    private void refreshIfDue(Object key, Timed<?> timed, String call, Supplier<Uni<Answer>> ask) {
        if (config.refreshAhead() >= 1 || !timed.due(config.refreshAhead(), ticker.read())
                || !timed.refreshing().compareAndSet(false, true)) {
            return;
        }
        Uni<Answer> asked;
        try {
            asked = ask.get();
        } catch (RuntimeException e) {
            refreshFailed(timed, call, e);
            return;
        }
        asked.subscribe().with(fresh -> {
            Timed<?> kept = kept(fresh.value(), fresh.cacheFor());
            boolean[] replaced = {false};
            answers.asMap().computeIfPresent(key, (k, current) -> {
                if (current != timed) {
                    return current;
                }
                replaced[0] = true;
                return kept;
            });
            refreshes(call, !replaced[0] ? "dropped" : kept == null ? "removed" : "renewed");
        }, failure -> refreshFailed(timed, call, failure));
    }

    private void refreshFailed(Timed<?> timed, String call, Throwable failure) {
        // The answer in hand expires as it would have; a later use may try again (the circuit breaker keeps
        // that cheap while sharing-authz is away).
        timed.refreshing().set(false);
        refreshes(call, "failed");
        LOG.debugf("A %s refreshed ahead of its expiry got no answer from sharing-authz: %s", call, failure.toString());
    }

    private void refreshes(String call, String outcome) {
        metrics.counter("videogov.authz.refreshes", "call", call, "outcome", outcome).increment();
    }

    private void count(String call, String source) {
        metrics.counter("videogov.authz.answers", "call", call, "source", source).increment();
    }

    private static Resource resource(AuthzResource r) {
        return Resource.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(r.district()))
                .setSiteId(r.siteId().map(UUID::toString).orElse(""))
                .setCameraGbId(r.cameraGbId().orElse(""))
                .setSecurityLevel(r.securityLevel())
                .build();
    }

    private static AuthzDecision decision(Decision d) {
        if (d.getEffect() != Effect.ALLOW && d.getEffect() != Effect.DENY) {
            // An answer without an effect is no answer (fail closed).
            LOG.warnf("sharing-authz answered a check without an effect (rule %s); refused", d.getRule());
            throw unavailable();
        }
        return new AuthzDecision(d.getEffect() == Effect.ALLOW, d.getRule(), d.getDecidedBy(), duration(d.getCacheFor()));
    }

    private static Visibility visibility(LookupResourcesResponse response) {
        List<Visibility.Scope> scopes = response.getScopesList().stream().map(AuthorizationClient::scope).toList();
        return new Visibility(response.getAllDistricts(), scopes);
    }

    private static Visibility.Scope scope(ResourceScope s) {
        Set<UUID> sites = new HashSet<>();
        for (String id : s.getSiteIdsList()) {
            sites.add(UUID.fromString(id));
        }
        return new Visibility.Scope(s.getDistrict().getCode(), sites, Set.copyOf(s.getCameraGbIdsList()),
                s.getMaxSecurityLevel());
    }

    private static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }
}
