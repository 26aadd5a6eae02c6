package org.videogov.storage.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.videogov.common.grpc.GrpcArguments;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ObjectStorage;
import org.videogov.proto.storage.v1.StatObjectRequest;
import org.videogov.proto.storage.v1.StatObjectResponse;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.common.identity.ServiceAccount;
import org.videogov.storage.service.StorageService;

/**
 * object-storage's gRPC API, for the platform's services only (storage.proto): the caller must be a
 * service account listed in {@code videogov.object-storage.grpc-callers}; people use REST.
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

    // Until the h-storage slice implements them (the proto has them since 918c1b3): UNIMPLEMENTED.
    private static <T> io.smallrye.mutiny.Uni<T> notYet() {
        return io.smallrye.mutiny.Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<org.videogov.proto.storage.v1.StatObjectsResponse> statObjects(
            org.videogov.proto.storage.v1.StatObjectsRequest request) {
        return notYet();
    }

    @Override
    public Uni<org.videogov.proto.storage.v1.DeleteObjectResponse> deleteObject(
            org.videogov.proto.storage.v1.DeleteObjectRequest request) {
        return notYet();
    }

    @Override
    public Uni<org.videogov.proto.storage.v1.ObjectHold> holdObject(
            org.videogov.proto.storage.v1.HoldObjectRequest request) {
        return notYet();
    }

    @Override
    public Uni<org.videogov.proto.storage.v1.ObjectHold> releaseObject(
            org.videogov.proto.storage.v1.ReleaseObjectRequest request) {
        return notYet();
    }

    @Override
    public Uni<org.videogov.proto.storage.v1.ListObjectsResponse> listObjects(
            org.videogov.proto.storage.v1.ListObjectsRequest request) {
        return notYet();
    }

    @Inject
    org.videogov.storage.evidence.EvidenceExport evidence;

    /** Evidence packages: org.videogov.storage.evidence.EvidenceExport. */
    @Override
    public io.smallrye.mutiny.Multi<org.videogov.proto.storage.v1.PackageChunk> exportPackage(
            org.videogov.proto.storage.v1.ExportPackageRequest request) {
        return evidence.exportPackage(request);
    }
}
