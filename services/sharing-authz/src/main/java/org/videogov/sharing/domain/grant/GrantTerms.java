package org.videogov.sharing.domain.grant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.videogov.common.identity.Roles;
import org.videogov.common.problem.ProblemException;
import org.videogov.sharing.domain.policy.Action;

/**
 * The terms a grant is requested with, checked (Article 4: a lawful use is stated and bounded): the
 * grantee's value fits its kind, the listed cameras are the district's (a GB/T 28181 ID begins with the
 * code of the district that registers it), the actions are known, and the window has an end after its
 * start, in the future, at most the configured maximum after the start. A bad term is a 400 naming the
 * field.
 */
public record GrantTerms(Grantee grantee, String district, Set<UUID> siteIds, Set<String> cameraGbIds,
                         int maxSecurityLevel, Set<Action> actions, String purpose, String caseNumber,
                         OffsetDateTime validFrom, OffsetDateTime validUntil) {

    /** The most sites, and the most cameras, one grant lists. */
    public static final int MAX_LISTED = 1_000;

    /** The realm roles a ROLE grant may name. */
    public static final Set<String> GRANTABLE_ROLES = Set.of(Roles.CITY_ADMIN, Roles.DISTRICT_ADMIN,
            Roles.DISTRICT_OPERATOR, Roles.PARTNER, Roles.EMERGENCY_COMMANDER, Roles.AUDITOR);

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern GB_ID = Pattern.compile("\\d{20}");

    public GrantTerms {
        siteIds = Set.copyOf(siteIds);
        cameraGbIds = Set.copyOf(cameraGbIds);
        actions = Set.copyOf(actions);
    }

    /**
     * Checks raw terms. {@code validFrom} null: from {@code now}. Lists may repeat an entry (kept once).
     *
     * @throws ProblemException 400 naming the first bad field
     */
    public static GrantTerms check(GranteeKind kind, String granteeValue, String district, List<UUID> siteIds,
                                   List<String> cameraGbIds, int maxSecurityLevel, List<String> actions,
                                   String purpose, String caseNumber, OffsetDateTime validFrom,
                                   OffsetDateTime validUntil, OffsetDateTime now, Duration maxValidity) {
        String value = granteeValue.strip();
        switch (kind) {
            case DISTRICT -> {
                if (!DISTRICT.matcher(value).matches()) {
                    throw ProblemException.badRequest("grantee.value", "a DISTRICT grantee is a six-digit GB/T 2260 code");
                }
                if (value.equals(district)) {
                    throw ProblemException.badRequest("grantee.value", "district " + district
                            + "'s own staff need no grant for its video");
                }
            }
            case ROLE -> {
                if (!GRANTABLE_ROLES.contains(value)) {
                    throw ProblemException.badRequest("grantee.value", "a ROLE grantee is one of "
                            + GRANTABLE_ROLES.stream().sorted().toList());
                }
            }
            case DEPARTMENT, USER -> {
                if (value.isEmpty()) {
                    throw ProblemException.badRequest("grantee.value", "must not be blank");
                }
            }
        }
        Set<String> cameras = new LinkedHashSet<>();
        for (int i = 0; i < cameraGbIds.size(); i++) {
            String id = cameraGbIds.get(i);
            if (!GB_ID.matcher(id).matches() || !id.startsWith(district)) {
                throw ProblemException.badRequest("cameraGbIds[" + i + "]", "must be the 20-digit GB/T 28181 ID of a "
                        + "camera of district " + district + " (it begins with the district's code)");
            }
            cameras.add(id);
        }
        Set<Action> granted = EnumSet.noneOf(Action.class);
        for (int i = 0; i < actions.size(); i++) {
            String name = actions.get(i);
            Optional<Action> action = Action.fromWireName(name);
            if (action.isEmpty()) {
                throw ProblemException.badRequest("actions[" + i + "]", "must be one of "
                        + java.util.Arrays.stream(Action.values()).map(Action::wireName).toList());
            }
            granted.add(action.get());
        }
        if (granted.isEmpty()) {
            throw ProblemException.badRequest("actions", "a grant gives at least one action");
        }
        if (purpose.isBlank()) {
            throw ProblemException.badRequest("purpose", "must not be blank", GrantRules.ARTICLE_4);
        }
        if (caseNumber.isBlank()) {
            throw ProblemException.badRequest("caseNumber", "must not be blank", GrantRules.ARTICLE_4);
        }
        // Stored as timestamptz (microseconds, read back in UTC): kept so, so that a read-back equals it.
        OffsetDateTime from = micros(validFrom == null ? now : validFrom);
        OffsetDateTime until = micros(validUntil);
        if (!until.isAfter(from)) {
            throw ProblemException.badRequest("validUntil", "must be after validFrom");
        }
        if (!until.isAfter(now)) {
            throw ProblemException.badRequest("validUntil", "must be in the future");
        }
        if (Duration.between(from, until).compareTo(maxValidity) > 0) {
            throw ProblemException.badRequest("validUntil", "must be at most " + maxValidity + " after validFrom "
                    + "(videogov.sharing-authz.grants.max-validity)", GrantRules.ARTICLE_4);
        }
        return new GrantTerms(new Grantee(kind, value), district, new LinkedHashSet<>(siteIds), cameras,
                maxSecurityLevel, granted, purpose.strip(), caseNumber.strip(), from, until);
    }

    private static OffsetDateTime micros(OffsetDateTime time) {
        return time.withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The requested grant: not approved, not revoked. */
    public Grant request(UUID id, String requestedBy, OffsetDateTime requestedAt) {
        return new Grant(id, grantee, district, siteIds, cameraGbIds, maxSecurityLevel, actions, purpose, caseNumber,
                validFrom, validUntil, requestedBy, requestedAt, Optional.empty(), Optional.empty());
    }
}
