package org.videogov.common.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body larger than {@code quarkus.http.limits.max-body-size} with a 413
 * {@code application/problem+json}, whether the client announced its length or streams it in chunks.
 *
 * <p>Without this, Quarkus REST answers 413 with an empty body of no content type (after part of
 * the body was read), unlike every other refusal. A larger announced {@code Content-Length} is
 * refused here before anything is read; a body streamed in chunks is read first by Vert.x Web's
 * {@link BodyHandler}, bounded by the same limit, and Quarkus REST then uses the body read. Only POST, PUT and PATCH carry bodies here; gRPC
 * calls on the shared port are left to gRPC.
 */
@ApplicationScoped
public class BodyTooLarge {

    private static final String READ_HERE = BodyTooLarge.class.getName() + ".read";

    /** The one limit; declared with its default in videogov-common's microprofile-config.properties. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void route(@Observes Router router) {
        long max = limit.asLongValue();
        BodyHandler body = BodyHandler.create(false).setBodyLimit(max).setDeleteUploadedFilesOnEnd(true);
        router.route().order(Integer.MIN_VALUE + 100)
                .handler(ctx -> {
                    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
                    HttpMethod method = ctx.request().method();
                    boolean withBody = method == HttpMethod.POST || method == HttpMethod.PUT
                            || method == HttpMethod.PATCH;
                    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (!withBody || type != null && type.startsWith("application/grpc")) {
                        ctx.next();
                    } else if (length != null) {
                        // Announced: refused before a byte is read, or left to Quarkus REST as it is.
                        if (announcedAbove(length, max)) {
                            respond(ctx, max);
                        } else {
                            ctx.next();
                        }
                    } else {
                        // Streamed in chunks: read here, bounded; Quarkus REST uses the body read.
                        ctx.put(READ_HERE, Boolean.TRUE);
                        body.handle(ctx);
                    }
                })
                .handler(ctx -> {
                    // An empty chunked body leaves no buffer, and Quarkus REST would then wait for a
                    // request that has already ended: give it the empty body.
                    if (ctx.get(READ_HERE) != null && ctx.body().buffer() == null) {
                        ((RoutingContextInternal) ctx).setBody(Buffer.buffer());
                    }
                    ctx.next();
                })
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                        respond(ctx, max);
                    } else {
                        ctx.next();
                    }
                });
    }

    private static boolean announcedAbove(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static void respond(RoutingContext ctx, long max) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        JsonObject problem = new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", "body: the request body is larger than the " + max
                        + " bytes this service accepts (quarkus.http.limits.max-body-size)")
                .put("limit", max)
                .put("errors", new io.vertx.core.json.JsonArray().add(new JsonObject().put("field", "body")
                        .put("message", "larger than " + max + " bytes")));
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(problem.encode());
    }
}
