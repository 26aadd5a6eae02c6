package org.videogov.sharing.domain.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hash chain without a database: what the hash covers, and what the verifier reports. */
class DecisionChainTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 123_456_000, ZoneOffset.UTC);
    private static final UUID SITE = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static DecisionRecord record(String rule) {
        return new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                new LoggedResource("370202", SITE, "37020200001320000001", 2), Decision.ALLOW, rule, null, null);
    }

    @Test
    void theHashIsSha256OfThePreviousHashAndTheCanonicalEncoding() throws Exception {
        DecisionRecord r = record("own-district");
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(DecisionChain.GENESIS.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sha.update(DecisionChain.canonical(1, r));
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest()), DecisionChain.hash(1, r, DecisionChain.GENESIS));
        assertEquals("0".repeat(64), DecisionChain.GENESIS);
    }

    @Test
    void everyFieldIsCovered() {
        DecisionRecord base = record("own-district");
        String hash = DecisionChain.hash(1, base, DecisionChain.GENESIS);
        List<DecisionRecord> variants = List.of(
                new DecisionRecord(AT.plusNanos(1_000), "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-2", "370202", List.of("district-admin"), null, "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370211", List.of("district-admin"), null, "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin", "auditor"), null, "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), "traffic", "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.write",
                        base.resource(), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        new LoggedResource("370211", SITE, "37020200001320000001", 2), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        new LoggedResource("370202", null, "37020200001320000001", 2), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        new LoggedResource("370202", SITE, "37020200001320000002", 2), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        new LoggedResource("370202", SITE, "37020200001320000001", 3), Decision.ALLOW, "own-district", null, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        base.resource(), Decision.DENY, "own-district", null, null),
                record("grant"),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", SITE, null),
                new DecisionRecord(AT, "u-1", "370202", List.of("district-admin"), null, "camera.read",
                        base.resource(), Decision.ALLOW, "own-district", null, SITE));
        for (DecisionRecord v : variants) {
            assertNotEquals(hash, DecisionChain.hash(1, v, DecisionChain.GENESIS), v.toString());
        }
        assertNotEquals(hash, DecisionChain.hash(2, base, DecisionChain.GENESIS), "seq");
        assertNotEquals(hash, DecisionChain.hash(1, base, "1" + DecisionChain.GENESIS.substring(1)), "prev_hash");
        // A field's text cannot slide into the next one: the lengths are part of the encoding.
        assertNotEquals(
                DecisionChain.hash(1, new DecisionRecord(AT, "ab", null, List.of(), null, "c", null, Decision.ALLOW, "r", null, null), DecisionChain.GENESIS),
                DecisionChain.hash(1, new DecisionRecord(AT, "a", null, List.of(), "b", "c", null, Decision.ALLOW, "r", null, null), DecisionChain.GENESIS));
    }

    private static List<LogEntry> chain(int n) {
        List<LogEntry> entries = new ArrayList<>();
        String prev = DecisionChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            LogEntry e = DecisionChain.link(i, record("rule-" + i), prev);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    private static Verification verify(List<LogEntry> entries) {
        ChainVerifier v = new ChainVerifier();
        entries.forEach(v::accept);
        return v.result();
    }

    @Test
    void aRecordedHeadDetectsACutTailAndARewrittenChain() {
        List<LogEntry> entries = chain(6);
        Head head = verify(entries).head().orElseThrow();
        assertEquals(new Head(6, entries.get(5).hash()), head);
        ChainVerifier same = new ChainVerifier(Optional.of(head));
        entries.forEach(same::accept);
        assertTrue(same.result().intact());

        ChainVerifier cut = new ChainVerifier(Optional.of(head));
        entries.subList(0, 4).forEach(cut::accept);
        Verification v = cut.result();
        assertFalse(v.intact());
        assertEquals(ChainBreak.Reason.TAIL_CUT, v.firstBreak().get().reason());
        assertEquals(5, v.firstBreak().get().seq());

        // A chain rewritten consistently (every hash recomputed) verifies on its own, not against the head.
        List<LogEntry> rewritten = new ArrayList<>();
        String prev = DecisionChain.GENESIS;
        for (int i = 1; i <= 6; i++) {
            LogEntry e = DecisionChain.link(i, record(i == 2 ? "rewritten" : "rule-" + i), prev);
            rewritten.add(e);
            prev = e.hash();
        }
        assertTrue(verify(rewritten).intact());
        ChainVerifier against = new ChainVerifier(Optional.of(head));
        rewritten.forEach(against::accept);
        assertEquals(ChainBreak.Reason.HEAD_DIFFERS, against.result().firstBreak().get().reason());
        assertEquals(6, against.result().firstBreak().get().seq());
        assertTrue(verify(List.of()).head().isEmpty());
    }

    @Test
    void anIntactChainVerifies() {
        Verification v = verify(chain(6));
        assertTrue(v.intact());
        assertEquals(6, v.verifiedEntries());
        assertTrue(verify(List.of()).intact());
    }

    @Test
    void aChangedEntryIsNamed() {
        List<LogEntry> entries = chain(6);
        LogEntry e = entries.get(3);
        entries.set(3, new LogEntry(e.seq(), record("changed"), e.prevHash(), e.hash()));
        Verification v = verify(entries);
        assertFalse(v.intact());
        assertEquals(new ChainBreak(4, ChainBreak.Reason.ENTRY_CHANGED, v.firstBreak().get().detail()), v.firstBreak().get());
        assertEquals(3, v.verifiedEntries());
    }

    @Test
    void aRemovedEntryIsNamed() {
        List<LogEntry> entries = chain(6);
        entries.remove(2);
        Verification v = verify(entries);
        assertEquals(3, v.firstBreak().get().seq());
        assertEquals(ChainBreak.Reason.ENTRY_MISSING, v.firstBreak().get().reason());
    }

    @Test
    void swappedEntriesAreNamed() {
        List<LogEntry> entries = chain(6);
        LogEntry second = entries.get(1);
        LogEntry fourth = entries.get(3);
        entries.set(1, new LogEntry(2, fourth.record(), fourth.prevHash(), fourth.hash()));
        entries.set(3, new LogEntry(4, second.record(), second.prevHash(), second.hash()));
        Verification v = verify(entries);
        assertEquals(2, v.firstBreak().get().seq());
        assertEquals(ChainBreak.Reason.LINK_BROKEN, v.firstBreak().get().reason());
    }

    @Test
    void anEntryRemovedAndTheRestRenumberedBreaksTheLink() {
        List<LogEntry> entries = chain(6);
        entries.remove(2);
        List<LogEntry> renumbered = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            renumbered.add(new LogEntry(i + 1, e.record(), e.prevHash(), e.hash()));
        }
        Verification v = verify(renumbered);
        assertEquals(3, v.firstBreak().get().seq());
        assertEquals(ChainBreak.Reason.LINK_BROKEN, v.firstBreak().get().reason());
    }
}
