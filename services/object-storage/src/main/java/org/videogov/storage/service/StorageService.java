package org.videogov.storage.service;

import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.ListedObject;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.domain.Sha256;
import org.videogov.storage.domain.StoredObject;
import org.videogov.storage.repository.ObjectStore;

/**
 * Stores and serves the video objects (Article 5 of the measures: recordings are kept and
 * protected). An upload is streamed to the district's bucket while its SHA-256 and size are
 * computed; what does not match its declaration is removed and refused, so nothing unverified is
 * kept. An object is never overwritten. A read may first verify the object against the checksum
 * recorded at upload and reports corruption instead of serving it. Authorization is the caller's
 * ({@code rest.ObjectAccess}); this class only stores and reads.
 */
@ApplicationScoped
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class);

    /** Header fields naming what the uploader declared (named in a mismatch's problem). */
    public static final String SIZE_FIELD = "X-Object-Size";
    public static final String SHA256_FIELD = "X-Object-SHA256";

    @Inject
    ObjectStore store;

    @Inject
    ObjectLockProbe lock;

    @Inject
    StorageConfig config;

    @Inject
    HoldService holds;

    @Inject
    PresignService presign;

    /** What the uploader declared. */
    public record Declared(long size, Sha256 sha256) {
    }

    /**
     * Streams {@code body} to {@code district}'s bucket under {@code key} and keeps it only when its
     * size and SHA-256 are the declared ones: otherwise the object is removed and the answer is 422
     * naming the field that did not match. An existing object is a 409 (never overwritten); more
     * than the configured maximum is 413; a failure on the way (the uploader gone, the store
     * unreachable) removes what was written.
     */
    public Uni<StoredObject> upload(String district, ObjectKey key, InputStream body, String contentType,
                                    Declared declared) {
        if (declared.size() > config.maxObjectSize().asLongValue()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, SIZE_FIELD + ": " + declared.size()
                    + " bytes exceeds the largest object, " + config.maxObjectSize().asLongValue() + " bytes");
        }
        DigestingInputStream digesting = new DigestingInputStream(body, config.maxObjectSize().asLongValue());
        return store.ensureBucket(district, lock.support() == ObjectLockSupport.SUPPORTED)
                .flatMap(bucket -> store.stat(district, key).flatMap(existing -> {
                    if (existing.isPresent()) {
                        throw ProblemException.conflict("object " + key + " already exists in district " + district
                                + "; stored recordings are never overwritten (Article 5)");
                    }
                    return store.putStreaming(bucket, key, digesting, contentType, declared.size(), declared.sha256(),
                                    () -> refuseMismatch(declared, digesting))
                            // A refused mismatch stored nothing (the upload was aborted before it completed).
                            .onFailure(f -> !(f instanceof ProblemException)).call(failure -> removeQuietly(bucket, key))
                            .onFailure().transform(StorageService::uploadFailure)
                            .flatMap(done -> verifyUpload(bucket, district, key, contentType, declared, digesting));
                }))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /**
     * Before the object becomes visible: the bytes received must be those declared, else the upload is
     * refused (422) and the store never shows the object.
     */
    private static void refuseMismatch(Declared declared, DigestingInputStream received) {
        long size = received.count();
        Sha256 actual = received.sha256();
        String field = size != declared.size() ? SIZE_FIELD : SHA256_FIELD;
        String mismatch = size != declared.size()
                ? SIZE_FIELD + ": declared " + declared.size() + " bytes, received " + size
                : actual.equals(declared.sha256()) ? null
                : SHA256_FIELD + ": declared " + declared.sha256() + ", received bytes hash to " + actual;
        if (mismatch != null) {
            String detail = mismatch + "; nothing was kept";
            throw new ProblemException(ProblemType.CHECKSUM_MISMATCH, detail,
                    Map.of("errors", java.util.List.of(Map.of("field", field, "message", detail))));
        }
    }

    private Uni<StoredObject> verifyUpload(String bucket, String district, ObjectKey key, String contentType,
                                           Declared declared, DigestingInputStream received) {
        long size = received.count();
        Sha256 actual = received.sha256();
        String mismatch = null;
        if (size != declared.size()) {
            mismatch = SIZE_FIELD + ": declared " + declared.size() + " bytes, received " + size;
        } else if (!actual.equals(declared.sha256())) {
            mismatch = SHA256_FIELD + ": declared " + declared.sha256() + ", received bytes hash to " + actual;
        }
        if (mismatch == null) {
            return Uni.createFrom().item(new StoredObject(district, key, size, Optional.of(actual), contentType));
        }
        String field = size != declared.size() ? SIZE_FIELD : SHA256_FIELD;
        String detail = mismatch + "; the object was removed and nothing was kept";
        return store.remove(bucket, key).map(v -> {
            throw new ProblemException(ProblemType.CHECKSUM_MISMATCH, detail,
                    Map.of("errors", java.util.List.of(Map.of("field", field, "message", detail))));
        });
    }

    private Uni<Void> removeQuietly(String bucket, ObjectKey key) {
        return store.remove(bucket, key).onFailure().recoverWithItem(failure -> {
            LOG.warnf("could not remove the partial object %s/%s after a failed upload: %s", bucket, key, failure);
            return null;
        });
    }

    private static Throwable uploadFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof DigestingInputStream.TooLarge) {
                return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, cause.getMessage()
                        + "; nothing was kept");
            }
            cause = cause.getCause();
        }
        if (failure instanceof ProblemException) {
            return failure;
        }
        return unavailable(failure);
    }

    static ProblemException unavailable(Throwable failure) {
        LOG.warnf("the object store failed: %s", failure.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The object store did not complete the "
                + "request; nothing was kept. Retry later.");
    }

    /** The object's size and recorded checksum; 404 when there is none. */
    public Uni<StoredObject> stat(String district, ObjectKey key) {
        return settled(district, key)
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("object", key)));
    }

    /** The object as its first use must see it (a presigned upload verified first, {@link PresignService#settle}). */
    private Uni<Optional<StoredObject>> settled(String district, ObjectKey key) {
        return store.stat(district, key).chain(found -> found.isEmpty() ? Uni.createFrom().item(found)
                : presign.settle(found.get()));
    }

    /** How many objects {@link #statAll} asks the store about at once. */
    private static final int STAT_CONCURRENCY = 16;

    /** The size and recorded checksum of each key (empty where there is no object), in the keys' order. */
    public Uni<List<Optional<StoredObject>>> statAll(String district, List<ObjectKey> keys) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            indexes.add(i);
        }
        return Multi.createFrom().iterable(indexes)
                .onItem().transformToUni(i -> settled(district, keys.get(i)).map(found -> Map.entry(i, found)))
                .merge(STAT_CONCURRENCY)
                .collect().asList()
                .map(entries -> {
                    List<Optional<StoredObject>> ordered = new ArrayList<>(java.util.Collections.nCopies(keys.size(),
                            Optional.<StoredObject>empty()));
                    entries.forEach(e -> ordered.set(e.getKey(), e.getValue()));
                    return ordered;
                })
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /**
     * Deletes an object for good (recording-metadata's purge and orphan sweep), false when there was
     * none. Refused (Article 5: held evidence is kept) when the platform records a legal hold on it
     * ({@link HoldService}), on every store, and, where object lock is supported, while the store
     * keeps a retention on it.
     */
    public Uni<Boolean> delete(String district, ObjectKey key) {
        String bucket = store.bucket(district);
        boolean supported = lock.support() == ObjectLockSupport.SUPPORTED;
        return holds.records(district, key).chain(records -> {
            if (!records.isEmpty()) {
                String cases = records.stream().map(r -> r.caseNumber()).collect(Collectors.joining(", "));
                throw ProblemException.regulation("5", "object " + key + " is under legal hold for case " + cases
                        + "; held recordings are not deleted");
            }
            return store.stat(district, key);
        }).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            Uni<Void> retained = !supported ? Uni.createFrom().voidItem()
                    : store.retention(bucket, key).onFailure(f -> ObjectStore.errorCode(f).isPresent())
                    .recoverWithItem(Optional.empty())
                    .map(until -> {
                        if (until.isPresent() && until.get().isAfter(Instant.now())) {
                            throw ProblemException.regulation("5", "object " + key + " is kept by the store's "
                                    + "retention until " + until.get() + "; it cannot be deleted before");
                        }
                        return null;
                    });
            return retained.chain(() -> store.removeAllVersions(bucket, key.value(), supported))
                    // A presigned upload's declaration, should the object never have been used.
                    .chain(() -> store.remove(bucket, PresignService.pendingName(key), null))
                    .invoke(() -> LOG.infof("object %s/%s deleted", bucket, key))
                    .replaceWith(true);
        }).onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /** One page of {@link #list}: the objects and the key to continue after (empty at the end). */
    public record ObjectPage(List<ListedObject> objects, Optional<ObjectKey> next) {
    }

    /**
     * The district's objects last modified before {@code before}, in key order after {@code after},
     * at most {@code pageSize} (recording-metadata's orphan sweep); the platform's hold records are
     * never listed.
     */
    public Uni<ObjectPage> list(String district, Instant before, int pageSize, Optional<ObjectKey> after) {
        ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(store.bucket(district)).recursive(true)
                .maxKeys(1000);
        after.ifPresent(key -> args.startAfter(key.value()));
        return store.list(args.build(), item -> !item.isDir()
                        && !item.objectName().startsWith(ObjectKey.RESERVED_PREFIX)
                        && !item.objectName().startsWith(ObjectKey.PENDING_PREFIX)
                        && item.lastModified() != null && item.lastModified().toInstant().isBefore(before), pageSize)
                .map(listing -> new ObjectPage(listing.items().stream().map(item -> new ListedObject(item.objectName(),
                        item.size(), item.lastModified().toInstant())).toList(), listing.more() && !listing.items().isEmpty()
                        ? Optional.of(new ObjectKey(listing.items().get(listing.items().size() - 1).objectName()))
                        : Optional.empty()))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /**
     * Reads the whole object and compares its SHA-256 with the one recorded at upload; a difference
     * (or no recorded checksum) is an {@code object-corrupted} problem and the object is not served.
     */
    public Uni<StoredObject> verify(StoredObject object) {
        if (object.sha256().isEmpty()) {
            throw new ProblemException(ProblemType.OBJECT_CORRUPTED, "object " + object.key()
                    + " has no recorded SHA-256 and cannot be verified; it is not served");
        }
        return store.get(object.district(), object.key(), 0, null)
                .flatMap(stream -> Uni.createFrom().item(() -> digest(stream))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable)
                .map(actual -> {
                    if (!actual.equals(object.sha256().get())) {
                        LOG.errorf("object %s of district %s fails its checksum (recorded %s, stored bytes %s)",
                                object.key(), object.district(), object.sha256().get(), actual);
                        throw new ProblemException(ProblemType.OBJECT_CORRUPTED, "object " + object.key()
                                + " no longer matches the SHA-256 recorded at upload (" + object.sha256().get()
                                + "); it is not served");
                    }
                    return object;
                });
    }

    /** The object's bytes from {@code offset}, {@code length} of them (null: to the end); the caller closes it. */
    public Uni<GetObjectResponse> open(StoredObject object, long offset, Long length) {
        return store.get(object.district(), object.key(), offset, length)
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    static Sha256 digest(InputStream stream) {
        MessageDigest digest = Sha256.digester();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = stream) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Sha256.of(digest);
    }
}
