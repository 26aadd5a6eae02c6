package org.videogov.common.district;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A district code: six digits, a GB/T 2260 administrative code (whether that district exists is
 * the service's question, not this constraint's). The one constraint for every {@code district}
 * query parameter and {@code districtCode} body field; a violation is a 400 problem naming the
 * field with the message {@value #MESSAGE}. {@code null} (the field left out) is valid.
 *
 * <pre>{@code
 * public Uni<PageView> list(@QueryParam("district") @DistrictCode String district, ...)
 * }</pre>
 *
 * <p>The OpenAPI document shows the pattern on every {@code district} parameter and
 * {@code districtCode} property ({@link org.videogov.common.openapi.ProblemResponses}), since
 * SmallRye OpenAPI reads {@code @Pattern} only where it is written directly.
 */
@Pattern(regexp = DistrictCode.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE,
        ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistrictCode {

    /** Six digits. */
    String PATTERN = "\\d{6}";

    /** What a caller reads when the code is malformed. */
    String MESSAGE = "must be a six-digit GB/T 2260 code";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
