package org.videogov.storage.rest;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 section 14): {@code bytes=first-last},
 * {@code bytes=first-} or {@code bytes=-suffix}. A header that is not one such range (several
 * ranges, another unit) is ignored and the whole object served, as the RFC allows; a range that
 * starts past the end is 416.
 */
public record ByteRange(long first, long last) {

    private static final Pattern ONE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range of {@code header} within an object of {@code size} bytes; empty: serve it whole. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = ONE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw unsatisfiable(size);
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return Optional.empty();
            }
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        return Optional.of(new ByteRange(first, last));
    }

    private static ProblemException unsatisfiable(long size) {
        return new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE, "Range: the object has " + size
                + " bytes", Map.of("contentRange", "bytes */" + size));
    }
}
