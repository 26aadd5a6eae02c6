package org.videogov.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.Problems;

class ProblemResponsesTest {

    private static Operation operation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    @Test
    void everyApiOperationGetsTheStandardProblemResponses() {
        Operation list = operation().addParameter(OASFactory.createParameter().name("district")
                .in(Parameter.In.QUERY).schema(string()));
        list.getResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
        Operation get = operation();
        Operation replace = operation();
        replace.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description("Version conflict")
                .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType())));
        Operation health = operation();
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/things", OASFactory.createPathItem().GET(list))
                .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().GET(get).PUT(replace))
                .addPathItem("/q/health", OASFactory.createPathItem().GET(health)));

        new ProblemResponses().filterOpenAPI(api);

        assertEquals(List.of("200", "400", "401", "403"), List.copyOf(list.getResponses().getAPIResponses().keySet()));
        assertEquals(List.of("400", "401", "403", "404"), List.copyOf(get.getResponses().getAPIResponses().keySet()));
        assertEquals(List.of("400", "401", "403", "404", "409"),
                List.copyOf(replace.getResponses().getAPIResponses().keySet()));
        assertEquals("No valid token", list.getResponses().getAPIResponse("401").getDescription());
        assertEquals("Version conflict", replace.getResponses().getAPIResponse("409").getDescription());
        for (APIResponse r : List.of(list.getResponses().getAPIResponse("400"),
                get.getResponses().getAPIResponse("404"), replace.getResponses().getAPIResponse("409"))) {
            assertEquals("#/components/schemas/Problem",
                    r.getContent().getMediaType(Problems.MEDIA_TYPE).getSchema().getRef());
        }
        assertTrue(health.getResponses().getAPIResponses() == null
                || health.getResponses().getAPIResponses().isEmpty(), "outside /api/ nothing is added");
        assertNotNull(api.getComponents().getSchemas().get(ProblemResponses.PROBLEM).getProperties().get("errors"));
        assertEquals("\\d{6}", list.getParameters().get(0).getSchema().getPattern());
    }

    @Test
    void theDistrictCodeOfARequestBodyShowsItsPattern() {
        Operation create = operation().requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/ThingInput")))));
        Schema input = OASFactory.createSchema().addProperty("districtCode", string()).addProperty("name", string());
        Schema view = OASFactory.createSchema().addProperty("districtCode", string());
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("ThingInput", input).addSchema("Thing", view))
                .paths(OASFactory.createPaths().addPathItem("/api/v1/things", OASFactory.createPathItem().POST(create)));

        new ProblemResponses().filterOpenAPI(api);

        assertEquals("\\d{6}", input.getProperties().get("districtCode").getPattern());
        assertNull(input.getProperties().get("name").getPattern());
        assertNull(view.getProperties().get("districtCode").getPattern());
    }
}
