package org.videogov.sharing.domain.emergency;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.videogov.common.identity.Roles;
import org.videogov.sharing.domain.policy.Rules;

/**
 * Which emergency command a commander belongs to (Article 13, second paragraph: municipal and district
 * emergency command systems "in different levels and with different permissions"). An
 * {@code emergency-commander} without a {@code district} claim is the municipal emergency command; one
 * with a claim is that district's command.
 */
public record CommandTier(Optional<String> district) {

    /** The rule by which municipal command acts while an emergency is active. */
    public static final String MUNICIPAL_RULE = Rules.EMERGENCY_PREFIX + "municipal-command";
    /** The rule by which a district's command acts on its own district while an emergency is active. */
    public static final String DISTRICT_RULE = Rules.EMERGENCY_PREFIX + "district-command";

    public CommandTier {
        Objects.requireNonNull(district, "district");
    }

    public static CommandTier municipal() {
        return new CommandTier(Optional.empty());
    }

    public static CommandTier district(String district) {
        return new CommandTier(Optional.of(district));
    }

    /** The tier of a holder of these roles and this district claim; empty when it is no commander. */
    public static Optional<CommandTier> of(Set<String> roles, Optional<String> district) {
        return roles.contains(Roles.EMERGENCY_COMMANDER) ? Optional.of(new CommandTier(district)) : Optional.empty();
    }

    public boolean isMunicipal() {
        return district.isEmpty();
    }

    public String rule() {
        return isMunicipal() ? MUNICIPAL_RULE : DISTRICT_RULE;
    }

    /**
     * Whether this command may declare, extend or end an emergency over {@code area}: municipal command
     * for any area, a district's command for an area wholly in its district.
     */
    public boolean speaksFor(EmergencyArea area) {
        return district.map(area::within).orElse(true);
    }

    /**
     * The districts of {@code area} this command may act on while the emergency is active: municipal
     * command every district the area reaches into, a district's command its own when the area reaches it.
     */
    public Set<String> actsOn(EmergencyArea area) {
        if (isMunicipal()) {
            return area.touchedDistricts();
        }
        return area.touches(district.get()) ? Set.of(district.get()) : Set.of();
    }

    @Override
    public String toString() {
        return district.map(d -> "district command " + d).orElse("municipal emergency command");
    }
}
