package org.videogov.recording.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.time.Timestamps;
import org.videogov.recording.config.RecordingConfig;
import org.videogov.recording.domain.Retention;
import org.videogov.recording.repository.RetentionRepository;

/**
 * Retention policies per district (Article 5): a default and overrides per security level, none below
 * {@link Retention#FLOOR_DAYS} days. A district without a policy keeps recordings
 * videogov.recording.default-retention-days (itself refused at start below the floor). Saving a policy recomputes
 * retain_until of the district's stored segments in the same transaction (the owner's
 * recompute_segment_retention, V3); registration reads the policy inside its own transaction under the
 * district's shared policy lock, so no segment keeps a replaced policy's retain_until.
 */
@ApplicationScoped
public class RetentionService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RetentionService.class);

    @Inject
    RetentionRepository policies;

    @Inject
    RecordingAccess access;

    @Inject
    RecordingConfig config;

    @Inject
    org.videogov.common.district.Districts districts;

    /** 400 naming {@code field} unless {@code code} is one of the city's districts (configuration). */
    public void requireDistrict(String field, String code) {
        if (!districts.isDistrict(code)) {
            throw ProblemException.badRequest(field, code + " is not a district of the city");
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (config.defaultRetentionDays() < Retention.FLOOR_DAYS) {
            throw new IllegalStateException("videogov.recording.default-retention-days is " + config.defaultRetentionDays()
                    + ", below the floor of " + Retention.FLOOR_DAYS + " days (Article 5)");
        }
    }

    /** The policy in force for a district: its own, or the default. No access check (registration's use). */
    public Uni<Retention> inForce(String district) {
        return policies.find(district).map(p -> p.orElseGet(() -> fallback(district)));
    }

    /** The policy of a district that has stored none: videogov.recording.default-retention-days for every level. */
    public Retention fallback(String district) {
        return new Retention(district, config.defaultRetentionDays(), Map.of());
    }

    /** The district's policy, for a caller who reads its recordings. */
    public Uni<Retention> read(String district) {
        requireDistrict("district", district);
        return access.requireReadDistrict(district).flatMap(v -> inForce(district));
    }

    /** Replaces the district's policy; below the floor is refused (422, Article 5) before anything is asked or stored. */
    public Uni<Retention> save(Retention policy, String by) {
        requireDistrict("district", policy.district());
        if (policy.days() < Retention.FLOOR_DAYS) {
            throw belowFloor("days", policy.days());
        }
        for (Map.Entry<Integer, Integer> level : policy.levels().entrySet()) {
            if (level.getValue() < Retention.FLOOR_DAYS) {
                throw belowFloor("levels." + level.getKey(), level.getValue());
            }
        }
        return access.requirePolicy(policy.district())
                .flatMap(v -> policies.save(policy, by, Timestamps.now()))
                .invoke(changed -> LOG.infof("Retention policy of district %s saved by %s; retain_until recomputed for %d "
                        + "segments", policy.district(), by, changed))
                .replaceWith(policy);
    }

    private static ProblemException belowFloor(String field, int days) {
        return new ProblemException(org.videogov.common.problem.ProblemType.REGULATION, field + ": " + days
                + " days is below the floor of " + Retention.FLOOR_DAYS + " days: recordings are kept and protected "
                + "(Article 5 of the Qingdao Municipal Measures for the Administration of Public Security Video Image "
                + "Information Systems; the 30-day floor is the platform's rule for it)",
                Map.of("article", Retention.ARTICLE, "field", field, "floorDays", Retention.FLOOR_DAYS));
    }
}
