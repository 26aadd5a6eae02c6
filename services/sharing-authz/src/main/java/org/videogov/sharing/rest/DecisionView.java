package org.videogov.sharing.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.sharing.domain.log.LogEntry;

/** One entry of the decision log as the auditor reads it, with its place in the hash chain. */
@Schema(name = "Decision")
public record DecisionView(long seq, OffsetDateTime decidedAt, String subject, String subjectDistrict,
                           List<String> subjectRoles, String department, String action, Resource resource,
                           String decision, String rule, UUID grantId, UUID emergencyId, String prevHash,
                           String hash) {

    /** The resource the decision was about. */
    @Schema(name = "DecisionResource")
    public record Resource(String district, UUID site, String camera, Integer securityLevel) {
    }

    static DecisionView of(LogEntry e) {
        var r = e.record();
        var res = r.resource();
        return new DecisionView(e.seq(), r.decidedAt(), r.subject(), r.subjectDistrict(), r.subjectRoles(),
                r.department(), r.action(), new Resource(res.district(), res.site(), res.camera(), res.securityLevel()),
                r.decision().name(), r.rule(), r.grantId(), r.emergencyId(), e.prevHash(), e.hash());
    }
}
