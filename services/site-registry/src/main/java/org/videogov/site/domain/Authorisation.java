package org.videogov.site.domain;

import java.time.LocalDate;

/**
 * The authorisation that lets another unit or person build a system in a public place
 * (Article 8 ¶3): its reference, the authority that granted it, when, and until when (null: open-ended).
 */
public record Authorisation(String reference, String authority, LocalDate grantedOn, LocalDate validUntil) {

    /** Whether it is in force on the given day. */
    public boolean validOn(LocalDate day) {
        return !grantedOn.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }
}
