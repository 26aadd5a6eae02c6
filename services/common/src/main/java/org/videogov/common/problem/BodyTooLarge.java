package org.videogov.common.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body larger than {@code quarkus.http.limits.max-body-size} with a 413
 * {@code application/problem+json}, whether the client announced its length or streams it in chunks.
 *
 * <p>Without this, Quarkus REST answers 413 with an empty body of no content type (after part of
 * the body was read), unlike every other refusal. Vert.x Web's {@link BodyHandler} reads the body
 * first, bounded by the same limit (a larger announced length is refused before anything is read);
 * Quarkus REST then uses the body already read. Only POST, PUT and PATCH carry bodies here; gRPC
 * calls on the shared port are left to gRPC.
 */
@ApplicationScoped
public class BodyTooLarge {

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
                    if (!withBody || type != null && type.startsWith("application/grpc")) {
                        ctx.next();
                    } else {
                        body.handle(ctx);
                    }
                })
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                        respond(ctx, max);
                    } else {
                        ctx.next();
                    }
                });
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
