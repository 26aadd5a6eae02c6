package org.videogov.storage.domain;

import org.videogov.common.problem.ProblemException;

/**
 * The case number of a legal hold (recording-metadata's hold, Article 5 of the measures: held
 * evidence is kept): 1 to 100 characters, not blank, no control character.
 */
public record CaseNumber(String value) {

    public static final int MAX_LENGTH = 100;

    public static CaseNumber parse(String field, String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH
                || raw.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(field, "must be 1 to " + MAX_LENGTH
                    + " characters without control characters");
        }
        return new CaseNumber(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
