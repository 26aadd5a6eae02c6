package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import org.videogov.common.identity.Roles;
import org.videogov.sharing.config.CommandConfig;
import org.videogov.sharing.domain.emergency.CommandLevels;
import org.videogov.sharing.domain.emergency.EmergencySource;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.Subject;
import org.videogov.sharing.repository.EmergencyRepository;

/**
 * Loads the emergencies active at the instant of a decision for tiered command access (Article 13). Only an
 * {@code emergency-commander} can be allowed by an emergency, so for anyone else nothing is read.
 */
@ApplicationScoped
public class EmergencySourceLoader implements PolicySourceLoader {

    private final EmergencyRepository emergencies;
    private final CommandLevels levels;

    @Inject
    public EmergencySourceLoader(EmergencyRepository emergencies, CommandConfig config) {
        this.emergencies = emergencies;
        this.levels = new CommandLevels(config.municipalMaxLevel(), config.districtMaxLevel());
    }

    @Override
    public Uni<PolicySource> load(Subject subject, Instant now) {
        if (subject.serviceAccount() || !subject.hasRole(Roles.EMERGENCY_COMMANDER)) {
            return Uni.createFrom().item(EmergencySource.none(levels));
        }
        return emergencies.active(now.atOffset(ZoneOffset.UTC)).map(active -> new EmergencySource(active, levels));
    }
}
