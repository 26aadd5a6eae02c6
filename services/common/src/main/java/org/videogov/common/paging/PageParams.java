package org.videogov.common.paging;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging query parameters of every list endpoint ({@code ?page=0&size=50}). A size above
 * {@link #MAX_SIZE} is refused, not silently cut, so a client never mistakes a page for the
 * whole. The values are read as text so that {@code size=ten} is a 400 naming the parameter.
 * A list is paged through its first {@link #MAX_OFFSET} rows only: a page starting beyond them
 * is a 400 naming {@code page} that asks for a narrower filter (deep offsets cost the database a
 * scan of every row skipped, and {@code page × size} must never overflow).
 */
@PageParams.WithinOffsetBound
public class PageParams {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;
    /** The most rows a list skips: {@code page × size} is at most this. */
    public static final int MAX_OFFSET = 100_000;

    static final String PAGE_MESSAGE = "must be a whole number, 0 or more, with page × size at most " + MAX_OFFSET;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "Zero-based page number; page × size at most " + MAX_OFFSET
            + " (narrow the filter to reach further)")
    @Pattern(regexp = "\\d{1,9}", message = PAGE_MESSAGE)
    public String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "Page size, 1 to " + MAX_SIZE)
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number from 1 to " + MAX_SIZE)
    @Min(value = 1, message = "must be a whole number from 1 to " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be a whole number from 1 to " + MAX_SIZE)
    public String size;

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    public static PageParams of(int page, int size) {
        PageParams p = new PageParams();
        p.page = Integer.toString(page);
        p.size = Integer.toString(size);
        return p;
    }

    /** {@code page × size} is at most {@link #MAX_OFFSET}; reported on {@code page}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OffsetValidator.class)
    public @interface WithinOffsetBound {
        String message() default "is beyond row " + MAX_OFFSET + " of the list (page × size may be at most "
                + MAX_OFFSET + "); narrow the filter instead of paging further";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class OffsetValidator implements ConstraintValidator<WithinOffsetBound, PageParams> {
        @Override
        public boolean isValid(PageParams params, ConstraintValidatorContext context) {
            if (params == null || params.page == null || params.size == null
                    || !params.page.matches("\\d{1,9}") || !params.size.matches("\\d{1,9}")) {
                return true; // the field constraints report malformed values
            }
            if ((long) params.page() * params.size() <= MAX_OFFSET) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("page").addConstraintViolation();
            return false;
        }
    }
}
