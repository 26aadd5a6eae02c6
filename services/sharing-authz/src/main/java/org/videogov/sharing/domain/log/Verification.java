package org.videogov.sharing.domain.log;

import java.util.Optional;

/**
 * The outcome of walking the log: whether it is intact, how many entries verified before the walk
 * ended, the first broken link when there is one, and the newest entry that verified ({@code head},
 * empty for an empty log or a break at the first entry). A chain cut at its end (the newest entries
 * removed) still verifies on its own: it is detected against a {@link Head} recorded earlier.
 */
public record Verification(boolean intact, long verifiedEntries, Optional<ChainBreak> firstBreak, Optional<Head> head) {

    public Verification(boolean intact, long verifiedEntries, Optional<ChainBreak> firstBreak) {
        this(intact, verifiedEntries, firstBreak, Optional.empty());
    }
}
