package org.videogov.camera.service;

import static org.videogov.common.time.Timestamps.now;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.videogov.camera.client.SiteRegistryClient;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.domain.CameraEvent;
import org.videogov.camera.domain.CameraEventAction;
import org.videogov.camera.domain.CameraRules;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.domain.Placement;
import org.videogov.camera.domain.Violation;
import org.videogov.camera.repository.CameraEventRepository;
import org.videogov.camera.repository.CameraReadRepository;
import org.videogov.camera.repository.CameraRepository;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.authz.Visibility;
import org.videogov.common.district.Districts;
import org.videogov.common.gb28181.DeviceId;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.TenantAccess;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.PersistenceFailures;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/**
 * Use cases on cameras, always within the caller's tenancy; REST, gRPC and the CSV import call
 * these. They take commands and scopes this package owns and answer domain objects. Every create or
 * move asks site-registry first (Article 9), before any transaction is open, and stores nothing
 * when it cannot get an answer.
 */
@ApplicationScoped
public class CameraService {

    private static final Logger LOG = Logger.getLogger(CameraService.class);

    /** The states a camera is in until it is decommissioned: what a zone's count counts. */
    private static final Set<CameraState> IN_SERVICE = EnumSet.of(CameraState.PLANNED, CameraState.INSTALLED,
            CameraState.ACTIVE, CameraState.FAULTY);

    @Inject
    CameraRepository cameras;

    @Inject
    CameraReadRepository reads;

    @Inject
    CameraEventRepository events;

    @Inject
    SiteRegistryClient siteRegistry;

    @Inject
    Districts districts;

    @Inject
    CameraAccess access;

    /** The result of a create: the camera, and whether this call created it (false: idempotent replay). */
    public record Created(Camera camera, boolean created) {
    }

    /** Cameras in the caller's scope, filtered, one page of them ordered by GB ID, with the total. */
    public Uni<Page<Camera>> list(Caller caller, Optional<UUID> site, Optional<UUID> zone, Optional<CameraState> state,
                                  boolean missingReservedInterfaces, PageParams paging) {
        return access.readable(Optional.empty()).flatMap(visible -> page(new CameraReadRepository.Filter(
                Optional.empty(), site, zone, state, missingReservedInterfaces, visible), paging.page(), paging.size()));
    }

    /** A site's cameras that a visibility lets through (CameraAccess.scope), one page ordered by GB ID. */
    public Uni<Page<Camera>> listBySite(Visibility visible, UUID site, int page, int size) {
        return page(new CameraReadRepository.Filter(Optional.empty(), Optional.of(site), Optional.empty(),
                Optional.empty(), false, visible), page, size);
    }

    private Uni<Page<Camera>> page(CameraReadRepository.Filter filter, int page, int size) {
        return reads.page(filter, page, size)
                .flatMap(items -> reads.count(filter).map(total -> new Page<>(items, page, size, total)));
    }

    /** A camera in the caller's scope; 404 when there is none (another district's camera included). */
    public Uni<Camera> get(Caller caller, String gbId) {
        return visible(caller, gbId);
    }

    /**
     * A camera that a visibility lets through and sharing-authz's Check allows the caller to read, or
     * null when there is none.
     */
    public Uni<Camera> find(Visibility visible, String gbId) {
        return reads.findVisible(gbId, Optional.empty()).flatMap(camera -> camera == null
                || !visible.covers(CameraAccess.resource(camera))
                ? Uni.createFrom().nullItem()
                : access.canRead(camera).map(readable -> readable ? camera : null));
    }

    /** The cameras with these GB IDs that a visibility lets through, ordered by GB ID; the others are left out. */
    public Uni<List<Camera>> find(Visibility visible, Collection<String> gbIds) {
        return reads.findVisible(gbIds, Optional.empty()).map(list -> list.stream()
                .filter(c -> visible.covers(CameraAccess.resource(c))).toList());
    }

    /** Active cameras per site, within a visibility of whole districts; a site without any is absent from the map. */
    public Uni<Map<UUID, Long>> countActiveBySite(Visibility visible, Collection<UUID> siteIds) {
        Optional<String> scope = CameraAccess.wholeDistrict(visible);
        return Panache.withSession(() -> cameras.countBy("siteId", siteIds, EnumSet.of(CameraState.ACTIVE), scope));
    }

    /** Cameras per zone that are not decommissioned, within a visibility of whole districts; a zone without any is absent. */
    public Uni<Map<UUID, Long>> countInServiceByZone(Visibility visible, Collection<UUID> zoneIds) {
        Optional<String> scope = CameraAccess.wholeDistrict(visible);
        return Panache.withSession(() -> cameras.countBy("zoneId", zoneIds, IN_SERVICE, scope));
    }

    public Uni<List<CameraEvent>> history(Caller caller, String gbId) {
        return visible(caller, gbId).flatMap(c -> Panache.withSession(() -> events.history(c.gbId)));
    }

    /**
     * Registers a camera: site-registry is asked first (Article 9), then one transaction stores it
     * with its first history entry. The same camera again is a replay ({@code created} false).
     */
    public Uni<Created> create(Caller caller, String bearerToken, CameraCommand command) {
        String district = writeDistrict(caller, command);
        CameraSpec spec = spec(command, district);
        return access.requireCreate(AuthzResource.camera(district, Optional.ofNullable(spec.siteId()), spec.gbId(),
                        spec.securityLevel()))
                .chain(() -> Panache.withSession(() -> cameras.findById(spec.gbId()))).flatMap(existing -> {
            if (existing != null) {
                return access.canRead(existing).map(readable -> replay(readable, existing, spec));
            }
            return placement(bearerToken, spec)
                    .invoke(p -> refuseIfViolated(CameraRules.placement(spec, p)))
                    .flatMap(p -> Panache.withTransaction(() -> {
                        OffsetDateTime now = now();
                        Camera camera = new Camera();
                        camera.apply(spec);
                        camera.state = spec.state();
                        camera.created(caller.userName(), now);
                        return cameras.persist(camera)
                                .call(c -> events.persist(CameraEvent.of(c, caller.userName(), CameraEventAction.CREATED,
                                        null, "registered", now)));
                    }))
                    .onFailure(PersistenceFailures::isUniqueViolation).transform(e -> ProblemException.conflict(
                            "Camera " + spec.gbId() + " was registered concurrently; read it and retry"))
                    .map(c -> new Created(c, true));
        });
    }

    /** Create with a GB ID that exists: the same camera again is a replay (200), anything else a conflict. */
    private Created replay(boolean readable, Camera existing, CameraSpec spec) {
        if (!readable) {
            throw ProblemException.conflict("GB/T 28181 ID " + spec.gbId() + " is already registered");
        }
        if (existing.spec().equals(spec.withState(existing.state))) {
            return new Created(existing, false);
        }
        throw ProblemException.conflict("Camera " + spec.gbId() + " is already registered with other fields; "
                + "PUT /api/v1/cameras/" + spec.gbId() + " to change it");
    }

    /** Replaces a camera's fields or moves it; a move asks site-registry first (Article 9), as create does. */
    public Uni<Camera> replace(Caller caller, String bearerToken, String gbId, CameraCommand command) {
        if (command.gbId() != null && !command.gbId().strip().equals(gbId)) {
            throw ProblemException.badRequest("gbId", "differs from the camera in the path; a GB ID never changes");
        }
        return writable(gbId).flatMap(existing -> {
            requireNotDecommissioned(existing);
            if (command.districtCode() != null && !command.districtCode().equals(existing.districtCode)) {
                throw ProblemException.badRequest("districtCode",
                        "a camera cannot move to another district; register it there with that district's GB ID");
            }
            if (command.state() != null && command.state() != existing.state) {
                throw ProblemException.conflict("The state is " + existing.state + "; change it with POST "
                        + "/api/v1/cameras/" + gbId + "/transitions");
            }
            CameraSpec spec = spec(command, existing.districtCode).withState(existing.state);
            boolean moved = spec.movesFrom(existing);
            // The camera as it will be (another site, another level) must be writable too: a grant limited
            // to a site or a level cannot move a camera out of its reach.
            AuthzResource after = AuthzResource.camera(existing.districtCode, Optional.ofNullable(spec.siteId()),
                    gbId, spec.securityLevel());
            Uni<Void> allowedAfter = after.equals(CameraAccess.resource(existing)) ? Uni.createFrom().voidItem()
                    : access.requireWrite(after);
            return allowedAfter.chain(() -> placement(bearerToken, spec))
                    .invoke(p -> refuseIfViolated(CameraRules.placement(spec, p)))
                    .flatMap(p -> Panache.withTransaction(() -> existing(gbId).flatMap(camera -> {
                        requireNotDecommissioned(camera);
                        if (command.version() != null && command.version() != camera.version) {
                            throw ProblemException.conflict("Camera " + gbId + " changed since you read it (version "
                                    + command.version() + ", now " + camera.version + "); read it again");
                        }
                        if (camera.spec().equals(spec)) {
                            return Uni.createFrom().item(camera);
                        }
                        OffsetDateTime now = now();
                        camera.apply(spec);
                        camera.touched(now);
                        return events.persist(CameraEvent.of(camera, caller.userName(),
                                        moved ? CameraEventAction.MOVED : CameraEventAction.UPDATED, camera.state,
                                        moved ? "moved to site " + spec.siteId() + " zone " + spec.zoneId() : "updated",
                                        now))
                                .call(cameras::flush).replaceWith(camera);
                    })));
        });
    }

    /** A lifecycle transition (see {@link CameraState} for the table); illegal ones are 409. */
    public Uni<Camera> transition(Caller caller, String gbId, CameraState to, String reason) {
        return writable(gbId).chain(() -> Panache.withTransaction(() -> existing(gbId).flatMap(camera -> {
            CameraState from = camera.state;
            if (!from.canMoveTo(to)) {
                throw ProblemException.conflict("A camera cannot go from " + from + " to " + to + "; from " + from
                        + " it may go to " + (from.next().isEmpty() ? "no other state" : from.next()));
            }
            OffsetDateTime now = now();
            camera.state = to;
            camera.touched(now);
            return events.persist(CameraEvent.of(camera, caller.userName(), CameraEventAction.TRANSITION, from,
                            reason == null || reason.isBlank() ? null : reason.strip(), now))
                    .call(cameras::flush).replaceWith(camera);
        })));
    }

    /** Records that the camera was heard from now. */
    public Uni<Camera> heartbeat(Caller caller, String gbId) {
        return writable(gbId).chain(() -> Panache.withTransaction(() -> existing(gbId).flatMap(camera -> {
            requireNotDecommissioned(camera);
            camera.lastHeartbeat = now();
            return cameras.flush().replaceWith(camera);
        })));
    }

    /**
     * Asks site-registry (Article 9); no answer is a 503. Call it before opening a session or
     * transaction: the answer arrives on the caller's Vert.x context (see {@link SiteRegistryClient}),
     * where the next {@code Panache.withTransaction} opens its own session.
     */
    public Uni<Placement> placement(String bearerToken, CameraSpec spec) {
        return Uni.createFrom().deferred(() -> siteRegistry.validatePlacement(bearerToken, spec.districtCode(),
                        spec.siteId(), spec.zoneId()))
                .onFailure(f -> !(f instanceof ProblemException)).transform(CameraService::unavailable);
    }

    static ProblemException unavailable(Throwable cause) {
        LOG.warnf("Placement could not be checked: %s", cause.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "site-registry cannot be reached to check the "
                + "camera's placement (Article 9); nothing was stored. Retry later.");
    }

    private String writeDistrict(Caller caller, CameraCommand command) {
        String requested = command.districtCode();
        if (caller.isCityAdmin() && (requested == null || requested.isBlank()) && DeviceId.isValid(command.gbId())) {
            // City IT may let the GB ID's administrative code name the district.
            String prefix = DeviceId.parse(command.gbId()).administrativeCode();
            if (districts.isDistrict(prefix)) {
                requested = prefix;
            }
        }
        String district = TenantAccess.writeTarget(caller, requested);
        if (!districts.isDistrict(district)) {
            throw ProblemException.badRequest("districtCode", district + " is not a district of "
                    + districts.city().name() + " (" + districts.city().code() + ")");
        }
        return district;
    }

    private CameraSpec spec(CameraCommand command, String district) {
        List<Violation> violations = new ArrayList<>();
        CameraSpec spec = command.spec(district, districts.city().code(), violations);
        refuseIfViolated(violations);
        return spec;
    }

    private static void refuseIfViolated(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw Problems.of(violations);
        }
    }

    private static void requireNotDecommissioned(Camera camera) {
        if (camera.state == CameraState.DECOMMISSIONED) {
            throw ProblemException.conflict("Camera " + camera.gbId + " is decommissioned; it is kept with its "
                    + "history and no longer changes");
        }
    }

    /** A camera the caller may read (sharing-authz asked); 404 when there is none or it is another's. */
    private Uni<Camera> visible(Caller caller, String gbId) {
        return access.readable(Optional.empty()).flatMap(v -> reads.findVisible(gbId, Optional.empty()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Camera", gbId))
                .flatMap(access::requireRead);
    }

    /**
     * A camera the caller may change, read without a session (sharing-authz is asked before any
     * transaction opens): 404 when it may not read it, 403 when it reads but may not change it.
     */
    private Uni<Camera> writable(String gbId) {
        return access.readable(Optional.empty()).flatMap(v -> reads.findVisible(gbId, Optional.empty()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Camera", gbId))
                .flatMap(access::requireWrite);
    }

    /** The camera inside the write's own transaction, after {@link #writable} allowed the change; gone: 404. */
    private Uni<Camera> existing(String gbId) {
        return cameras.findById(gbId).onItem().ifNull().failWith(() -> ProblemException.notFound("Camera", gbId));
    }
}
