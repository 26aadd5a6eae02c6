package org.videogov.sharing.domain.log;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One decision as the policy decision point took it, before the log gives it its place in the chain:
 * when, who (subject user id, the subject's district, realm roles and department), what action on
 * which resource, the answer and the rule that gave it, and the grant or emergency declaration it
 * rests on (null when none). Roles are kept sorted and distinct, and the time in UTC at PostgreSQL's
 * microseconds, so that what is hashed is exactly what is stored and read back.
 */
public record DecisionRecord(OffsetDateTime decidedAt, String subject, String subjectDistrict,
                             List<String> subjectRoles, String department, String action,
                             LoggedResource resource, Decision decision, String rule, UUID grantId,
                             UUID emergencyId) {

    public DecisionRecord {
        decidedAt = Objects.requireNonNull(decidedAt, "decidedAt")
                .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(subject, "subject");
        subjectRoles = Objects.requireNonNull(subjectRoles, "subjectRoles").stream().distinct().sorted().toList();
        Objects.requireNonNull(action, "action");
        resource = resource == null ? new LoggedResource(null, null, null, null) : resource;
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rule, "rule");
    }
}
