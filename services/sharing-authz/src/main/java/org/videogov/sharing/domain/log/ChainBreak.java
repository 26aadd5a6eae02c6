package org.videogov.sharing.domain.log;

/** The first place where the stored log no longer is the chain that was appended. */
public record ChainBreak(long seq, Reason reason, String detail) {

    public enum Reason {
        /** The entry's fields no longer give its stored hash: the entry was changed. */
        ENTRY_CHANGED,
        /** The entry's prev_hash is not the hash of the entry before it: an entry was removed or the order changed. */
        LINK_BROKEN,
        /** No entry holds this seq, though later ones exist: an entry was removed (or renumbered). */
        ENTRY_MISSING,
        /** The log ends before the seq of a head recorded earlier: its newest entries were removed. */
        TAIL_CUT,
        /** The entry at a recorded head's seq has another hash: the chain was rewritten from there or before. */
        HEAD_DIFFERS
    }
}
