package org.videogov.storage.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.videogov.common.grpc.GrpcArguments;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.DeleteObjectRequest;
import org.videogov.proto.storage.v1.DeleteObjectResponse;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.HoldObjectRequest;
import org.videogov.proto.storage.v1.ListObjectsRequest;
import org.videogov.proto.storage.v1.ListObjectsResponse;
import org.videogov.proto.storage.v1.ListedObject;
import org.videogov.proto.storage.v1.ObjectHold;
import org.videogov.proto.storage.v1.ObjectStat;
import org.videogov.proto.storage.v1.ObjectStorage;
import org.videogov.proto.storage.v1.PackageChunk;
import org.videogov.proto.storage.v1.ReleaseObjectRequest;
import org.videogov.proto.storage.v1.StatObjectRequest;
import org.videogov.proto.storage.v1.StatObjectResponse;
import org.videogov.proto.storage.v1.StatObjectsRequest;
import org.videogov.proto.storage.v1.StatObjectsResponse;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.CaseNumber;
import org.videogov.storage.domain.ObjectHoldState;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.common.identity.ServiceAccount;
import org.videogov.storage.service.HoldService;
import org.videogov.storage.service.StorageService;

/**
 * object-storage's gRPC API, for the platform's services only (storage.proto): the caller must be a
 * service account listed in {@code videogov.object-storage.grpc-callers} (the stats) or
 * {@code videogov.object-storage.deleters} (delete, holds, listing); people use REST.
 */
@GrpcService
@Authenticated
public class ObjectStorageGrpcService implements ObjectStorage {

    @Inject
    StorageService storage;

    @Inject
    GrpcCaller caller;

    @Inject
    StorageConfig config;

    @Inject
    HoldService holds;

    /** The most keys one StatObjects call may ask about. */
    static final int MAX_STAT_KEYS = 500;
    /** ListObjects' page size when the request gives none, and its largest. */
    static final int DEFAULT_PAGE_SIZE = 500;
    static final int MAX_PAGE_SIZE = 1000;

    @Override
    public Uni<StatObjectResponse> statObject(StatObjectRequest request) {
        return caller.identity().flatMap(identity -> {
            String client = ServiceAccount.clientOf(identity).filter(config.grpcCallers()::contains)
                    .orElseThrow(() -> Status.PERMISSION_DENIED.withDescription("the object-storage gRPC API is for "
                            + "the platform's services").asRuntimeException());
            String district = GrpcArguments.districtScope(request.getDistrict().getCode())
                    .orElseThrow(() -> Status.INVALID_ARGUMENT.withDescription("district "
                            + org.videogov.common.district.DistrictCode.MESSAGE).asRuntimeException());
            ObjectKey key = ObjectKey.parse(request.getKey());
            return storage.stat(district, key).map(o -> StatObjectResponse.newBuilder()
                    .setDistrict(DistrictCode.newBuilder().setCode(o.district()))
                    .setKey(o.key().value())
                    .setSize(o.size())
                    .setSha256(o.sha256().map(Object::toString).orElse(""))
                    .build());
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<StatObjectsResponse> statObjects(StatObjectsRequest request) {
        return caller.identity().flatMap(identity -> {
            requireClient(identity, config.grpcCallers(), "the object-storage gRPC API is for the platform's services");
            String district = district(request.getDistrict());
            if (request.getKeysCount() > MAX_STAT_KEYS) {
                throw Status.INVALID_ARGUMENT.withDescription("at most " + MAX_STAT_KEYS + " keys per call")
                        .asRuntimeException();
            }
            List<ObjectKey> keys = request.getKeysList().stream().map(ObjectKey::parse).toList();
            return storage.statAll(district, keys).map(found -> {
                StatObjectsResponse.Builder answer = StatObjectsResponse.newBuilder()
                        .setDistrict(DistrictCode.newBuilder().setCode(district));
                for (int i = 0; i < keys.size(); i++) {
                    ObjectStat.Builder stat = ObjectStat.newBuilder().setKey(keys.get(i).value());
                    found.get(i).ifPresent(o -> stat.setFound(true).setSize(o.size())
                            .setSha256(o.sha256().map(Object::toString).orElse("")));
                    answer.addObjects(stat);
                }
                return answer.build();
            });
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<DeleteObjectResponse> deleteObject(DeleteObjectRequest request) {
        return caller.identity().flatMap(identity -> {
            requireClient(identity, config.deleters(), "only recording-metadata deletes objects");
            String district = district(request.getDistrict());
            ObjectKey key = ObjectKey.parse(request.getKey());
            return storage.delete(district, key)
                    .map(deleted -> DeleteObjectResponse.newBuilder().setDeleted(deleted).build());
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ObjectHold> holdObject(HoldObjectRequest request) {
        return caller.identity().flatMap(identity -> {
            requireClient(identity, config.deleters(), "only recording-metadata holds objects");
            String district = district(request.getDistrict());
            ObjectKey key = ObjectKey.parse(request.getKey());
            CaseNumber caseNumber = CaseNumber.parse("case_number", request.getCaseNumber());
            Optional<Instant> retainUntil = request.hasRetainUntil() ? Optional.of(instant(request.getRetainUntil()))
                    : Optional.empty();
            return holds.hold(district, key, caseNumber, retainUntil).map(ObjectStorageGrpcService::view);
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ObjectHold> releaseObject(ReleaseObjectRequest request) {
        return caller.identity().flatMap(identity -> {
            requireClient(identity, config.deleters(), "only recording-metadata releases object holds");
            String district = district(request.getDistrict());
            ObjectKey key = ObjectKey.parse(request.getKey());
            CaseNumber caseNumber = CaseNumber.parse("case_number", request.getCaseNumber());
            return holds.release(district, key, caseNumber).map(ObjectStorageGrpcService::view);
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ListObjectsResponse> listObjects(ListObjectsRequest request) {
        return caller.identity().flatMap(identity -> {
            requireClient(identity, config.deleters(), "only recording-metadata lists objects");
            String district = district(request.getDistrict());
            if (!request.hasModifiedBefore()) {
                throw Status.INVALID_ARGUMENT.withDescription("modified_before is required").asRuntimeException();
            }
            Instant before = instant(request.getModifiedBefore());
            int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw Status.INVALID_ARGUMENT.withDescription("page_size must be 1 to " + MAX_PAGE_SIZE
                        + " (0: " + DEFAULT_PAGE_SIZE + ")").asRuntimeException();
            }
            Optional<ObjectKey> after = request.getPageToken().isEmpty() ? Optional.empty()
                    : Optional.of(pageToken(request.getPageToken()));
            return storage.list(district, before, pageSize, after).map(page -> {
                ListObjectsResponse.Builder answer = ListObjectsResponse.newBuilder();
                page.objects().forEach(o -> answer.addObjects(ListedObject.newBuilder().setKey(o.key()).setSize(o.size())
                        .setLastModified(timestamp(o.lastModified()))));
                page.next().ifPresent(next -> answer.setNextPageToken(next.value()));
                return answer.build();
            });
        }).onFailure().transform(GrpcStatus::of);
    }

    /** The caller's service-account client when it is one of {@code allowed}, else PERMISSION_DENIED. */
    private static String requireClient(io.quarkus.security.identity.SecurityIdentity identity, List<String> allowed,
                                        String refusal) {
        return ServiceAccount.clientOf(identity).filter(allowed::contains)
                .orElseThrow(() -> Status.PERMISSION_DENIED.withDescription(refusal).asRuntimeException());
    }

    private static String district(DistrictCode code) {
        return GrpcArguments.districtScope(code.getCode())
                .orElseThrow(() -> Status.INVALID_ARGUMENT.withDescription("district "
                        + org.videogov.common.district.DistrictCode.MESSAGE).asRuntimeException());
    }

    private static ObjectKey pageToken(String token) {
        try {
            return ObjectKey.parse(token);
        } catch (RuntimeException e) {
            throw Status.INVALID_ARGUMENT.withDescription("page_token must be a key of the previous page")
                    .asRuntimeException();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw Status.INVALID_ARGUMENT.withDescription("a timestamp is out of range").asRuntimeException();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static ObjectHold view(ObjectHoldState state) {
        ObjectHold.Builder hold = ObjectHold.newBuilder().setKey(state.key().value())
                .addAllCaseNumbers(state.caseNumbers())
                .setStoreLegalHold(state.storeLegalHold())
                .setObjectLock(state.objectLock().name());
        state.storeRetainUntil().ifPresent(until -> hold.setStoreRetainUntil(timestamp(until)));
        return hold.build();
    }

    /**
     * Placeholder until the evidence-export slice of issue #10 (another branch) replaces it:
     * UNIMPLEMENTED, as storage.proto's ExportPackage is not built here.
     */
    @Override
    public Multi<PackageChunk> exportPackage(ExportPackageRequest request) {
        return Multi.createFrom().failure(Status.UNIMPLEMENTED.withDescription("evidence export is not built yet")
                .asRuntimeException());
    }
}
