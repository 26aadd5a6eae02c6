package org.videogov.storage.repository;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.http.Method;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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

    /** Stores a small object of the platform's own (a hold record), replacing one of that name. */
    public Uni<Void> putSmall(String bucket, String name, byte[] content, String contentType) {
        return call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(name)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentType)
                .build()))
                .replaceWithVoid();
    }

    /** The whole content of a small object, or empty when there is none. */
    public Uni<Optional<byte[]>> getSmall(String bucket, String name) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(name).build()))
                .map(response -> {
                    try (InputStream in = response) {
                        return Optional.of(in.readAllBytes());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .onFailure(ObjectStore::missing).recoverWithItem(Optional.empty());
    }

    /**
     * Lists a bucket ({@code args} names it, with prefix, start and versions as wanted) until
     * {@code limit} items pass {@code filter}, on the worker pool (the client's listing pages with
     * blocking calls); a missing bucket lists nothing. {@code more} tells whether items remained.
     */
    public Uni<Listing> list(ListObjectsArgs args, Predicate<Item> filter, int limit) {
        return Uni.createFrom().item(() -> {
            List<Item> items = new ArrayList<>();
            boolean more = false;
            try {
                for (Result<Item> result : client.listObjects(args)) {
                    Item item = result.get();
                    if (!filter.test(item)) {
                        continue;
                    }
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    items.add(item);
                }
            } catch (Exception e) {
                if (missing(e)) {
                    return new Listing(List.of(), false);
                }
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return new Listing(List.copyOf(items), more);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** One page of a listing: its items, and whether more followed. */
    public record Listing(List<Item> items, boolean more) {
    }

    /** Removes one version of an object ({@code versionId} null: the current one). */
    public Uni<Void> remove(String bucket, String name, String versionId) {
        return call(() -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(name)
                .versionId(versionId).build()));
    }

    /**
     * Removes an object for good: on a versioned bucket ({@code versioned}: object lock, which
     * requires versioning) every version and delete marker of that exact name, else the object.
     */
    public Uni<Void> removeAllVersions(String bucket, String name, boolean versioned) {
        if (!versioned) {
            return remove(bucket, name, null);
        }
        return list(ListObjectsArgs.builder().bucket(bucket).prefix(name).recursive(true).includeVersions(true).build(),
                item -> !item.isDir() && item.objectName().equals(name), Integer.MAX_VALUE - 1)
                .chain(listing -> {
                    if (listing.items().isEmpty()) {
                        return remove(bucket, name, null);
                    }
                    Uni<Void> removed = Uni.createFrom().voidItem();
                    for (Item item : listing.items()) {
                        String version = item.versionId() == null || item.versionId().equals("null") ? null
                                : item.versionId();
                        removed = removed.chain(() -> remove(bucket, name, version));
                    }
                    return removed;
                });
    }

    /** A presigned URL of the object for {@code method} (PUT or GET), valid {@code seconds}. */
    public Uni<String> presign(String bucket, ObjectKey key, Method method, int seconds) {
        return Uni.createFrom().item(() -> {
            try {
                return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(method).bucket(bucket)
                        .object(key.value()).expiry(seconds).build());
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Records the verified checksum on an object: copied onto itself with the new user metadata. */
    public Uni<Void> recordChecksum(String bucket, ObjectKey key, String contentType, Sha256 verified) {
        return call(() -> client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(key.value())
                .source(CopySource.builder().bucket(bucket).object(key.value()).build())
                .metadataDirective(Directive.REPLACE)
                .headers(Map.of("Content-Type", contentType == null ? "application/octet-stream" : contentType))
                .userMetadata(Map.of(SHA256_METADATA, verified.hex()))
                .build()))
                .replaceWithVoid();
    }

    /** Sets the object's S3 legal hold ON or OFF (object lock). */
    public Uni<Void> legalHold(String bucket, ObjectKey key, boolean on) {
        return on
                ? call(() -> client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(bucket)
                        .object(key.value()).build()))
                : call(() -> client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder().bucket(bucket)
                        .object(key.value()).build()));
    }

    /** Whether the object's S3 legal hold is ON. */
    public Uni<Boolean> legalHold(String bucket, ObjectKey key) {
        return call(() -> client.isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder().bucket(bucket)
                .object(key.value()).build()));
    }

    /**
     * The object's S3 retention date, or empty when it has none: MinIO answers that with
     * NoSuchObjectLockConfiguration, S3Mock with a 404 whose body the client cannot parse
     * (an {@link io.minio.errors.XmlParserException}).
     */
    public Uni<Optional<Instant>> retention(String bucket, ObjectKey key) {
        return call(() -> client.getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket)
                .object(key.value()).build()))
                .map(r -> r == null || r.retainUntilDate() == null ? Optional.<Instant>empty()
                        : Optional.of(r.retainUntilDate().toInstant()))
                .onFailure(f -> errorCode(f).filter(c -> c.equals("NoSuchObjectLockConfiguration")
                        || c.equals("NotFound")).isPresent() || unwrap(f) instanceof io.minio.errors.XmlParserException)
                .recoverWithItem(Optional.empty());
    }

    /** Sets a GOVERNANCE retention on the object until {@code until} (object lock). */
    public Uni<Void> retainUntil(String bucket, ObjectKey key, Instant until) {
        return call(() -> client.setObjectRetention(SetObjectRetentionArgs.builder().bucket(bucket).object(key.value())
                .config(new Retention(RetentionMode.GOVERNANCE, until.atZone(ZoneOffset.UTC))).build()));
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
