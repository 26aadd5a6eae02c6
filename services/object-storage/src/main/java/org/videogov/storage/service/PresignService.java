package org.videogov.storage.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.http.Method;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.domain.PendingUpload;
import org.videogov.storage.domain.Sha256;
import org.videogov.storage.domain.StoredObject;
import org.videogov.storage.repository.ObjectStore;

/**
 * Presigned URLs (Article 5 of the measures: recordings are kept exactly as declared). A presigned
 * PUT sends the bytes to the store directly, past this service's hashing, so the declaration is
 * kept beside the object ({@link PendingUpload}, under {@code .pending/}) and the object is
 * <b>verified on its first use</b>: the first stat or read ({@link #settle}) reads it whole, and when
 * its size and SHA-256 are the declared ones records the checksum on the object (as a streamed upload
 * does) and drops the declaration; otherwise it removes the object and the declaration, and the object
 * does not exist (never served, never registered). A presigned GET serves the stored bytes as they are:
 * the answer gives the SHA-256 recorded at upload for the client to check.
 *
 * <p>Limits (docs): the URL names the store's endpoint as this service reaches it; until the first use,
 * a second PUT through the same URL within its lifetime could replace the bytes (they are then verified
 * instead); the 409 for an existing key is decided when the URL is issued.
 */
@ApplicationScoped
public class PresignService {

    private static final Logger LOG = Logger.getLogger(PresignService.class);
    /** The longest lifetime of a presigned URL, whatever the configuration says. */
    public static final Duration MAX_TTL = Duration.ofHours(1);

    @Inject
    ObjectStore store;

    @Inject
    ObjectLockProbe lock;

    @Inject
    StorageConfig config;

    @Inject
    ObjectMapper json;

    /** A presigned URL and when it stops working. */
    public record PresignedUrl(String url, Instant expiresAt) {
    }

    /** The lifetime of a URL: the caller's (1 s up to the configured one) or the configured one, at most an hour. */
    Duration lifetime(Optional<Integer> askedSeconds) {
        Duration configured = config.presignTtl().compareTo(MAX_TTL) > 0 ? MAX_TTL : config.presignTtl();
        if (askedSeconds.isEmpty()) {
            return configured;
        }
        int asked = askedSeconds.get();
        if (asked < 1 || asked > configured.toSeconds()) {
            throw ProblemException.badRequest("expiresInSeconds", "must be 1 to " + configured.toSeconds());
        }
        return Duration.ofSeconds(asked);
    }

    /**
     * A presigned PUT URL for a new object with the declared size and SHA-256 (the caller's write
     * is authorised before): 409 when the object exists, 413 above the largest object.
     */
    public Uni<PresignedUrl> uploadUrl(String district, ObjectKey key, StorageService.Declared declared,
                                       Optional<Integer> askedSeconds) {
        if (declared.size() > config.maxObjectSize().asLongValue()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "size: " + declared.size()
                    + " bytes exceeds the largest object, " + config.maxObjectSize().asLongValue() + " bytes");
        }
        Duration lifetime = lifetime(askedSeconds);
        Instant expiresAt = Instant.now().plus(lifetime);
        return store.ensureBucket(district, lock.support() == ObjectLockSupport.SUPPORTED)
                .flatMap(bucket -> store.stat(district, key).flatMap(existing -> {
                    if (existing.isPresent()) {
                        throw ProblemException.conflict("object " + key + " already exists in district " + district
                                + "; stored recordings are never overwritten (Article 5)");
                    }
                    PendingUpload pending = new PendingUpload(key.value(), declared.size(), declared.sha256().hex(),
                            expiresAt);
                    return store.putSmall(bucket, pendingName(key), bytes(pending), "application/json")
                            .chain(() -> store.presign(bucket, key, Method.PUT, (int) lifetime.toSeconds()));
                }))
                .map(url -> new PresignedUrl(url, expiresAt))
                .invoke(() -> LOG.infof("presigned PUT of %s/%s issued until %s", district, key, expiresAt))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /** A presigned GET URL of a stored object (the caller's read is authorised before). */
    public Uni<PresignedUrl> downloadUrl(StoredObject object, Optional<Integer> askedSeconds) {
        Duration lifetime = lifetime(askedSeconds);
        Instant expiresAt = Instant.now().plus(lifetime);
        return store.presign(store.bucket(object.district()), object.key(), Method.GET, (int) lifetime.toSeconds())
                .map(url -> new PresignedUrl(url, expiresAt))
                .invoke(() -> LOG.infof("presigned GET of %s/%s issued until %s", object.district(), object.key(),
                        expiresAt))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /**
     * An object as its first use must see it: one with a recorded checksum as it is; one a presigned
     * PUT stored (no checksum, a declaration beside it) verified now, its checksum recorded when the
     * bytes are the declared ones, else removed (empty). Without either, as it is.
     */
    public Uni<Optional<StoredObject>> settle(StoredObject object) {
        if (object.sha256().isPresent()) {
            return Uni.createFrom().item(Optional.of(object));
        }
        String bucket = store.bucket(object.district());
        String name = pendingName(object.key());
        return store.getSmall(bucket, name).chain(content -> {
            if (content.isEmpty()) {
                return Uni.createFrom().item(Optional.of(object));
            }
            PendingUpload pending = read(content.get());
            return store.get(object.district(), object.key(), 0, null)
                    .flatMap(stream -> Uni.createFrom().item(() -> StorageService.digest(stream))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                    .chain(actual -> {
                        if (object.size() == pending.size() && actual.hex().equals(pending.sha256())) {
                            return store.recordChecksum(bucket, object.key(), object.contentType(), actual)
                                    .chain(() -> store.remove(bucket, name, null))
                                    .invoke(() -> LOG.infof("presigned upload %s/%s verified (%d bytes, SHA-256 %s)",
                                            bucket, object.key(), object.size(), actual))
                                    .replaceWith(Optional.of(new StoredObject(object.district(), object.key(),
                                            object.size(), Optional.of(actual), object.contentType())));
                        }
                        LOG.warnf("presigned upload %s/%s does not match its declaration (declared %d bytes, SHA-256 "
                                        + "%s; stored %d bytes, %s): removed", bucket, object.key(), pending.size(),
                                pending.sha256(), object.size(), actual);
                        return store.remove(bucket, object.key().value(), null)
                                .chain(() -> store.remove(bucket, name, null))
                                .replaceWith(Optional.<StoredObject>empty());
                    });
        });
    }

    static String pendingName(ObjectKey key) {
        return ObjectKey.PENDING_PREFIX + key.value();
    }

    private byte[] bytes(PendingUpload pending) {
        try {
            return json.writeValueAsBytes(pending);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PendingUpload read(byte[] content) {
        try {
            return json.readValue(content, PendingUpload.class);
        } catch (IOException e) {
            throw new IllegalStateException("a presigned upload's declaration is unreadable", e);
        }
    }
}
