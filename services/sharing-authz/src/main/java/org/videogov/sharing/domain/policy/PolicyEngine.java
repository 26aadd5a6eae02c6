package org.videogov.sharing.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole policy: the {@link DefaultPolicy}, then the {@link PolicySource}s (grants, emergencies)
 * for what it denies with an {@linkplain Rules#overridable overridable} rule. Pure: the sources hold
 * what was loaded for the subject at {@code now}.
 */
public final class PolicyEngine {

    /**
     * The longest an answer resting on a grant or an emergency may be reused: an expired grant, a
     * revocation or an ended emergency must deny within a second (issue #9).
     */
    public static final Duration SOURCE_CACHE_LIMIT = Duration.ofSeconds(1);

    /**
     * A lookup's answer: every district ({@code allDistricts}), or the union of {@code scopes}; the
     * default policy's decision it rests on ({@code basis}, for the log) and how long it may be reused.
     */
    public record Lookup(boolean allDistricts, List<Scope> scopes, Decision basis, Duration cacheFor) {
        public Lookup {
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(cacheFor, "cacheFor");
        }
    }

    private final DefaultPolicy defaults;

    public PolicyEngine(DefaultPolicy defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /**
     * Whether {@link #decide} would ask the sources for this question: only when the default policy
     * denies with an overridable rule. Otherwise the sources need not be loaded.
     */
    public boolean needsSources(Subject subject, Optional<Action> action, Resource resource, Instant now) {
        if (action.isEmpty()) {
            return false;
        }
        Decision decision = defaults.decide(subject, action.get(), resource, now);
        return !decision.allowed() && Rules.overridable(decision.rule());
    }

    /** {@code action} empty: a name sharing-authz does not know (denied, nothing overrides it). */
    public Decision decide(Subject subject, Optional<Action> action, Resource resource, Instant now,
                           List<PolicySource> sources) {
        if (action.isEmpty()) {
            return DefaultPolicy.unknownAction();
        }
        Decision decision = defaults.decide(subject, action.get(), resource, now);
        if (decision.allowed() || !Rules.overridable(decision.rule())) {
            return decision;
        }
        for (PolicySource source : sources) {
            Optional<Decision> allow = source.allow(subject, action.get(), resource, now);
            if (allow.isPresent()) {
                return capped(allow.get());
            }
        }
        return decision;
    }

    /**
     * Which resources of {@code type} the subject may perform the action on, in {@code district} or
     * (empty) in every district. The default policy's part is as before: with a district, its
     * decision on that whole district (ALLOW: one whole-district scope); without, its decision on
     * every district (ALLOW: all districts), else, for a subject with a district, its decision on that
     * district. The sources' scopes are added to a default DENY (a default ALLOW of a whole district
     * already covers them).
     */
    public Lookup lookup(Subject subject, Optional<Action> action, ResourceType type, Optional<String> district,
                         Instant now, List<PolicySource> sources) {
        if (action.isEmpty()) {
            return new Lookup(false, List.of(), DefaultPolicy.unknownAction(), Duration.ZERO);
        }
        Optional<String> asked = district;
        if (asked.isEmpty()) {
            Decision every = defaults.decideEveryDistrict(subject, action.get(), now);
            if (every.allowed()) {
                return new Lookup(true, List.of(), every, every.cacheFor());
            }
            if (subject.district().isEmpty()) {
                return withSources(every, List.of(), subject, action.get(), type, district, now, sources);
            }
            asked = subject.district();
        }
        Decision basis = defaults.decide(subject, action.get(), Resource.district(asked.get(), Resource.UNKNOWN_LEVEL),
                now);
        List<Scope> scopes = new ArrayList<>();
        if (basis.allowed()) {
            scopes.add(Scope.wholeDistrict(asked.get(), basis.rule()));
        }
        if (basis.allowed() && district.isPresent()) {
            return new Lookup(false, scopes, basis, basis.cacheFor());
        }
        return withSources(basis, scopes, subject, action.get(), type, district, now, sources);
    }

    private static Lookup withSources(Decision basis, List<Scope> scopes, Subject subject, Action action,
                                      ResourceType type, Optional<String> district, Instant now,
                                      List<PolicySource> sources) {
        // Without a source's scope, a default ALLOW is reused as the default policy says and a DENY not at
        // all. What rests on a grant or an emergency is reused for at most a second, and never past the end
        // of the grant or emergency that gives a scope.
        Duration cacheFor = basis.allowed() ? basis.cacheFor() : Duration.ZERO;
        boolean sourced = false;
        List<Scope> all = new ArrayList<>(scopes);
        if (basis.allowed() || Rules.overridable(basis.rule())) {
            for (PolicySource source : sources) {
                List<Scope> added = source.scopes(subject, action, type, district, now);
                if (added.isEmpty()) {
                    continue;
                }
                all.addAll(added);
                if (!sourced) {
                    cacheFor = basis.allowed() ? min(cacheFor, SOURCE_CACHE_LIMIT) : SOURCE_CACHE_LIMIT;
                    sourced = true;
                }
                Optional<Instant> end = source.scopesEndAt(subject, action, type, district, now);
                if (end.isPresent()) {
                    Duration left = Duration.between(now, end.get());
                    cacheFor = min(cacheFor, left.isNegative() ? Duration.ZERO : left);
                }
            }
        }
        return new Lookup(false, all, basis, cacheFor);
    }

    private static Decision capped(Decision decision) {
        if (decision.cacheFor().compareTo(SOURCE_CACHE_LIMIT) <= 0) {
            return decision;
        }
        return new Decision(decision.effect(), decision.rule(), decision.decidedBy(), SOURCE_CACHE_LIMIT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
