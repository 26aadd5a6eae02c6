package org.videogov.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Wraps Jackson's java.time deserializers: a date or timestamp outside
 * {@link InputBounds#DATE_RANGE} is refused, so that what is stored, and read back, is what the
 * client sent (PostgreSQL's range differs from java.time's, and {@code +999999999-12-31} would
 * come back as another day).
 */
class BoundedTemporalDeserializer extends DelegatingDeserializer {

    BoundedTemporalDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    static boolean handles(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new BoundedTemporalDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Object value = _delegatee.deserialize(p, ctxt);
        if (value != null && !within(value)) {
            throw new RefusedValueException(p, "must be between " + InputBounds.DATE_RANGE + ", not " + value,
                    value.getClass());
        }
        return value;
    }

    static boolean within(Object value) {
        if (value instanceof LocalDate d) {
            return !d.isBefore(InputBounds.MIN_DATE) && !d.isAfter(InputBounds.MAX_DATE);
        }
        if (value instanceof LocalDateTime t) {
            return within(t.toLocalDate());
        }
        Instant instant = value instanceof OffsetDateTime t ? t.toInstant()
                : value instanceof ZonedDateTime t ? t.toInstant()
                : value instanceof Instant t ? t : null;
        return instant == null
                || (!instant.isBefore(InputBounds.MIN_INSTANT) && instant.isBefore(InputBounds.END_INSTANT));
    }
}
