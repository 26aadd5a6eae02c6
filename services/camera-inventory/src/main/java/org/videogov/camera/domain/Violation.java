package org.videogov.camera.domain;

/**
 * One thing wrong with a camera as submitted.
 *
 * @param field      the API field (or CSV column) at fault
 * @param message    what is wrong, for a person
 * @param article    the article of the measures the rule comes from, or null
 * @param regulation true when a rule of the measures refuses otherwise well-formed input (422);
 *                   false for malformed input (400)
 */
public record Violation(String field, String message, String article, boolean regulation) {

    public static Violation input(String field, String message) {
        return new Violation(field, message, null, false);
    }

    public static Violation input(String field, String message, String article) {
        return new Violation(field, message, article, false);
    }

    public static Violation regulation(String field, String article, String message) {
        return new Violation(field, message, article, true);
    }

    /** The same violation reported under another field name (a CSV column instead of a JSON field). */
    public Violation renamed(String newField) {
        return new Violation(newField, message, article, regulation);
    }
}
