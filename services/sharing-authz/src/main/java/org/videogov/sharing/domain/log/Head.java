package org.videogov.sharing.domain.log;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The newest entry of the log as someone saw it: its seq and hash. A chain proves only that nothing
 * before its newest entry changed; that the newest entries were not cut off (or the whole chain
 * rewritten) needs a head kept outside the database. Every verification answers the current head; an
 * auditor keeps it (in a report, a ticket, a signed mail) and hands it to a later verification, which
 * then also fails when the log no longer reaches that seq ({@link ChainBreak.Reason#TAIL_CUT}) or holds
 * another entry there ({@link ChainBreak.Reason#HEAD_DIFFERS}).
 */
public record Head(long seq, String hash) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public Head {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1: " + seq);
        }
        Objects.requireNonNull(hash, "hash");
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 64 lowercase hex digits");
        }
    }
}
