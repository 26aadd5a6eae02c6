package org.videogov.recording.client;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.identity.ServiceToken;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.ObjectStorage;
import org.videogov.proto.storage.v1.PackageChunk;

/**
 * object-storage's ExportPackage (gRPC client {@code object-storage}), called as this service: its own
 * client-credentials token (the default {@code quarkus-oidc-client}, as for sharing-authz), which
 * object-storage's {@code videogov.object-storage.deleters} allows. Not retried: a package is a long
 * stream, and the person asks again. Its failures become problems: NOT_FOUND (an object missing) 404,
 * DATA_LOSS (an object corrupted) 500 object-corrupted, FAILED_PRECONDITION (no signing key) and
 * everything else (object-storage or the identity provider unreachable) 503.
 */
@ApplicationScoped
public class ObjectStorageExports {

    private static final Logger LOG = Logger.getLogger(ObjectStorageExports.class);

    @GrpcClient("object-storage")
    ObjectStorage storage;

    @Inject
    ServiceToken serviceToken;

    public Multi<PackageChunk> exportPackage(ExportPackageRequest request) {
        return serviceToken.get()
                .onItem().transformToMulti(token -> GrpcClientUtils.attachHeaders(storage, BearerMetadata.of(token))
                        .exportPackage(request))
                .onFailure().transform(ObjectStorageExports::problem);
    }

    static Throwable problem(Throwable failure) {
        if (failure instanceof StatusRuntimeException e) {
            String description = e.getStatus().getDescription();
            switch (e.getStatus().getCode()) {
                case NOT_FOUND:
                    return new ProblemException(ProblemType.NOT_FOUND, "A recorded segment's object is missing from "
                            + "the store (" + description + "); nothing was exported");
                case DATA_LOSS:
                    return new ProblemException(ProblemType.OBJECT_CORRUPTED, description);
                default:
                    LOG.warnf("object-storage's ExportPackage failed: %s", e.getStatus());
                    return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "object-storage could not export "
                            + "the package (" + e.getStatus().getCode() + (description == null ? "" : ": "
                            + description) + "); retry later");
            }
        }
        if (failure instanceof ProblemException) {
            return failure;
        }
        LOG.warnf("evidence export failed: %s", failure.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "object-storage could not be reached to "
                + "export the package; retry later");
    }
}
