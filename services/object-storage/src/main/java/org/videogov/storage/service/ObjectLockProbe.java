package org.videogov.storage.service;

import io.minio.MinioAsyncClient;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.repository.ObjectStore;

/**
 * Finds out at start whether the S3 server supports object lock (Article 5 of the measures:
 * recordings kept and protected; held evidence gets a legal hold and retention on the object itself
 * where the store can keep them): it creates a probe bucket with object lock and reads its lock
 * configuration. An answer of 501 NotImplemented (S3Proxy) or any other S3 error response is
 * {@link ObjectLockSupport#NOT_SUPPORTED}; a server that cannot be reached leaves it
 * {@link ObjectLockSupport#UNKNOWN}, and the readiness check probes again. The result is recorded
 * here, logged once, shown in {@code /q/health/ready} and {@code GET /api/v1/storage/info}.
 */
@ApplicationScoped
public class ObjectLockProbe {

    private static final Logger LOG = Logger.getLogger(ObjectLockProbe.class);

    @Inject
    ObjectStore store;

    @Inject
    StorageConfig config;

    private final AtomicReference<ObjectLockSupport> support = new AtomicReference<>(ObjectLockSupport.UNKNOWN);

    /** The one wait at start, on the start-up thread before any request is served. */
    void onStart(@Observes StartupEvent event) {
        try {
            refresh().await().atMost(config.lockProbeTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("object lock: the S3 server did not answer the probe within %s (%s); recorded UNKNOWN",
                    config.lockProbeTimeout(), e.toString());
        }
    }

    /** What the last probe found. */
    public ObjectLockSupport support() {
        return support.get();
    }

    /** Probes the store now unless an earlier probe already decided. */
    public Uni<ObjectLockSupport> refresh() {
        if (support.get() != ObjectLockSupport.UNKNOWN) {
            return Uni.createFrom().item(support.get());
        }
        return detect(store.probeObjectLock(config.lockProbeBucket())).invoke(found -> {
            if (support.compareAndSet(ObjectLockSupport.UNKNOWN, found)) {
                LOG.infof("object lock: %s by the S3 server (probe bucket %s)%s", found == ObjectLockSupport.SUPPORTED
                        ? "supported" : "not supported", config.lockProbeBucket(), found == ObjectLockSupport.SUPPORTED
                        ? "" : "; holds are enforced by the platform alone");
            }
        });
    }

    /** The probe against any S3 server: SUPPORTED, NOT_SUPPORTED, or UNKNOWN when it cannot be reached. */
    public static Uni<ObjectLockSupport> detect(MinioAsyncClient client, String probeBucket) {
        return detect(ObjectStore.probeObjectLock(client, probeBucket));
    }

    private static Uni<ObjectLockSupport> detect(Uni<Void> probe) {
        return probe
                .replaceWith(ObjectLockSupport.SUPPORTED)
                .onFailure().recoverWithItem(failure -> ObjectStore.errorCode(failure).isPresent()
                        || ObjectStore.httpStatus(failure) >= 400
                        ? ObjectLockSupport.NOT_SUPPORTED : ObjectLockSupport.UNKNOWN);
    }
}
