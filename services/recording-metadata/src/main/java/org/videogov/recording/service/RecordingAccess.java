package org.videogov.recording.service;

import static org.videogov.common.authz.AuthzAction.RECORDING_HOLD;
import static org.videogov.common.authz.AuthzAction.RECORDING_READ;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.videogov.common.authz.AuthorizationClient;
import org.videogov.common.authz.AuthzAction;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.authz.Visibility;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.authz.v1.ResourceType;
import org.videogov.recording.domain.CameraRecordings;
import org.videogov.recording.domain.Hold;
import org.videogov.recording.repository.SegmentRepository;

/**
 * Who may register, read and hold which recordings, as sharing-authz decides it (Articles 4, 5 and 13),
 * through the platform's one client ({@link AuthorizationClient}: fails closed with a 503, caches ALLOW
 * answers). The resource is the camera (district, GB/T 28181 ID, security level) as its newest segment
 * states it.
 *
 * <p>Actions: reads (timeline, gaps, totals, a hold, a district's policy) ask {@code recording.read};
 * placing and releasing holds and changing a retention policy ask {@code recording.hold} (keeping
 * recordings beyond, or choosing, their retention is what the default policy gives district admins only);
 * registering segments asks {@code camera.write} on the camera, since sharing-authz has no
 * {@code recording.write} yet (README.md: why, and the proposal). Refusals look as elsewhere: a camera the
 * caller may not read is 404, one it reads but may not act on 403.
 */
@ApplicationScoped
public class RecordingAccess {

    @Inject
    AuthorizationClient authz;

    @Inject
    SegmentRepository segments;

    static AuthzResource resource(String district, String gbId, int level) {
        return AuthzResource.camera(district, Optional.empty(), gbId, level);
    }

    /** Whether the caller may register segments of this camera in this district; 403 otherwise. */
    public Uni<Void> requireRegister(String district, String gbId, int level) {
        return authz.require(AuthzAction.CAMERA_WRITE, resource(district, gbId, level), d -> ProblemException.forbidden(
                "Your roles do not allow registering recordings of camera " + gbId + " in district " + district
                        + " (camera.write)"));
    }

    /** The camera as its recordings state it, when the caller may read them; 404 otherwise (existence does not leak). */
    public Uni<CameraRecordings> requireRead(String gbId) {
        return segments.camera(gbId).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("Recordings of camera", gbId));
            }
            CameraRecordings camera = found.get();
            return authz.require(RECORDING_READ, resource(camera.district(), gbId, camera.securityLevel()),
                    d -> ProblemException.notFound("Recordings of camera", gbId)).replaceWith(camera);
        });
    }

    /** The camera when the caller may hold its recordings: 404 when it may not read them, 403 when it reads only. */
    public Uni<CameraRecordings> requireHold(String gbId) {
        return requireRead(gbId).flatMap(camera -> requireHold(camera.district(), gbId, camera.securityLevel())
                .replaceWith(camera));
    }

    /** recording.hold on a camera the caller is known to read: 403 when denied. */
    public Uni<Void> requireHold(String district, String gbId, int level) {
        return authz.require(RECORDING_HOLD, resource(district, gbId, level), d -> ProblemException.forbidden(
                "Your roles do not allow placing or releasing legal holds on recordings of camera " + gbId
                        + " (recording.hold; district admins by default, Article 5)"));
    }

    /**
     * The camera when the caller may export its recordings as an evidence package: 404 when it may not
     * read them, 403 when it reads only ({@code recording.export}, Article 5).
     */
    public Uni<CameraRecordings> requireExport(String gbId) {
        return requireRead(gbId).flatMap(camera -> authz.require(AuthzAction.RECORDING_EXPORT,
                resource(camera.district(), gbId, camera.securityLevel()), d -> ProblemException.forbidden(
                        "Your roles do not allow exporting recordings of camera " + gbId + " (recording.export, "
                                + "Article 5)")).replaceWith(camera));
    }

    /** A hold when the caller may read its camera's recordings; 404 otherwise. */
    public Uni<Hold> requireRead(Hold hold) {
        return authz.require(RECORDING_READ, resource(hold.district(), hold.cameraGbId(), hold.securityLevel()),
                d -> ProblemException.notFound("Legal hold", hold.id())).replaceWith(hold);
    }

    /** Whether the caller may read the recordings of a whole district (its retention policy); 403 otherwise. */
    public Uni<Void> requireReadDistrict(String district) {
        return authz.require(RECORDING_READ, AuthzResource.district(district), d -> ProblemException.forbidden(
                "Your roles do not allow reading the recordings of district " + district + " (recording.read)"));
    }

    /** Whether the caller may set the district's retention policy (recording.hold on the district); 403 otherwise. */
    public Uni<Void> requirePolicy(String district) {
        return authz.require(RECORDING_HOLD, AuthzResource.district(district), d -> ProblemException.forbidden(
                "Your roles do not allow changing the retention policy of district " + district
                        + " (recording.hold; district admins by default, Article 5)"));
    }

    /**
     * The districts per-district totals may count: every district (empty), or the whole districts the
     * caller reads recordings of, narrowed to {@code district} when given. A caller who reads no recording
     * is 403; one whose access is limited to listed cameras or sites (a grant) is 403 rather than counted
     * wider than it reaches.
     */
    public Uni<Optional<List<String>>> totalsScope(Optional<String> district) {
        return authz.readable(RECORDING_READ, ResourceType.CAMERA, district, () -> ProblemException.forbidden(
                "Reading recordings needs a district role with a district claim, city scope, or a grant from "
                        + "sharing-authz (Article 5)")).map(visible -> {
                            if (visible.allDistricts()) {
                                return district.map(List::of);
                            }
                            if (visible.none()) {
                                throw ProblemException.forbidden("District " + district.orElse("") + " is outside "
                                        + "what you may read");
                            }
                            if (!visible.scopes().stream().allMatch(Visibility.Scope::wholeDistrict)) {
                                throw ProblemException.forbidden("Totals are served for whole districts only; this "
                                        + "caller's access is limited to listed cameras or sites");
                            }
                            return Optional.of(visible.scopes().stream().map(Visibility.Scope::district).toList());
                        });
    }
}
