package org.videogov.recording.client;

import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.identity.ServiceToken;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.DeleteObjectRequest;
import org.videogov.proto.storage.v1.ListObjectsRequest;
import org.videogov.proto.storage.v1.MutinyObjectStorageGrpc;

/**
 * object-storage's DeleteObject and ListObjects (storage.proto) for the purge and the orphan sweep, called as
 * this service with its own client-credentials token (the default {@code quarkus-oidc-client}, as
 * {@link ObjectStorageExports}), kept until shortly before it expires. Not retried here: the purge and the
 * sweep are rerun as a whole, and DeleteObject is idempotent.
 */
@ApplicationScoped
public class ObjectRemoval {

    private static final Logger LOG = Logger.getLogger(ObjectRemoval.class);

    /** What DeleteObject answered: the object deleted, already absent, or refused because it is held. */
    public enum Outcome { DELETED, ABSENT, HELD }

    /** A listed object: key and last modification. */
    public record Listed(String key, Instant lastModified) {
    }

    /** One page of ListObjects; {@code next} empty at the end. */
    public record Page(List<Listed> objects, String next) {
    }

    /** object-storage failed to answer (unreachable, refused our token, ...): the caller stops and reruns later. */
    public static final class StorageFailure extends RuntimeException {
        public StorageFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @GrpcClient("object-storage")
    MutinyObjectStorageGrpc.MutinyObjectStorageStub stub;

    @Inject
    ServiceToken serviceToken;

    private Supplier<Uni<String>> token;

    /** Outside CDI (the purge run in a separate process of the crash test): a stub and a token source. */
    public static ObjectRemoval of(MutinyObjectStorageGrpc.MutinyObjectStorageStub stub, Supplier<Uni<String>> token) {
        ObjectRemoval removal = new ObjectRemoval();
        removal.stub = stub;
        removal.token = token;
        return removal;
    }

    private Uni<String> token() {
        return token != null ? token.get() : serviceToken.get();
    }

    private Uni<MutinyObjectStorageGrpc.MutinyObjectStorageStub> authorized() {
        return token().map(t -> stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(BearerMetadata.of(t)))
                .withDeadlineAfter(30, TimeUnit.SECONDS));
    }

    /** Deletes one object of the district; FAILED_PRECONDITION (a legal hold object-storage recorded) is HELD. */
    public Uni<Outcome> delete(String district, String key) {
        DeleteObjectRequest request = DeleteObjectRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(district)).setKey(key).build();
        return authorized().flatMap(s -> s.deleteObject(request))
                .map(r -> r.getDeleted() ? Outcome.DELETED : Outcome.ABSENT)
                .onFailure(f -> f instanceof StatusRuntimeException e
                        && e.getStatus().getCode() == io.grpc.Status.Code.FAILED_PRECONDITION)
                .recoverWithItem(f -> {
                    LOG.infof("object %s of district %s kept: %s", key, district,
                            ((StatusRuntimeException) f).getStatus().getDescription());
                    return Outcome.HELD;
                })
                .onFailure(f -> !(f instanceof StorageFailure))
                .transform(f -> new StorageFailure("DeleteObject " + district + "/" + key + " failed: " + f, f));
    }

    /** One page (at most 500) of the district's objects last modified before {@code before}, after {@code pageToken}. */
    public Uni<Page> list(String district, Instant before, String pageToken) {
        ListObjectsRequest request = ListObjectsRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(district))
                .setModifiedBefore(Timestamp.newBuilder().setSeconds(before.getEpochSecond()).setNanos(before.getNano()))
                .setPageSize(500).setPageToken(pageToken == null ? "" : pageToken).build();
        return authorized().flatMap(s -> s.listObjects(request))
                .map(r -> new Page(r.getObjectsList().stream().map(o -> new Listed(o.getKey(),
                        Instant.ofEpochSecond(o.getLastModified().getSeconds(), o.getLastModified().getNanos()))).toList(),
                        r.getNextPageToken()))
                .onFailure().transform(f -> new StorageFailure("ListObjects " + district + " failed: " + f, f));
    }
}
