package org.videogov.recording.client;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.identity.ServiceToken;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.PackageChunk;

/**
 * object-storage's ExportPackage (gRPC client {@code object-storage}), called as this service: its own
 * client-credentials token (the default {@code quarkus-oidc-client}, as for sharing-authz), which
 * object-storage's {@code videogov.object-storage.deleters} allows. Not retried: a package is a long
 * stream, and the person asks again. Its failures become problems: NOT_FOUND (an object missing) 404,
 * DATA_LOSS (an object corrupted) 500 object-corrupted, FAILED_PRECONDITION (no signing key) and
 * everything else (object-storage or the identity provider unreachable) 503.
 *
 * <p>The reader sets the pace: the call's inbound flow control is manual, and a chunk is asked of
 * object-storage only when the response to the person has asked for one (the REST layer asks for the next
 * item once the previous one is written to the connection). Without that, the gRPC client took every chunk as
 * fast as object-storage wrote it, and a package read slowly piled up in this service's heap until it ran out
 * (docs/benchmarks.md, "Memory").
 */
@ApplicationScoped
public class ObjectStorageExports {

    private static final Logger LOG = Logger.getLogger(ObjectStorageExports.class);

    /** Chunks asked of object-storage and not yet arrived, at most (a chunk is up to 1 MiB). */
    static final int MAX_AHEAD = 4;

    @GrpcClient("object-storage")
    Channel channel;

    @Inject
    ServiceToken serviceToken;

    public Multi<PackageChunk> exportPackage(ExportPackageRequest request) {
        return serviceToken.get()
                .onItem().transformToMulti(token -> Multi.createFrom().<PackageChunk>emitter(
                        emitter -> new PacedCall(emitter).start(token, request), BackPressureStrategy.ERROR))
                .onFailure().transform(ObjectStorageExports::problem);
    }

    /**
     * The call with manual inbound flow control: chunks are asked of object-storage only as far as the reader has
     * asked for them and not received them, and never more than {@link #MAX_AHEAD} in flight. So a chunk never
     * arrives unasked; if one did, the emitter (BackPressureStrategy.ERROR) would fail the export rather than hold
     * it. A chunk is emitted under the same lock that counts what is in flight, so that no request is computed
     * between the two.
     */
    private final class PacedCall implements ClientResponseObserver<ExportPackageRequest, PackageChunk> {
        private final MultiEmitter<? super PackageChunk> emitter;
        private ClientCallStreamObserver<ExportPackageRequest> call;
        private long inFlight;
        /** A chunk is being handed to the reader: the emitter still counts it as asked for until it returns. */
        private boolean emitting;

        PacedCall(MultiEmitter<? super PackageChunk> emitter) {
            this.emitter = emitter;
        }

        void start(String token, ExportPackageRequest request) {
            ObjectStorageGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                    BearerMetadata.of(token))).exportPackage(request, this);
            emitter.onCancellation(() -> call.cancel("the reader of the package went away", null));
            // From here on the call exists: what the reader asked before is asked now, later asks as they come.
            emitter.onRequest(n -> ask());
            ask();
        }

        /** Asks object-storage for what the reader wants and has not been asked yet. */
        private void ask() {
            int more;
            synchronized (this) {
                // The reader may ask for more while a chunk is handed to it (on this thread): that chunk is not
                // wanted any more, though the emitter counts it until the hand-over returns.
                long wanted = emitter.requested() - (emitting ? 1 : 0);
                more = (int) Math.max(0, Math.min(wanted, MAX_AHEAD) - inFlight);
                inFlight += more;
            }
            if (more > 0) {
                call.request(more);
            }
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<ExportPackageRequest> call) {
            call.disableAutoRequestWithInitial(0);
            this.call = call;
        }

        @Override
        public void onNext(PackageChunk chunk) {
            synchronized (this) {
                inFlight--;
                emitting = true;
                try {
                    emitter.emit(chunk);
                } finally {
                    emitting = false;
                }
            }
            ask();
        }

        @Override
        public void onError(Throwable failure) {
            emitter.fail(failure);
        }

        @Override
        public void onCompleted() {
            emitter.complete();
        }
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
