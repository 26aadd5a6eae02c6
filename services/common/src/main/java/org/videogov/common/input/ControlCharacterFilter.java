package org.videogov.common.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.videogov.common.problem.ProblemType;
import org.videogov.common.problem.Problems;

/**
 * Query and path parameters ({@code ?q=} filters, IDs) hold no control character: a NUL there
 * would reach PostgreSQL. Refused with a 400 naming the parameter before any resource runs; JSON
 * bodies are checked by {@link StrictJson}.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter
    public Response refuseControlCharacters(ContainerRequestContext request, UriInfo uri) {
        Response refused = check(uri.getQueryParameters(), "query parameter");
        return refused != null ? refused : check(uri.getPathParameters(), "path parameter");
    }

    private static Response check(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String nameRefusal = InputBounds.controlCharacter(name, false);
            if (nameRefusal != null) {
                return refuse("query", "a " + kind + " name " + nameRefusal);
            }
            for (String value : parameter.getValue()) {
                String refusal = value == null ? null : InputBounds.controlCharacter(value, false);
                if (refusal != null) {
                    return refuse(name, refusal);
                }
            }
        }
        return null;
    }

    private static Response refuse(String field, String message) {
        return Problems.response(ProblemType.VALIDATION, 400, field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
