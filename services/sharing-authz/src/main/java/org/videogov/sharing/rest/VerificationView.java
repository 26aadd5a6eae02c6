package org.videogov.sharing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.sharing.domain.log.Verification;

/**
 * The result of verifying the hash chain: {@code intact}, how many entries verified, and the first
 * broken link ({@code brokenAt}: its seq, {@code reason}: ENTRY_CHANGED, LINK_BROKEN, ENTRY_MISSING,
 * TAIL_CUT or HEAD_DIFFERS, and a sentence saying what that means), all three null when the chain is intact.
 */
@Schema(name = "DecisionLogVerification")
public record VerificationView(boolean intact, long verifiedEntries, Long brokenAt, String reason, String detail,
                               @Schema(description = "The newest entry that verified, as `<seq>:<hash>`: keep it "
                                       + "outside the platform and pass it as `head` to a later verification, "
                                       + "which then also detects a cut tail or a rewritten chain; null for an "
                                       + "empty log") String head) {

    static VerificationView of(Verification v) {
        String head = v.head().map(h -> h.seq() + ":" + h.hash()).orElse(null);
        return v.firstBreak()
                .map(b -> new VerificationView(false, v.verifiedEntries(), b.seq(), b.reason().name(), b.detail(),
                        head))
                .orElseGet(() -> new VerificationView(true, v.verifiedEntries(), null, null, null, head));
    }
}
