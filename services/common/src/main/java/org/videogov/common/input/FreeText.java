package org.videogov.common.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JSON text field as free text (a description, a note, a reason): it may hold tab, CR
 * and LF. Every other text field (names, codes, references, IDs) holds no control character at
 * all. NUL and the other C0 control characters are refused everywhere ({@link StrictJson}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
