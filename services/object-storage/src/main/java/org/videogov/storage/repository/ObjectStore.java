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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /** Parts of a streamed upload in flight to the store while the next one is read. */
    static final int PARTS_IN_FLIGHT = 2;

    /**
     * Streams {@code body} to the object part by part ({@code videogov.object-storage.part-size}), uploading
     * up to {@link #PARTS_IN_FLIGHT} parts while the next one is read from the caller, so that receiving,
     * digesting and sending overlap; at most three parts are held at once, whatever the object's size, in
     * buffers kept for the next uploads ({@code videogov.object-storage.part-buffers-kept}).
     * Before the object becomes visible — its one PUT when it fits in a part, else the completion of the
     * multipart upload — {@code beforeCommit} runs and may refuse by throwing: a multipart upload is then
     * aborted, so an object whose bytes do not match what the caller declared is never stored at all. Runs
     * blocking on a worker thread (it reads the request's stream); any failure aborts the upload.
     */
    public Uni<Void> putStreaming(String bucket, ObjectKey key, InputStream body, String contentType, long declaredSize,
                                  Sha256 declared, Runnable beforeCommit) {
        return Uni.createFrom().<Void>item(() -> {
            try {
                putBlocking(bucket, key.value(), body, contentType, declaredSize, declared, beforeCommit);
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().transform(f -> f instanceof java.io.UncheckedIOException u ? u.getCause() : unwrap(f));
    }

    private void putBlocking(String bucket, String object, InputStream body, String contentType, long declaredSize,
                             Sha256 declared, Runnable beforeCommit) throws Exception {
        int partSize = Math.toIntExact(config.partSize());
        if (declaredSize < partSize) {
            // Declared smaller than a part: read it into an array of its own size (one byte more, to see a body
            // longer than declared), not into a part buffer: most recordings are small, and an 8 MiB array for
            // each, or a kept buffer held by each of many small uploads at once, would be the waste the kept
            // buffers are there to avoid.
            byte[] whole = new byte[(int) declaredSize + 1];
            int filled = body.readNBytes(whole, 0, whole.length);
            if (filled == whole.length) {
                // More bytes than declared: a mismatch whatever follows. Count the rest (the refusal names the
                // size received; more than the largest object is cut off on the way), store nothing.
                body.transferTo(java.io.OutputStream.nullOutputStream());
                beforeCommit.run();
                throw new IllegalStateException("a body longer than its declared size passed the check");
            }
            beforeCommit.run();
            putOne(bucket, object, whole, filled, contentType, declared);
            return;
        }
        Chunk first = readPart(body, partSize);
        Chunk second = first.length() == partSize ? readPart(body, partSize) : Chunk.EMPTY;
        if (second.length() == 0) {
            beforeCommit.run();
            putOne(bucket, object, first.buffer(), first.length(), contentType, declared);
            // Only now, the client done with it (a failure leaves its buffers to the collector).
            giveBack(first);
            giveBack(second);
            return;
        }
        com.google.common.collect.Multimap<String, String> headers = com.google.common.collect.HashMultimap.create();
        headers.put("Content-Type", contentType);
        headers.put("x-amz-meta-" + SHA256_METADATA, declared.hex());
        String uploadId = client.createMultipartUploadAsync(bucket, null, object, headers, null).join().result()
                .uploadId();
        java.util.ArrayDeque<CompletableFuture<io.minio.messages.Part>> inFlight = new java.util.ArrayDeque<>();
        List<io.minio.messages.Part> parts = new ArrayList<>();
        try {
            Chunk part = first;
            Chunk read = second;
            int number = 1;
            while (part.length() > 0) {
                if (inFlight.size() == PARTS_IN_FLIGHT) {
                    parts.add(inFlight.removeFirst().join());
                }
                Chunk sending = part;
                // A part's buffer is reused once the store has answered for it, never before (a failed or
                // cancelled part's buffer may still be read by the HTTP client: it is left to the collector).
                inFlight.addLast(uploadPart(bucket, object, uploadId, number++, sending)
                        .thenApply(done -> {
                            giveBack(sending);
                            return done;
                        }));
                // At most three buffers: two parts in flight and this one being read.
                part = read != null ? read : readPart(body, partSize);
                read = null;
            }
            while (!inFlight.isEmpty()) {
                parts.add(inFlight.removeFirst().join());
            }
            beforeCommit.run();
            client.completeMultipartUploadAsync(bucket, null, object, uploadId,
                    parts.toArray(io.minio.messages.Part[]::new), null, null).join();
        } catch (Exception | Error e) {
            inFlight.forEach(f -> f.cancel(true));
            try {
                client.abortMultipartUploadAsync(bucket, null, object, uploadId, null, null).join();
            } catch (Exception abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** Stores a whole object, the first {@code length} bytes of {@code bytes}, in one PUT with the MinIO client. */
    private void putOne(String bucket, String object, byte[] bytes, int length, String contentType, Sha256 declared)
            throws Exception {
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(object)
                .stream(new ByteArrayInputStream(bytes, 0, length), length, -1)
                .contentType(contentType).userMetadata(Map.of(SHA256_METADATA, declared.hex())).build()).join();
    }

    /** Up to a part of an upload's bytes: {@code length} of {@code buffer} (fewer only at its end; none at its end). */
    record Chunk(byte[] buffer, int length) {
        static final Chunk EMPTY = new Chunk(new byte[0], 0);
    }

    /**
     * Part buffers kept for the next uploads. Allocated for each part, 8 MiB arrays outlived the young
     * collections of the serial collector (its survivor space is a few MiB): every upload promoted its parts to
     * the old generation, which filled, and a 256 MiB upload cost about fifteen full collections (a quarter of
     * its time). Kept buffers live in the old generation once, and an upload allocates none of them.
     */
    private java.util.concurrent.BlockingQueue<byte[]> spareParts;

    @jakarta.annotation.PostConstruct
    void keepPartBuffers() {
        spareParts = new java.util.concurrent.ArrayBlockingQueue<>(Math.max(1, config.partBuffersKept()));
    }

    /** The next part of {@code in}, in a kept buffer when there is one of the right size. */
    private Chunk readPart(InputStream in, int size) throws IOException {
        byte[] buffer = spareParts.poll();
        if (buffer == null || buffer.length != size) {
            buffer = new byte[size];
        }
        int filled = in.readNBytes(buffer, 0, size);
        if (filled == 0) {
            spareParts.offer(buffer);
            return Chunk.EMPTY;
        }
        return new Chunk(buffer, filled);
    }

    /** Keeps a part's buffer for the next uploads, unless enough are kept already. */
    private void giveBack(Chunk chunk) {
        if (chunk.buffer().length == config.partSize()) {
            spareParts.offer(chunk.buffer());
        }
    }

    /** How long a part's presigned URL is valid: it is used at once, by this service alone. */
    static final int PART_URL_SECONDS = 600;

    /** How long sending one part may take before the upload fails (and is aborted). */
    static final Duration PART_TIMEOUT = Duration.ofMinutes(5);

    /** Sends the parts of streamed uploads ({@link #uploadPart}); HTTP/1.1, as the MinIO client speaks to the store. */
    private final HttpClient partClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Sends one part of a multipart upload to a URL the MinIO client presigned for it (the S3 {@code UploadPart}
     * call, {@code uploadId} and {@code partNumber} signed into the URL, the body {@code UNSIGNED-PAYLOAD}).
     * The client's own {@code uploadPart} hashes every part twice over plain HTTP (SHA-256 for its signature and
     * MD5 for {@code Content-MD5}), on the thread reading the upload, and the store hashes it twice more to check
     * them: four passes over bytes this service hashes once anyway for the object's SHA-256. That SHA-256 is the
     * object's integrity: compared with the uploader's declaration before the upload completes, recorded on the
     * object, and checked by reads that ask to verify. The answer's ETag names the part in the completion.
     */
    private CompletableFuture<io.minio.messages.Part> uploadPart(String bucket, String object, String uploadId,
                                                                 int number, Chunk part) throws Exception {
        String url = client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT)
                .bucket(bucket).object(object).expiry(PART_URL_SECONDS)
                .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", Integer.toString(number))).build());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PART_TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(slices(part), part.length())).build();
        return partClient.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            Optional<String> etag = response.headers().firstValue("ETag");
            if (response.statusCode() != 200 || etag.isEmpty()) {
                throw new CompletionException(new PartRefused(bucket, object, number, response.statusCode(),
                        response.body()));
            }
            // As the MinIO client's uploadPart: the ETag without its quotes.
            return new io.minio.messages.Part(number, etag.get().replace("\"", ""));
        });
    }

    /** The size of the slices a part is handed to the HTTP client in. */
    static final int SLICE = 256 * 1024;

    /**
     * The part's bytes as views of its buffer, {@link #SLICE} at a time, copying nothing. The JDK's own
     * {@code BodyPublishers.ofByteArray} copies the array into new buffers as it sends: a second copy of
     * every uploaded byte for the collector, which the serial collector promoted to the old generation.
     */
    private static java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer> slices(Chunk part) {
        List<java.nio.ByteBuffer> slices = new ArrayList<>();
        for (int offset = 0; offset < part.length(); offset += SLICE) {
            slices.add(java.nio.ByteBuffer.wrap(part.buffer(), offset, Math.min(SLICE, part.length() - offset)));
        }
        return io.smallrye.mutiny.Multi.createFrom().iterable(slices);
    }

    /** The store refused a part (or answered without an ETag); the upload fails and is aborted. */
    static final class PartRefused extends IOException {
        PartRefused(String bucket, String object, int number, int status, String body) {
            super("the store answered " + status + " to part " + number + " of " + bucket + "/" + object + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
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
