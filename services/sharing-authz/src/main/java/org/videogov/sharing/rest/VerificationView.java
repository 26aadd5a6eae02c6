package org.videogov.sharing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.sharing.domain.log.Verification;

/**
 * The result of verifying the hash chain: {@code intact}, how many entries verified, and the first
 * broken link ({@code brokenAt}: its seq, {@code reason}: ENTRY_CHANGED, LINK_BROKEN or
 * ENTRY_MISSING, and a sentence saying what that means), all three null when the chain is intact.
 */
@Schema(name = "DecisionLogVerification")
public record VerificationView(boolean intact, long verifiedEntries, Long brokenAt, String reason, String detail) {

    static VerificationView of(Verification v) {
        return v.firstBreak()
                .map(b -> new VerificationView(false, v.verifiedEntries(), b.seq(), b.reason().name(), b.detail()))
                .orElseGet(() -> new VerificationView(true, v.verifiedEntries(), null, null, null));
    }
}
