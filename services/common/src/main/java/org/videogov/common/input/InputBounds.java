package org.videogov.common.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The bounds every VideoGov input respects (see docs/api-conventions.md, "Strict input").
 * Anything outside them is a 400 naming the field, never stored, never silently changed.
 */
public final class InputBounds {

    /** The earliest date or timestamp (UTC) any input may carry. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date or timestamp (UTC) any input may carry. */
    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The end of {@link #MAX_DATE} (exclusive). */
    public static final Instant END_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final String DATE_RANGE = MIN_DATE + " to " + MAX_DATE;

    /** The deepest nesting of arrays and objects a JSON body may have. */
    public static final int MAX_JSON_NESTING = 32;

    /** The longest list filter ({@code ?q=} text). */
    public static final int MAX_FILTER_LENGTH = 100;

    private InputBounds() {
    }

    /**
     * Why the text may not be stored, or null: the measures' data are single-line text unless a
     * field is free text, where tab, CR and LF may stand. Other C0 control characters (NUL
     * included) and DEL never.
     */
    public static String controlCharacter(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (freeText && (c == '\t' || c == '\r' || c == '\n')) {
                    continue;
                }
                return String.format("must not contain the control character U+%04X (at position %d)%s", (int) c, i,
                        freeText ? "; only tab, CR and LF may stand in this text" : "");
            }
        }
        return null;
    }
}
