package org.videogov.storage.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.problem.ProblemException;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.storage.domain.Sha256;
import org.videogov.storage.service.PresignService;
import org.videogov.storage.service.StorageService;

/**
 * A district's video objects (Article 5 of the measures: recordings are kept and protected).
 * Both methods run on a worker thread ({@code @Blocking}): the upload's body arrives as a stream
 * that is read while it is sent to the store (never held whole), and a download is written from the
 * store's stream.
 */
@Path("/api/v1/districts/{district}/objects")
@Authenticated
public class ObjectResource {

    @Inject
    StorageService storage;

    @Inject
    ObjectAccess access;

    @Inject
    PresignService presign;

    @POST
    @Path("{key: .+}/upload-url")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A presigned PUT URL for a new object of the declared size and SHA-256 (after the same "
            + "authorization as an upload); the object is verified against the declaration on its first use")
    @APIResponse(responseCode = "200", description = "The URL, the method (PUT) and when it expires")
    @APIResponse(responseCode = "409", description = "An object with this key exists; recordings are never "
            + "overwritten (Article 5)")
    @APIResponse(responseCode = "413", description = "Larger than videogov.object-storage.max-object-size")
    public Uni<PresignedView> uploadUrl(@PathParam("district") @DistrictCode String district,
                                        @PathParam("key") String rawKey, PresignRequest request) {
        ObjectKey key = ObjectKey.parse(rawKey);
        if (request == null || request.size() == null) {
            throw ProblemException.badRequest("size", "is required: the object's size in bytes");
        }
        if (request.size() < 0) {
            throw ProblemException.badRequest("size", "must be a non-negative number of bytes");
        }
        StorageService.Declared declared = new StorageService.Declared(request.size(),
                Sha256.parse("sha256", request.sha256()));
        return access.requireWrite(district)
                .chain(() -> presign.uploadUrl(district, key, declared, Optional.ofNullable(request.expiresInSeconds())))
                .map(url -> new PresignedView("PUT", url.url(), url.expiresAt(), declared.size(),
                        declared.sha256().hex()));
    }

    @POST
    @Path("{key: .+}/download-url")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A presigned GET URL of a stored object (after an allowed recording.read); the answer "
            + "gives the SHA-256 recorded at upload for the client to check")
    @APIResponse(responseCode = "200", description = "The URL, the method (GET), when it expires, size and SHA-256")
    public Uni<PresignedView> downloadUrl(@PathParam("district") @DistrictCode String district,
                                          @PathParam("key") String rawKey, PresignRequest request) {
        ObjectKey key = ObjectKey.parse(rawKey);
        if (request != null && (request.size() != null || request.sha256() != null)) {
            throw ProblemException.badRequest(request.size() != null ? "size" : "sha256",
                    "is not accepted for a download");
        }
        Optional<Integer> asked = request == null ? Optional.empty() : Optional.ofNullable(request.expiresInSeconds());
        return access.requireRead(district)
                .chain(() -> storage.stat(district, key))
                .chain(object -> presign.downloadUrl(object, asked)
                        .map(url -> new PresignedView("GET", url.url(), url.expiresAt(), object.size(),
                                object.sha256().map(Object::toString).orElse(null))));
    }

    @PUT
    @Path("{key: .+}")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store an object: streamed to the district's bucket, its size and SHA-256 compared with "
            + "the X-Object-Size and X-Object-SHA256 headers")
    @APIResponse(responseCode = "201", description = "Stored and verified")
    @APIResponse(responseCode = "409", description = "An object with this key exists; recordings are never "
            + "overwritten (Article 5)")
    @APIResponse(responseCode = "413", description = "Larger than videogov.object-storage.max-object-size; nothing kept")
    @APIResponse(responseCode = "422", description = "Size or SHA-256 differ from the declaration; the object was "
            + "removed, nothing kept (checksum-mismatch, naming the header)")
    @APIResponse(responseCode = "503", description = "The object store or sharing-authz did not answer; nothing kept")
    public Uni<Response> put(@PathParam("district") @DistrictCode String district, @PathParam("key") String rawKey,
                             @HeaderParam(StorageService.SIZE_FIELD) String size,
                             @HeaderParam(StorageService.SHA256_FIELD) String sha256,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        ObjectKey key = ObjectKey.parse(rawKey);
        StorageService.Declared declared = new StorageService.Declared(size(size),
                Sha256.parse(StorageService.SHA256_FIELD, sha256));
        String type = contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : contentType;
        return access.requireWrite(district)
                .chain(() -> storage.upload(district, key, body, type, declared))
                .map(stored -> Response.status(Response.Status.CREATED).entity(ObjectView.of(stored)).build());
    }

    @GET
    @Path("{key: .+}")
    @Blocking
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Read an object, whole or one byte range (Range: bytes=...); verify=true first "
            + "recomputes its SHA-256 and refuses to serve it when it differs from the one recorded at upload")
    @APIResponse(responseCode = "200", description = "The whole object")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(responseCode = "416", description = "The range starts past the object's end")
    @APIResponse(responseCode = "500", description = "verify=true: the object no longer matches its recorded SHA-256 "
            + "(object-corrupted); nothing served")
    @APIResponse(responseCode = "503", description = "The object store or sharing-authz did not answer")
    public Uni<Response> get(@PathParam("district") @DistrictCode String district, @PathParam("key") String rawKey,
                             @QueryParam("verify") @DefaultValue("false") boolean verify,
                             @HeaderParam("Range") String range) {
        ObjectKey key = ObjectKey.parse(rawKey);
        return access.requireRead(district)
                .chain(() -> storage.stat(district, key))
                .chain(object -> verify ? storage.verify(object) : Uni.createFrom().item(object))
                .chain(object -> {
                    Optional<ByteRange> part = ByteRange.parse(range, object.size());
                    long offset = part.map(ByteRange::first).orElse(0L);
                    Long length = part.map(ByteRange::length).orElse(null);
                    return storage.open(object, offset, length).map(stream -> {
                        Response.ResponseBuilder answer = part.isPresent()
                                ? Response.status(206).header("Content-Range", part.get().contentRange(object.size()))
                                : Response.ok();
                        object.sha256().ifPresent(s -> answer.header(StorageService.SHA256_FIELD, s.hex()));
                        return answer.entity(streamed(stream))
                                .type(object.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                                        : object.contentType())
                                .header("Accept-Ranges", "bytes")
                                .header(HttpHeaders.CONTENT_LENGTH, part.map(ByteRange::length).orElse(object.size()))
                                .build();
                    });
                });
    }

    /** Bytes copied to the response per write: large writes, not the store's socket reads of a few KiB. */
    static final int COPY_BUFFER = 256 * 1024;

    /**
     * The object's bytes to the response in writes of up to {@link #COPY_BUFFER}: an InputStream entity is
     * copied in 8 KiB writes, each handed from the worker thread to the event loop, which capped a download at
     * a fraction of a direct GET (docs/benchmarks.md). One buffer per download, whatever the object's size.
     */
    static jakarta.ws.rs.core.StreamingOutput streamed(InputStream stream) {
        return out -> {
            try (InputStream in = stream) {
                byte[] buffer = new byte[COPY_BUFFER];
                for (int n = in.readNBytes(buffer, 0, COPY_BUFFER); n > 0; n = in.readNBytes(buffer, 0, COPY_BUFFER)) {
                    out.write(buffer, 0, n);
                }
            }
        };
    }

    private static long size(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,18}")) {
            throw ProblemException.badRequest(StorageService.SIZE_FIELD, "must be the object's size in bytes, "
                    + "a non-negative integer");
        }
        return Long.parseLong(raw.strip());
    }
}
