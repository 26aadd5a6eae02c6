package org.videogov.sharing.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.videogov.common.identity.Roles;

/**
 * The default policy of issue #9, before any grant or emergency: district staff act on their own
 * district within their role, {@code city-admin} on every district, everyone else is denied with a
 * rule that says why. It keeps the meaning of the tenancy rule every service applies today
 * ({@code common.identity.TenantAccess}): district admins and operators read and write their own
 * district. For the actions that rule does not know: both may read recordings and view live video
 * of their district; exporting and holding recordings is for admins (like deleting today).
 * Auditors read the decision log only, so every action here is denied to them.
 *
 * <p>The security level does not change a default answer: a district's own staff and city IT see
 * every level, as today. Levels limit grants and command tiers (Article 13), which come later as
 * {@link PolicySource}s.
 *
 * <p>A subject's roles are considered in this order; the first that applies decides: a service
 * account acting for no user (denied), {@code city-admin}, {@code district-admin} /
 * {@code district-operator}, {@code auditor}, {@code emergency-commander}, {@code partner}, none.
 */
public final class DefaultPolicy {

    /** How long an ALLOW of the default policy may be reused unless configured otherwise. */
    public static final Duration DEFAULT_ALLOW_CACHE = Duration.ofSeconds(60);

    /** The actions a district operator may take on their own district. */
    private static final Set<Action> OPERATOR_ACTIONS = EnumSet.of(Action.SITE_READ, Action.SITE_WRITE,
            Action.CAMERA_READ, Action.CAMERA_WRITE, Action.RECORDING_READ, Action.LIVE_VIEW);

    private final Duration allowCacheFor;

    public DefaultPolicy() {
        this(DEFAULT_ALLOW_CACHE);
    }

    /**
     * @param allowCacheFor how long an ALLOW may be reused: it rests only on the verified token's
     *                      roles and district claim, which do not change while the token lives (the
     *                      gRPC adapter caps it at the token's remaining lifetime)
     */
    public DefaultPolicy(Duration allowCacheFor) {
        Objects.requireNonNull(allowCacheFor, "allowCacheFor");
        if (allowCacheFor.isNegative()) {
            throw new IllegalArgumentException("allowCacheFor must not be negative: " + allowCacheFor);
        }
        this.allowCacheFor = allowCacheFor;
    }

    /**
     * The default answer. {@code now} is unused by the default rules (they hold at every instant);
     * it is part of the signature because grants and emergencies, combined with this later, are
     * windows in time.
     */
    public Decision decide(Subject subject, Action action, Resource resource, Instant now) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        return decide(subject, action, Optional.of(resource.district()), now);
    }

    /**
     * May the subject act on every district's resources (LookupResources without a district)? The
     * same rules as {@link #decide}, asked for no particular district: only a rule that does not
     * depend on the district ({@code city-admin}) allows; district staff are denied
     * ({@code default.deny.other-district}: their own district is not every district).
     */
    public Decision decideEveryDistrict(Subject subject, Action action, Instant now) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(action, "action");
        return decide(subject, action, Optional.empty(), now);
    }

    /** {@code district}: the resource's district, or empty for every district. */
    private Decision decide(Subject subject, Action action, Optional<String> district, Instant now) {
        Objects.requireNonNull(now, "now");
        if (subject.serviceAccount()) {
            return Decision.deny(Rules.DENY_SERVICE_ACCOUNT);
        }
        if (subject.hasRole(Roles.CITY_ADMIN)) {
            return Decision.allow(Rules.CITY_ADMIN, allowCacheFor);
        }
        boolean admin = subject.hasRole(Roles.DISTRICT_ADMIN);
        if (admin || subject.hasRole(Roles.DISTRICT_OPERATOR)) {
            if (subject.district().isEmpty()) {
                return Decision.deny(Rules.DENY_NO_DISTRICT);
            }
            if (!subject.district().equals(district)) {
                return Decision.deny(Rules.DENY_OTHER_DISTRICT);
            }
            if (!admin && !OPERATOR_ACTIONS.contains(action)) {
                return Decision.deny(Rules.DENY_ADMIN_ONLY);
            }
            return Decision.allow(Rules.OWN_DISTRICT, allowCacheFor);
        }
        if (subject.hasRole(Roles.AUDITOR)) {
            return Decision.deny(Rules.DENY_AUDITOR);
        }
        if (subject.hasRole(Roles.EMERGENCY_COMMANDER)) {
            return Decision.deny(Rules.DENY_NO_EMERGENCY);
        }
        if (subject.hasRole(Roles.PARTNER)) {
            return Decision.deny(Rules.DENY_PARTNER);
        }
        return Decision.deny(Rules.DENY_NO_ROLE);
    }

    /**
     * The answer for an action name sharing-authz does not know ({@link Action#fromWireName} is
     * empty): denied, whoever asks.
     */
    public static Decision unknownAction() {
        return Decision.deny(Rules.DENY_UNKNOWN_ACTION);
    }
}
