package org.videogov.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.input.RefusedValueException;

/**
 * Maps every failure a request can meet to an RFC 9457 {@code application/problem+json}
 * response. Bad input is always a 4xx; a 500 means a defect and carries only an error id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    CurrentCaller caller;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        // A refusal by a rule of the measures is logged here, once per request (Refusals).
        if (Refusals.article(e).isPresent()) {
            Refusals.log(e, currentCaller(), "REST");
        }
        return Problems.response(e.type(), e.type().status(), e.getMessage(), e.extensions());
    }

    /** The request's verified caller; empty if it cannot be read (the log line then says "unknown"). */
    private Optional<Caller> currentCaller() {
        try {
            return Optional.of(caller.get());
        } catch (RuntimeException e) {
            LOG.debugf("No caller for the refusal line: %s", e.toString());
            return Optional.empty();
        }
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> field(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", field(v.getPropertyPath()));
                    error.put("message", v.getMessage());
                    errors.add(error);
                });
        String detail = errors.stream().map(err -> err.get("field") + ": " + err.get("message"))
                .collect(Collectors.joining("; "));
        return Problems.response(ProblemType.VALIDATION, 400, detail, Map.of("errors", errors));
    }

    /** The field a violation names: the JSON path inside the body, or the parameter's name. */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names);
    }

    @ServerExceptionMapper({JsonParseException.class})
    public Response malformedJson(JsonParseException e) {
        String detail = "The request body is not valid JSON";
        if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return Problems.response(ProblemType.MALFORMED_JSON, 400, detail + ": " + e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper({JsonMappingException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class,
            MismatchedInputException.class, RefusedValueException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class})
    public Response unmappableJson(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "body";
        }
        String message;
        if (e instanceof RefusedValueException refused) {
            message = refused.reason();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            message = expected(ife.getTargetType()) + ", not " + shown(ife.getValue());
        } else if (e.getCause() instanceof ProblemException pe) {
            return problem(pe);
        } else if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            message = iae.getMessage();
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = expected(mie.getTargetType());
        } else {
            message = "has the wrong JSON type or shape";
        }
        return Problems.response(ProblemType.VALIDATION, 400, field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    /** What a field of this Java type takes, for messages: "must be a whole number". */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]")) + " as a JSON string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a JSON string";
        }
        if (type == UUID.class) {
            return "must be a UUID as a JSON string";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date yyyy-mm-dd as a JSON string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 timestamp with offset as a JSON string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }

    private static String shown(Object value) {
        return value instanceof String text ? "the string \"" + text + "\"" : String.valueOf(value);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException sce) {
            // A bound of the strict mapping (e.g. nesting depth): say which.
            return Problems.response(ProblemType.VALIDATION, 400, "body: " + sce.getOriginalMessage(),
                    Map.of("errors", List.of(Map.of("field", "body", "message", sce.getOriginalMessage()))));
        }
        return Problems.response(ProblemType.MALFORMED_JSON, 400, "The request body could not be read as JSON",
                Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHORIZED,
                        "A valid bearer token from the city's identity provider is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The identity provider cannot be reached: fail closed, and say so. */
    @ServerExceptionMapper
    public Response identityProviderUnavailable(io.quarkus.oidc.OIDCException e) {
        LOG.warnf("Token verification impossible: %s", e.getMessage());
        return Response.fromResponse(Problems.response(ProblemType.SERVICE_UNAVAILABLE,
                        "The identity provider cannot be reached to verify your token; access is denied until it is "
                                + "back. Retry later."))
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(ProblemType.FORBIDDEN, "Your roles do not allow this operation");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return internal(e);
        }
        if (e.getCause() instanceof ProblemException pe) {
            // A refusal raised where JAX-RS wants a WebApplicationException (a parameter converter).
            return problem(pe);
        }
        if (e.getCause() instanceof JsonParseException jpe) {
            return malformedJson(jpe);
        }
        if (e.getCause() instanceof JsonMappingException jme) {
            return unmappableJson(jme);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? type.title() : e.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(
                Problems.response(type, status, detail, Map.of()));
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response composite(CompositeException e) {
        Throwable first = e.getCauses().isEmpty() ? e : e.getCauses().get(0);
        if (first instanceof ProblemException pe) {
            return problem(pe);
        }
        if (first instanceof ConstraintViolationException cve) {
            return constraintViolation(cve);
        }
        return internal(first);
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        // Races between requests are conflicts the client can resolve, never defects.
        if (PersistenceFailures.isConcurrentUpdate(e)) {
            return Problems.response(ProblemType.CONFLICT, "The resource was changed by another request at the same "
                    + "time; read it again and reapply your change");
        }
        if (PersistenceFailures.isUniqueViolation(e)) {
            return Problems.response(ProblemType.CONFLICT, "Another request created the same resource at the same "
                    + "time; read it and retry if needed");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s", errorId);
        return Problems.response(ProblemType.INTERNAL, 500,
                "An internal error occurred; quote error id " + errorId + " to the operators",
                Map.of("errorId", errorId));
    }
}
