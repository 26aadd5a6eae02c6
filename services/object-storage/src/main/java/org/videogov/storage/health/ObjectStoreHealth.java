package org.videogov.storage.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.repository.ObjectStore;
import org.videogov.storage.service.ObjectLockProbe;

/**
 * Readiness covers the object store: UP when the S3 server answers a signed request with this
 * service's keys within 3 s (whether the probe bucket exists does not matter), DOWN otherwise.
 * Its data says whether the server supports object lock ({@code objectLock}: SUPPORTED,
 * NOT_SUPPORTED or UNKNOWN, {@link ObjectLockProbe}).
 */
@Readiness
@ApplicationScoped
public class ObjectStoreHealth implements AsyncHealthCheck {

    @Inject
    ObjectStore store;

    @Inject
    ObjectLockProbe lock;

    @Inject
    StorageConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.bucketExists(config.lockProbeBucket())
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .chain(() -> lock.refresh())
                .map(support -> HealthCheckResponse.named("object-store").up()
                        .withData("objectLock", support.name()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("object-store").down()
                        .withData("error", failure.getClass().getSimpleName())
                        .withData("objectLock", lock.support().name()).build());
    }
}
