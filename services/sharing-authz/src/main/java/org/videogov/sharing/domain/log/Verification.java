package org.videogov.sharing.domain.log;

import java.util.Optional;

/**
 * The outcome of walking the log: whether it is intact, how many entries verified before the walk
 * ended, and the first broken link when there is one. A chain cut at its end (the newest entries
 * removed) still verifies: detecting that needs the head's seq and hash kept outside the database.
 */
public record Verification(boolean intact, long verifiedEntries, Optional<ChainBreak> firstBreak) {
}
