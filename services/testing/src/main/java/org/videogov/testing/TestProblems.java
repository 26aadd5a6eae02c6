package org.videogov.testing;

/**
 * What an application/problem+json error looks like on the wire, as the tests expect it: the media
 * type and the problem type URIs. Spelled out here (not read from the services' own
 * {@code ProblemType}), so that a test still fails when the code changes what it sends.
 */
public final class TestProblems {

    /** The media type of every error response. */
    public static final String PROBLEM = "application/problem+json";

    public static final String VALIDATION = "urn:videogov:problem:validation";
    public static final String MALFORMED_JSON = "urn:videogov:problem:malformed-json";
    public static final String UNAUTHORIZED = "urn:videogov:problem:unauthorized";
    public static final String FORBIDDEN = "urn:videogov:problem:forbidden";
    public static final String NOT_FOUND = "urn:videogov:problem:not-found";
    public static final String CONFLICT = "urn:videogov:problem:conflict";
    public static final String PAYLOAD_TOO_LARGE = "urn:videogov:problem:payload-too-large";
    public static final String REGULATION = "urn:videogov:problem:regulation";
    public static final String IDEMPOTENCY_KEY_REUSED = "urn:videogov:problem:idempotency-key-reused";
    public static final String CHECKSUM_MISMATCH = "urn:videogov:problem:checksum-mismatch";
    public static final String RANGE_NOT_SATISFIABLE = "urn:videogov:problem:range-not-satisfiable";
    public static final String OBJECT_CORRUPTED = "urn:videogov:problem:object-corrupted";
    public static final String SERVICE_UNAVAILABLE = "urn:videogov:problem:service-unavailable";

    private TestProblems() {
    }
}
