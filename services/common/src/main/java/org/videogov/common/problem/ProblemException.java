package org.videogov.common.problem;

import java.util.Map;

/**
 * A refusal that becomes an RFC 9457 problem: a stable type, an HTTP status, a title, a
 * human detail and extension members (such as {@code article}).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist or is not visible to you");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** Forbidden by a rule of the measures (not merely by a role): a 403 with the {@code article}. */
    public static ProblemException forbidden(String article, String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, Map.of("article", article));
    }

    /** A field of the input is invalid: detail "field: message", and the same in {@code errors}. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
    }

    /**
     * A field is malformed for a rule of the measures (a shape the rule requires, not a refusal of
     * well-formed input): a 400 naming the field, with the rule's {@code article}.
     */
    public static ProblemException badRequest(String field, String message, String article) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                Map.of("article", article,
                        "errors", java.util.List.of(Map.of("field", field, "message", message, "article", article))));
    }

    /** Refused by a rule of the measures; {@code article} names it, e.g. "9(5)". */
    public static ProblemException regulation(String article, String detail) {
        return new ProblemException(ProblemType.REGULATION, detail, Map.of("article", article));
    }
}
