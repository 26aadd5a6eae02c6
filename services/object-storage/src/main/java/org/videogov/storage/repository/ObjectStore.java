package org.videogov.storage.repository;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.storage.domain.Sha256;
import org.videogov.storage.domain.StoredObject;

/**
 * The S3-compatible store through the MinIO Java client's {@link MinioAsyncClient}: every call is a
 * {@link Uni} of the client's future, subscribed on the worker pool (the client's calls may read a
 * stream or sign a request before their future exists), so nothing here runs on the event loop.
 * One bucket per district ({@link #bucket}), created on first use.
 */
@ApplicationScoped
public class ObjectStore {

    /** The user metadata key of the SHA-256 the uploader declared (and the service verified). */
    public static final String SHA256_METADATA = "sha256";

    @Inject
    MinioAsyncClient client;

    @Inject
    StorageConfig config;

    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    /** A call of the client that may throw before its future exists. */
    @FunctionalInterface
    public interface Call<T> {
        CompletableFuture<T> start() throws Exception;
    }

    /** One call of the async client, subscribed on the worker pool, its failure unwrapped. */
    public static <T> Uni<T> call(Call<T> call) {
        return Uni.createFrom().<T>completionStage(() -> {
            try {
                return call.start();
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().transform(ObjectStore::unwrap);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The S3 error code of a failure ({@code NoSuchKey}, {@code NotImplemented}, …), or empty. */
    public static Optional<String> errorCode(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ErrorResponseException e && e.errorResponse() != null) {
            return Optional.ofNullable(e.errorResponse().code());
        }
        return Optional.empty();
    }

    /** The HTTP status the server answered a failed call with, or 0. */
    public static int httpStatus(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof ErrorResponseException e && e.response() != null ? e.response().code() : 0;
    }

    public String bucket(String district) {
        return config.bucketPrefix() + district;
    }

    /** The district's bucket, created on first use ({@code objectLock}: with S3 object lock enabled). */
    public Uni<String> ensureBucket(String district, boolean objectLock) {
        String bucket = bucket(district);
        if (knownBuckets.contains(bucket)) {
            return Uni.createFrom().item(bucket);
        }
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .flatMap(exists -> exists ? Uni.createFrom().voidItem()
                        : call(() -> client.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(objectLock)
                                .build()))
                        .onFailure(f -> errorCode(f).filter(c -> c.equals("BucketAlreadyOwnedByYou")
                                || c.equals("BucketAlreadyExists")).isPresent())
                        .recoverWithNull())
                .invoke(() -> knownBuckets.add(bucket))
                .replaceWith(bucket);
    }

    /** Whether a bucket exists (the readiness check: the store answers signed requests). */
    public Uni<Boolean> bucketExists(String bucket) {
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    /** The object's size and recorded checksum, or empty when there is no such object (or bucket). */
    public Uni<Optional<StoredObject>> stat(String district, ObjectKey key) {
        return call(() -> client.statObject(StatObjectArgs.builder().bucket(bucket(district)).object(key.value())
                .build()))
                .map(stat -> Optional.of(stored(district, key, stat)))
                .onFailure(ObjectStore::missing).recoverWithItem(Optional.empty());
    }

    /**
     * Streams {@code body} to the object (size unknown to the client: one PUT up to a part, multipart
     * beyond, one part buffered at a time), with the declared checksum as user metadata.
     */
    public Uni<Void> put(String bucket, ObjectKey key, InputStream body, String contentType, Sha256 declared) {
        return call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key.value())
                .stream(body, -1, config.partSize())
                .contentType(contentType)
                .userMetadata(Map.of(SHA256_METADATA, declared.hex()))
                .build()))
                .replaceWithVoid();
    }

    /** The object's bytes from {@code offset}, {@code length} of them (null: to the end). */
    public Uni<GetObjectResponse> get(String district, ObjectKey key, long offset, Long length) {
        return call(() -> {
            GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket(district)).object(key.value());
            if (offset > 0 || length != null) {
                args.offset(offset);
            }
            if (length != null) {
                args.length(length);
            }
            return client.getObject(args.build());
        });
    }

    public Uni<Void> remove(String bucket, ObjectKey key) {
        return call(() -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key.value()).build()));
    }

    /** Creates the probe bucket with object lock (when missing) and reads its object-lock configuration. */
    public Uni<Void> probeObjectLock(String probeBucket) {
        return probeObjectLock(client, probeBucket);
    }

    /** As {@link #probeObjectLock(String)}, on any S3 server's client. */
    public static Uni<Void> probeObjectLock(MinioAsyncClient client, String probeBucket) {
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(probeBucket).build()))
                .flatMap(exists -> exists ? Uni.createFrom().voidItem()
                        : call(() -> client.makeBucket(MakeBucketArgs.builder().bucket(probeBucket).objectLock(true)
                                .build())))
                .chain(() -> call(() -> client.getObjectLockConfiguration(
                        GetObjectLockConfigurationArgs.builder().bucket(probeBucket).build())))
                .replaceWithVoid();
    }

    /** Whether a failure says the object (or its bucket) does not exist. */
    public static boolean missing(Throwable failure) {
        return errorCode(failure).filter(c -> c.equals("NoSuchKey") || c.equals("NoSuchBucket")
                || c.equals("NoSuchObject") || c.equals("ResourceNotFound")).isPresent()
                || httpStatus(failure) == 404;
    }

    private static StoredObject stored(String district, ObjectKey key, StatObjectResponse stat) {
        String recorded = stat.userMetadata() == null ? null : stat.userMetadata().get(SHA256_METADATA);
        Optional<Sha256> sha = recorded == null || recorded.length() != 64 ? Optional.empty()
                : Optional.of(new Sha256(recorded.toLowerCase(java.util.Locale.ROOT)));
        return new StoredObject(district, key, stat.size(), sha, stat.contentType());
    }
}
