package org.videogov.storage.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.service.ObjectLockProbe;

/** What the object store offers, as probed at start: whether it supports S3 object lock (Article 5). */
@Path("/api/v1/storage/info")
@Authenticated
public class StorageInfoResource {

    /** {@code objectLock}: SUPPORTED, NOT_SUPPORTED or UNKNOWN; holds are refused by the platform in every case. */
    public record Info(ObjectLockSupport objectLock) {
    }

    @Inject
    ObjectLockProbe lock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the S3 server supports object lock (legal hold and retention on the object)")
    public Info info() {
        return new Info(lock.support());
    }
}
