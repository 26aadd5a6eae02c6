package org.videogov.common.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.problem.Problems;

/**
 * The one place that writes the {@code application/problem+json} error responses into each
 * service's OpenAPI document (registered for every service by {@code mp.openapi.filter} in
 * videogov-common's microprofile-config.properties). Every operation under {@code /api/} gets
 * 400 "Invalid input", 401 "No valid token" and 403 "Role does not allow it"; an operation with a
 * path parameter also gets 404. Each is a {@value #PROBLEM} schema. Resource methods declare only
 * the responses this filter cannot know (a 409 or 422 and why, a 503 of a peer service, the 2xx);
 * a problem response they declare gets the same schema here.
 *
 * <p>It also writes the {@link DistrictCode} pattern onto every {@code district} parameter and every
 * {@code districtCode} property of a request body, which SmallRye OpenAPI cannot read from a composed
 * constraint.
 */
public class ProblemResponses implements OASFilter {

    /** The component schema of an RFC 9457 problem. */
    public static final String PROBLEM = "Problem";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String API_PREFIX = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> requestSchemas = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(API_PREFIX) || path.getValue().getOperations() == null) {
                continue;
            }
            boolean identifiesAResource = path.getKey().contains("{");
            for (Operation operation : path.getValue().getOperations().values()) {
                addStandardResponses(operation, identifiesAResource);
                districtPattern(operation.getParameters());
                districtPattern(path.getValue().getParameters());
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    referencedSchemas(operation.getRequestBody().getContent(), requestSchemas);
                }
            }
        }
        if (components.getSchemas() != null) {
            for (String name : requestSchemas) {
                Schema schema = components.getSchemas().get(name);
                Schema code = schema == null || schema.getProperties() == null ? null
                        : schema.getProperties().get("districtCode");
                if (code != null && code.getPattern() == null && code.getRef() == null) {
                    code.setPattern(DistrictCode.PATTERN);
                }
            }
        }
    }

    private static void addStandardResponses(Operation operation, boolean identifiesAResource) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> all = new TreeMap<>(responses.getAPIResponses() == null ? Map.of()
                : responses.getAPIResponses());
        all.putIfAbsent("400", problem("Invalid input"));
        all.putIfAbsent("401", problem("No valid token"));
        all.putIfAbsent("403", problem("Role does not allow it"));
        if (identifiesAResource) {
            all.putIfAbsent("404", problem("No such resource in your scope"));
        }
        // Problem responses a method declares itself (409, 422, 503 ...) carry the same schema.
        all.values().forEach(ProblemResponses::withProblemSchema);
        responses.setAPIResponses(all);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE,
                        OASFactory.createMediaType()));
    }

    private static void withProblemSchema(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        MediaType problem = response.getContent().getMediaTypes().get(Problems.MEDIA_TYPE);
        if (problem != null && problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
    }

    private static void districtPattern(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            if ("district".equals(p.getName()) && p.getSchema() != null && p.getSchema().getPattern() == null
                    && p.getSchema().getRef() == null) {
                p.getSchema().setPattern(DistrictCode.PATTERN);
            }
        }
    }

    private static void referencedSchemas(Content content, List<String> names) {
        if (content.getMediaTypes() == null) {
            return;
        }
        String prefix = "#/components/schemas/";
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getSchema() != null && media.getSchema().getRef() != null
                    && media.getSchema().getRef().startsWith(prefix)) {
                names.add(media.getSchema().getRef().substring(prefix.length()));
            }
        }
    }

    /** RFC 9457 problem details as every VideoGov service writes them (org.videogov.common.problem). */
    static Schema problemSchema() {
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text("The field or parameter, e.g. \"districtCode\" or \"gbId\""))
                .addProperty("message", text("What is wrong with it"))
                .addProperty("article", text("The article of the measures the rule rests on, when one does"))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (" + Problems.MEDIA_TYPE + ")")
                .addProperty("type", text("A stable URI urn:videogov:problem:…"))
                .addProperty("title", text("The type's title"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", text("A sentence a person can read"))
                .addProperty("article", text("The article (and item) of the Video Image Information System "
                        + "Management Measures that refused the request, e.g. \"9(5)\""))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(error)
                        .description("One entry per refused field"))
                .addProperty("errorId", text("On a 500: the id to quote to the operators"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
