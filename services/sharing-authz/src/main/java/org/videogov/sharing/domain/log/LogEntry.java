package org.videogov.sharing.domain.log;

/** A decision in its place in the log: its sequence number, the previous entry's hash and its own. */
public record LogEntry(long seq, DecisionRecord record, String prevHash, String hash) {
}
