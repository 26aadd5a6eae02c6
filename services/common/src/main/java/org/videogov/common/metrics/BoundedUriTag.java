package org.videogov.common.metrics;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the {@code uri} label of the HTTP server metrics bounded: a request that no REST route
 * template matched (a 405 on a real resource with a random ID, a 413 refused before routing, a
 * gRPC call or an unknown gRPC method on the shared port) is counted under one fixed value
 * instead of its raw path, which anyone could vary without end. Requests a resource matched keep
 * their template ({@code /api/v1/cameras/{gbId}}); Quarkus already labels 404s {@code NOT_FOUND}
 * and redirects {@code REDIRECTION}. {@code quarkus.micrometer.binder.http-server.max-uri-tags}
 * caps the distinct values in any case.
 */
@ApplicationScoped
public class BoundedUriTag implements HttpServerMetricsTagsContributor {

    /** Where RESTEasy Reactive records the template of the resource method that matched. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /** The label of requests no route template matched. */
    public static final String UNMATCHED = "UNMATCHED";

    /** The label of gRPC calls, which have their own {@code grpc_server_*} metrics per method. */
    public static final String GRPC = "GRPC";

    @Override
    public Tags contribute(Context context) {
        if (context.requestContextLocalData(URL_PATH_TEMPLATE) != null) {
            return Tags.empty();
        }
        int status = context.response() == null ? 0 : context.response().statusCode();
        if (status == 404 || status / 100 == 3) {
            return Tags.empty();
        }
        String contentType = context.request().getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("application/grpc")) {
            return Tags.of("uri", GRPC);
        }
        return Tags.of("uri", UNMATCHED);
    }
}
