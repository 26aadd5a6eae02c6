package org.videogov.storage.domain;

import java.util.regex.Pattern;
import org.videogov.common.problem.ProblemException;

/**
 * The key of a stored object inside its district's bucket: 1 to 512 characters of letters, digits
 * and {@code . _ - /}, no empty segment, no {@code .} or {@code ..} segment, no leading slash, and
 * not under {@value #RESERVED_PREFIX} or {@value #PENDING_PREFIX}, where the platform keeps its
 * legal-hold records ({@code service.HoldService}) and the declarations of presigned uploads
 * ({@code service.PresignService}): no upload can write, and no caller can name, one of them.
 */
public record ObjectKey(String value) {

    public static final int MAX_LENGTH = 512;
    /** The key prefix of the platform's own hold records in a district's bucket. */
    public static final String RESERVED_PREFIX = ".holds/";
    /** The key prefix of the declarations of presigned uploads awaiting verification. */
    public static final String PENDING_PREFIX = ".pending/";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._\\-]+(/[A-Za-z0-9._\\-]+)*");

    public static ObjectKey parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || !ALLOWED.matcher(raw).matches()) {
            throw ProblemException.badRequest("key", "must be 1 to " + MAX_LENGTH + " characters of letters, digits, "
                    + "'.', '_', '-' in '/'-separated segments");
        }
        if (raw.startsWith(RESERVED_PREFIX) || raw.equals(".holds") || raw.startsWith(PENDING_PREFIX)
                || raw.equals(".pending")) {
            throw ProblemException.badRequest("key", "must not begin with '" + RESERVED_PREFIX + "' or '"
                    + PENDING_PREFIX + "', which the platform reserves for its own records");
        }
        for (String segment : raw.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw ProblemException.badRequest("key", "must not contain '.' or '..' segments");
            }
        }
        return new ObjectKey(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
