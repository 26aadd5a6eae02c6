package org.videogov.common.problem;

/** The stable problem types every VideoGov service answers with. */
public enum ProblemType {
    VALIDATION(400, "Invalid request", "validation"),
    MALFORMED_JSON(400, "Malformed JSON", "malformed-json"),
    UNAUTHORIZED(401, "Authentication required", "unauthorized"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
    CONFLICT(409, "Conflict", "conflict"),
    PAYLOAD_TOO_LARGE(413, "Request body too large", "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
    REGULATION(422, "Refused by the video image information system measures", "regulation"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused for another request", "idempotency-key-reused"),
    /** An upload whose bytes do not match the size or SHA-256 its caller declared; nothing was kept. */
    CHECKSUM_MISMATCH(422, "Upload does not match its declared size or checksum", "checksum-mismatch"),
    /**
     * Well-formed input naming a record that the service owning it does not confirm: unknown, invisible to the
     * caller, of another district, or with other attributes (e.g. a segment's camera unknown to camera-inventory).
     */
    UNCONFIRMED_REFERENCE(422, "Refers to a record its owning service does not confirm", "unconfirmed-reference"),
    RANGE_NOT_SATISFIABLE(416, "Range not satisfiable", "range-not-satisfiable"),
    /** A stored object whose bytes no longer match the checksum recorded at upload; it is not served. */
    OBJECT_CORRUPTED(500, "Stored object fails its checksum", "object-corrupted"),
    SERVICE_UNAVAILABLE(503, "Service unavailable", "service-unavailable"),
    INTERNAL(500, "Internal error", "internal");

    /** Prefix of every problem type URI. */
    public static final String URI_PREFIX = "urn:videogov:problem:";

    private final int status;
    private final String title;
    private final String slug;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    /** The type for an HTTP status that arrived without one of ours. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED_JSON && t != IDEMPOTENCY_KEY_REUSED && t != CHECKSUM_MISMATCH
                    && t != OBJECT_CORRUPTED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
