package org.videogov.sharing.domain.log;

import java.util.Objects;
import java.util.Optional;

/**
 * Walks the log in seq order and finds the first broken link. Feed it every stored entry in
 * ascending seq; it checks, for each, that the seq is the next one (a gap means a removed entry),
 * that prev_hash is the previous entry's hash (a removed or reordered entry), and that the entry's
 * fields still give its hash (a changed entry). The checks of one entry run in that order, so an
 * entry moved to another place is reported as a broken link, not as a change.
 */
public final class ChainVerifier {

    private final Optional<Head> recorded;
    private long expectedSeq = 1;
    private String previousHash = DecisionChain.GENESIS;
    private long checked;
    private ChainBreak firstBreak;

    /** A walk that checks the chain only. */
    public ChainVerifier() {
        this(Optional.empty());
    }

    /** A walk that also checks the log still reaches a head recorded earlier, with the same entry there. */
    public ChainVerifier(Optional<Head> recorded) {
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    /** Checks the next entry; returns the break once one is found (later entries are ignored). */
    public Optional<ChainBreak> accept(LogEntry entry) {
        if (firstBreak != null) {
            return Optional.of(firstBreak);
        }
        if (entry.seq() != expectedSeq) {
            return broken(new ChainBreak(expectedSeq, ChainBreak.Reason.ENTRY_MISSING,
                    "entry " + expectedSeq + " is missing; the next stored entry is " + entry.seq()
                            + ": an entry was removed or renumbered"));
        }
        if (!entry.prevHash().equals(previousHash)) {
            return broken(new ChainBreak(entry.seq(), ChainBreak.Reason.LINK_BROKEN,
                    "entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1)
                            + " (its prev_hash is not that entry's hash): an entry was removed or the order changed"));
        }
        if (!DecisionChain.hash(entry.seq(), entry.record(), entry.prevHash()).equals(entry.hash())) {
            return broken(new ChainBreak(entry.seq(), ChainBreak.Reason.ENTRY_CHANGED,
                    "entry " + entry.seq() + " no longer matches its hash: it was changed after it was appended"));
        }
        if (recorded.isPresent() && recorded.get().seq() == entry.seq() && !recorded.get().hash().equals(entry.hash())) {
            return broken(new ChainBreak(entry.seq(), ChainBreak.Reason.HEAD_DIFFERS,
                    "entry " + entry.seq() + " is not the entry recorded as the head earlier (another hash): the "
                            + "chain was rewritten from there or before"));
        }
        checked++;
        expectedSeq++;
        previousHash = entry.hash();
        return Optional.empty();
    }

    private Optional<ChainBreak> broken(ChainBreak b) {
        firstBreak = b;
        return Optional.of(b);
    }

    /** The result once every stored entry was fed (or the walk stopped at the first break). */
    public Verification result() {
        if (firstBreak == null && recorded.isPresent() && checked < recorded.get().seq()) {
            firstBreak = new ChainBreak(checked + 1, ChainBreak.Reason.TAIL_CUT, "the log ends at entry " + checked
                    + " but a head recorded earlier is entry " + recorded.get().seq()
                    + ": the newest entries were removed");
        }
        Optional<Head> head = checked == 0 ? Optional.empty() : Optional.of(new Head(checked, previousHash));
        return new Verification(firstBreak == null, checked, Optional.ofNullable(firstBreak), head);
    }
}
