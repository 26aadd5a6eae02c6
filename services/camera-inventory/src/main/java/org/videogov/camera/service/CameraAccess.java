package org.videogov.camera.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.videogov.camera.domain.Camera;
import org.videogov.common.authz.AuthorizationClient;
import org.videogov.common.authz.AuthzAction;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.authz.Visibility;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.authz.v1.ResourceType;

/**
 * Who may read and change which cameras, as sharing-authz decides it (Articles 4, 5 and 13): every
 * protected read and write asks it first ({@link AuthorizationClient}: fails closed with a 503, caches
 * ALLOW answers for the time sharing-authz allows), with the camera's district, site, GB/T 28181 ID and
 * security level. Calls happen outside any transaction.
 *
 * <p>Refusals look as the tenancy rule's did: a caller who may read no camera at all is 403; a camera
 * the caller may not read is 404 (its existence does not leak); one it may read but not change is 403.
 */
@ApplicationScoped
public class CameraAccess {

    @Inject
    AuthorizationClient authz;

    /**
     * The cameras a list may show, narrowed to {@code district} when the request names one.
     *
     * @return a failed Uni with 403 when the caller may read no camera at all
     */
    public Uni<Visibility> readable(Optional<String> district) {
        return authz.readable(AuthzAction.CAMERA_READ, ResourceType.CAMERA, district, () -> ProblemException.forbidden(
                "Reading cameras needs a district role with a district claim, city scope, or a grant from "
                        + "sharing-authz (Article 5)"));
    }

    /**
     * What a gRPC call may read: the caller's visibility narrowed to the district the request names
     * (if any). A caller who may read no camera, or a request naming a district the caller may read
     * nothing of, is 403 (PERMISSION_DENIED): a request narrows the scope, never widens it.
     */
    public Uni<Visibility> scope(Optional<String> requested) {
        return readable(Optional.empty()).map(visible -> {
            Visibility narrowed = visible.narrowedTo(requested);
            if (narrowed.none()) {
                throw ProblemException.forbidden("District " + requested.orElse("") + " is outside what you may "
                        + "read; a request may narrow the caller's scope, never widen it");
            }
            return narrowed;
        });
    }

    /**
     * The one district a count may be confined to (empty: every district), for the counts whose
     * queries filter by district only: city-wide or one whole district. A visibility made of listed
     * cameras or sites (a grant) is refused (403) rather than counted wider than it reaches.
     */
    public static Optional<String> wholeDistrict(Visibility visible) {
        if (visible.allDistricts()) {
            return Optional.empty();
        }
        if (visible.scopes().size() == 1 && visible.scopes().get(0).wholeDistrict()) {
            return Optional.of(visible.scopes().get(0).district());
        }
        throw ProblemException.forbidden("Counts are served for whole districts only; this caller's access is "
                + "limited to listed cameras or sites");
    }

    /** Whether the caller may read the cameras of a whole district (an import job's); {@code denied} otherwise. */
    public Uni<Void> requireReadDistrict(String district, java.util.function.Supplier<ProblemException> denied) {
        return authz.require(AuthzAction.CAMERA_READ, AuthzResource.district(district), d -> denied.get());
    }

    /** Whether the caller may read this camera (sharing-authz's Check). */
    public Uni<Boolean> canRead(Camera camera) {
        return authz.check(AuthzAction.CAMERA_READ, resource(camera)).map(d -> d.allowed());
    }

    /** The camera when the caller may read it; 404 otherwise. */
    public Uni<Camera> requireRead(Camera camera) {
        return canRead(camera).map(allowed -> {
            if (!allowed) {
                throw ProblemException.notFound("Camera", camera.gbId);
            }
            return camera;
        });
    }

    /** The camera when the caller may change it: 404 when it may not read it, 403 when it reads but may not change. */
    public Uni<Camera> requireWrite(Camera camera) {
        return authz.check(AuthzAction.CAMERA_WRITE, resource(camera)).flatMap(write -> write.allowed()
                ? Uni.createFrom().item(camera)
                : canRead(camera).map(read -> {
                    if (read) {
                        throw ProblemException.forbidden("Your roles do not allow changing cameras");
                    }
                    throw ProblemException.notFound("Camera", camera.gbId);
                }));
    }

    /** Whether the caller may register this camera (district, site, ID and level of the new record); 403 otherwise. */
    public Uni<Void> requireCreate(AuthzResource camera) {
        return authz.require(AuthzAction.CAMERA_WRITE, camera, d -> ProblemException.forbidden(
                "Your roles do not allow registering cameras in district " + camera.district()));
    }

    /** Whether the caller may write the camera as a change would leave it (another site or level); 403 otherwise. */
    public Uni<Void> requireWrite(AuthzResource camera) {
        return authz.require(AuthzAction.CAMERA_WRITE, camera, d -> ProblemException.forbidden(
                "Your roles do not allow this change: camera " + camera.cameraGbId().orElse("") + " would leave "
                        + "what you may change"));
    }

    static AuthzResource resource(Camera camera) {
        return AuthzResource.camera(camera.districtCode, Optional.ofNullable(camera.siteId), camera.gbId,
                camera.securityLevel);
    }
}
