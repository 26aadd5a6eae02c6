package org.videogov.recording.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videogov.common.identity.Caller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.time.Timestamps;
import org.videogov.recording.domain.Hold;
import org.videogov.recording.repository.HoldRepository;

/**
 * Legal holds (Article 5): placed on a camera's recordings over a window with a reason and a case number
 * by a person allowed recording.hold; released, with a reason, only by a different person allowed it (the
 * table refuses the same person too). While active, every segment of the camera overlapping the window is
 * held whatever its retain_until, segments registered later included: the purge never claims it, and placing
 * the hold drops claims the purge made before (HoldRepository#insert). The timeline shows which segments are
 * held. The covered video objects are held in object-storage for the hold's case as well ({@link ObjectHolds}).
 */
@ApplicationScoped
public class HoldService {

    @Inject
    HoldRepository holds;

    @Inject
    RecordingAccess access;

    @Inject
    ObjectHolds objectHolds;

    public Uni<Hold> place(String gbId, OffsetDateTime from, OffsetDateTime to, String reason, String caseNumber,
                           Caller caller) {
        OffsetDateTime start = SegmentService.utcMicros(from);
        OffsetDateTime end = SegmentService.utcMicros(to);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        return access.requireHold(gbId).flatMap(camera -> holds.insert(new Hold(UUID.randomUUID(), gbId,
                camera.district(), camera.securityLevel(), start, end, reason, caseNumber, caller.userId(),
                Timestamps.now(), null, null, null)))
                .call(hold -> objectHolds.placed(hold.id()));
    }

    public Uni<Hold> get(UUID id) {
        return holds.find(id).flatMap(found -> found.map(access::requireRead)
                .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("Legal hold", id))));
    }

    public Uni<Hold> release(UUID id, String reason, Caller caller) {
        return get(id)
                .flatMap(hold -> access.requireHold(hold.district(), hold.cameraGbId(), hold.securityLevel()).replaceWith(hold))
                .flatMap(hold -> {
                    if (!hold.active()) {
                        throw ProblemException.conflict("Legal hold " + id + " was already released by "
                                + hold.releasedBy() + " at " + hold.releasedAt());
                    }
                    if (hold.placedBy().equals(caller.userId())) {
                        throw ProblemException.forbidden("5", "A legal hold is released by a different authorised "
                                + "person than the one who placed it (Article 5: recordings are kept and protected)");
                    }
                    return holds.release(id, caller.userId(), reason, Timestamps.now());
                })
                .map(released -> released.orElseThrow(() -> ProblemException.conflict("Legal hold " + id
                        + " was released by someone else meanwhile")))
                .call(hold -> objectHolds.released(hold.id()));
    }
}
