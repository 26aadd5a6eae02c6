package org.videogov.camera.grpc;

import static org.videogov.common.grpc.GrpcArguments.uuid;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.service.CameraAccess;
import org.videogov.camera.service.CameraService;
import org.videogov.common.authz.Visibility;
import org.videogov.common.grpc.GrpcArguments;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.common.paging.PageParams;
import org.videogov.proto.camera.v1.BatchGetCamerasRequest;
import org.videogov.proto.camera.v1.BatchGetCamerasResponse;
import org.videogov.proto.camera.v1.CameraInventory;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.camera.v1.CountByZoneRequest;
import org.videogov.proto.camera.v1.CountResponse;
import org.videogov.proto.camera.v1.GetCameraRequest;
import org.videogov.proto.camera.v1.ListCamerasBySiteRequest;
import org.videogov.proto.camera.v1.ListCamerasBySiteResponse;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.common.v1.PageInfo;

/**
 * camera-inventory's gRPC API for the other services. What a call may read is sharing-authz's answer
 * for the verified token's person, as on REST (CameraAccess: LookupResources, and Check for a single
 * camera; a caller who may read no camera: PERMISSION_DENIED; sharing-authz unreachable: UNAVAILABLE);
 * the request's district field may only narrow it. Another
 * district's camera is NOT_FOUND (or left out of batch answers and counts), as over REST. Each
 * method checks its arguments, asks {@link CameraService} within that scope and maps the answer to
 * the proto messages; it reads no repository itself.
 */
@GrpcService
@Authenticated
public class CameraInventoryGrpcService implements CameraInventory {

    static final int MAX_IDS = 1000;
    static final int MAX_PAGE = 200;

    @Inject
    CameraService service;

    @Inject
    GrpcCaller caller;

    @Inject
    CameraAccess access;

    @Override
    public Uni<org.videogov.proto.camera.v1.Camera> getCamera(GetCameraRequest request) {
        return scope(request.getDistrict()).flatMap(scope -> {
            String gbId = request.getGbId().strip();
            if (!gbId.matches("\\d{20}")) {
                throw Status.INVALID_ARGUMENT.withDescription("gb_id must be a 20-digit GB/T 28181 ID")
                        .asRuntimeException();
            }
            return service.find(scope, gbId);
        }).map(c -> {
            if (c == null) {
                throw Status.NOT_FOUND.withDescription("camera " + request.getGbId() + " does not exist or is not "
                        + "visible to you").asRuntimeException();
            }
            return proto(c);
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<BatchGetCamerasResponse> batchGetCameras(BatchGetCamerasRequest request) {
        return scope(request.getDistrict()).flatMap(scope -> {
            if (request.getGbIdsCount() > MAX_IDS) {
                throw Status.INVALID_ARGUMENT.withDescription("at most " + MAX_IDS + " gb_ids per call")
                        .asRuntimeException();
            }
            Set<String> ids = new LinkedHashSet<>();
            request.getGbIdsList().forEach(id -> ids.add(id.strip()));
            return service.find(scope, ids);
        }).map(list -> {
            BatchGetCamerasResponse.Builder response = BatchGetCamerasResponse.newBuilder();
            list.forEach(c -> response.addCameras(proto(c)));
            return response.build();
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ListCamerasBySiteResponse> listCamerasBySite(ListCamerasBySiteRequest request) {
        return scope(request.getDistrict()).flatMap(scope -> {
            UUID site = uuid("site_id", request.getSiteId());
            int page = Math.max(0, request.getPage().getPage());
            int size = request.getPage().getSize() <= 0 ? 50 : request.getPage().getSize();
            if (size > MAX_PAGE) {
                throw Status.INVALID_ARGUMENT.withDescription("page size is at most " + MAX_PAGE).asRuntimeException();
            }
            if ((long) page * size > PageParams.MAX_OFFSET) {
                throw Status.INVALID_ARGUMENT.withDescription("page × size is at most " + PageParams.MAX_OFFSET
                        + " rows into the list; narrow the request instead").asRuntimeException();
            }
            return service.listBySite(scope, site, page, size).map(cameras -> {
                ListCamerasBySiteResponse.Builder r = ListCamerasBySiteResponse.newBuilder()
                        .setPage(PageInfo.newBuilder().setPage(page).setSize(size).setTotal(cameras.total()));
                cameras.items().forEach(c -> r.addCameras(proto(c)));
                return r.build();
            });
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<CountResponse> countActiveBySite(CountBySiteRequest request) {
        return count(request.getDistrict(), request.getSiteIdsList(), "site_ids", service::countActiveBySite);
    }

    @Override
    public Uni<CountResponse> countByZone(CountByZoneRequest request) {
        return count(request.getDistrict(), request.getZoneIdsList(), "zone_ids", service::countInServiceByZone);
    }

    /** Counts per ID ({@code field} names the IDs in errors); an ID without cameras answers 0. */
    private Uni<CountResponse> count(DistrictCode district, List<String> raw, String field,
                                     BiFunction<Visibility, List<UUID>, Uni<Map<UUID, Long>>> counter) {
        return scope(district).flatMap(scope -> {
            if (raw.size() > MAX_IDS) {
                throw Status.INVALID_ARGUMENT.withDescription("at most " + MAX_IDS + " " + field + " per call")
                        .asRuntimeException();
            }
            List<UUID> ids = new ArrayList<>();
            raw.forEach(id -> ids.add(uuid(field, id)));
            return counter.apply(scope, ids).map(counts -> {
                CountResponse.Builder r = CountResponse.newBuilder();
                for (String id : raw) {
                    r.putCounts(id, counts.getOrDefault(UUID.fromString(id.strip()), 0L));
                }
                return r.build();
            });
        }).onFailure().transform(GrpcStatus::of);
    }

    /**
     * What the call may read: sharing-authz's answer for the verified caller (CameraAccess.scope),
     * narrowed by the request's district field ({@code ""}: none).
     */
    private Uni<Visibility> scope(DistrictCode district) {
        return caller.get().flatMap(c -> access.scope(GrpcArguments.districtScope(district.getCode())));
    }

    static org.videogov.proto.camera.v1.Camera proto(Camera c) {
        return org.videogov.proto.camera.v1.Camera.newBuilder()
                .setGbId(c.gbId)
                .setDistrict(DistrictCode.newBuilder().setCode(c.districtCode))
                .setName(c.name)
                .setSiteId(c.siteId.toString())
                .setZoneId(c.zoneId.toString())
                .setState(org.videogov.proto.camera.v1.CameraState.valueOf(c.state.name()))
                .setSecurityLevel(c.securityLevel)
                .setNetworkIdentifier(c.networkIdentifier)
                .setVendor(c.vendor)
                .setModel(c.model)
                .setAlarmCentreInterfaceReserved(c.alarmCentreInterfaceReserved)
                .setEmergencyCommandInterfaceReserved(c.emergencyCommandInterfaceReserved)
                .build();
    }
}
