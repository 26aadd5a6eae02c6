package org.videogov.recording.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.recording.domain.Source;

/** Query parameters checked strictly: a missing or malformed value is a 400 naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "required (an RFC 3339 timestamp with offset, e.g. 2026-11-29T08:00:00Z)");
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an RFC 3339 timestamp with offset, not " + value);
        }
    }

    static Optional<Source> source(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Source.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("source", "must be one of CONTINUOUS, EVENT, MANUAL");
        }
    }

    /** Page size 1..{@link PageParams#MAX_SIZE}, default {@link PageParams#DEFAULT_SIZE}, as every list of the platform. */
    static int size(String value) {
        return size(value, PageParams.MAX_SIZE);
    }

    /**
     * The largest page of a camera's timeline: a day of a camera recording 5-minute segments is 288 of them, of
     * 2-minute segments 720, so that a day is one request (a timeline is read a day at a time, and a segment is a
     * small row); beyond the platform's usual {@link PageParams#MAX_SIZE}.
     */
    static final int TIMELINE_MAX_SIZE = 1000;

    /** Timeline page size 1..{@link #TIMELINE_MAX_SIZE}, default {@link PageParams#DEFAULT_SIZE}. */
    static int timelineSize(String value) {
        return size(value, TIMELINE_MAX_SIZE);
    }

    private static int size(String value, int max) {
        if (value == null) {
            return PageParams.DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("size", "must be an integer between 1 and " + max);
    }

    /** A timeline cursor: the (start, source) of the last segment of the previous page, opaque to clients. */
    record Cursor(OffsetDateTime start, Source source) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((start + "|" + source)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Cursor> decode(String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                return Optional.of(new Cursor(OffsetDateTime.parse(text.substring(0, bar)),
                        Source.valueOf(text.substring(bar + 1))));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("after", "is not a cursor this service returned (use the page's next)");
            }
        }
    }
}
