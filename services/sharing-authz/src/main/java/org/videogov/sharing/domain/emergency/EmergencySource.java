package org.videogov.sharing.domain.emergency;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.PolicyEngine;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.ResourceType;
import org.videogov.sharing.domain.policy.Scope;
import org.videogov.sharing.domain.policy.Subject;

/**
 * Tiered command access (Article 13): while an emergency is active, an {@code emergency-commander} may
 * take the {@link #ACTIONS read actions} on what the emergency covers, municipal command in every district
 * it reaches up to the municipal level, a district's command in its own district up to the district level
 * ({@link CommandTier}, {@link CommandLevels}). Nobody else is allowed by an emergency (partners need
 * grants). The decision names the emergency; the first active emergency (by start, then id) that covers
 * the resource decides.
 *
 * <p>{@link #allow} is defined by {@link #scopes}: a resource is allowed exactly when one of the scopes of
 * its district {@linkplain Scope#covers covers} it.
 */
public final class EmergencySource implements PolicySource {

    /**
     * What command may do under an emergency: find sites and cameras and watch live and recorded video
     * (Article 13: emergency agencies "can access it"). Not writing the inventory, not exporting or holding
     * recordings: taking video out of the system or keeping it beyond retention is disclosure Article 5
     * guards; it needs a grant with a purpose and a case number, or the district's admin.
     */
    public static final Set<Action> ACTIONS = EnumSet.of(Action.SITE_READ, Action.CAMERA_READ,
            Action.RECORDING_READ, Action.LIVE_VIEW);

    private static final Comparator<Emergency> ORDER = Comparator.comparing(Emergency::startsAt)
            .thenComparing(Emergency::id);

    private final List<Emergency> emergencies;
    private final CommandLevels levels;

    /** {@code emergencies}: those loaded for the instant of the decision (only active ones are used). */
    public EmergencySource(List<Emergency> emergencies, CommandLevels levels) {
        this.emergencies = emergencies.stream().sorted(ORDER).toList();
        this.levels = Objects.requireNonNull(levels, "levels");
    }

    /** A source that allows nothing (a subject who is no commander: nothing was loaded). */
    public static EmergencySource none(CommandLevels levels) {
        return new EmergencySource(List.of(), levels);
    }

    @Override
    public Optional<Decision> allow(Subject subject, Action action, Resource resource, Instant now) {
        for (Covered covered : covered(subject, action, Optional.of(resource.district()), now)) {
            if (covered.scope().covers(resource)) {
                return Optional.of(new Decision(Decision.Effect.ALLOW, covered.scope().rule(),
                        covered.scope().decidedBy(), cacheFor(covered.emergency(), now)));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Scope> scopes(Subject subject, Action action, ResourceType type, Optional<String> district,
                              Instant now) {
        return covered(subject, action, district, now).stream().map(Covered::scope).toList();
    }

    /** The earliest end of the active emergencies {@link #scopes} gives scopes for. */
    @Override
    public Optional<Instant> scopesEndAt(Subject subject, Action action, ResourceType type, Optional<String> district,
                                         Instant now) {
        return covered(subject, action, district, now).stream().map(c -> c.emergency().endsAt().toInstant())
                .min(java.util.Comparator.naturalOrder());
    }

    private record Covered(Emergency emergency, Scope scope) {
    }

    /** One scope per active emergency and district the subject's command acts on, in {@code district} or all. */
    private List<Covered> covered(Subject subject, Action action, Optional<String> district, Instant now) {
        if (subject.serviceAccount() || !ACTIONS.contains(action)) {
            return List.of();
        }
        Optional<CommandTier> tier = CommandTier.of(subject.roles(), subject.district());
        if (tier.isEmpty()) {
            return List.of();
        }
        var at = now.atOffset(ZoneOffset.UTC);
        int level = levels.maxLevel(tier.get());
        List<Covered> covered = new ArrayList<>();
        for (Emergency emergency : emergencies) {
            if (!emergency.active(at)) {
                continue;
            }
            for (String d : tier.get().actsOn(emergency.area())) {
                if (district.isEmpty() || district.get().equals(d)) {
                    emergency.area().scope(d, level, tier.get().rule(), emergency.id())
                            .ifPresent(scope -> covered.add(new Covered(emergency, scope)));
                }
            }
        }
        return covered;
    }

    /**
     * At most {@link PolicyEngine#SOURCE_CACHE_LIMIT}, and never past the emergency's end, so that a
     * cached ALLOW does not outlive the emergency.
     */
    private static Duration cacheFor(Emergency emergency, Instant now) {
        Duration left = Duration.between(now, emergency.endsAt().toInstant());
        return left.compareTo(PolicyEngine.SOURCE_CACHE_LIMIT) < 0 ? left : PolicyEngine.SOURCE_CACHE_LIMIT;
    }
}
