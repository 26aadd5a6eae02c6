package org.videogov.sharing.domain.log;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The hash chain of the decision log. An entry's hash is
 * {@code SHA-256(prev_hash || canonical(entry))}, in lowercase hex, where {@code prev_hash} is the
 * previous entry's hash as 64 ASCII hex characters ({@link #GENESIS} for the first) and
 * {@code canonical} encodes every other field in this fixed order: seq, decided_at, subject,
 * subject_district, subject_roles, department, action, resource district, site, camera, security
 * level, decision, rule, grant_id, emergency_id.
 *
 * <p>Encoding: a number as 8 bytes big-endian (decided_at as microseconds since the epoch); a text
 * (UUIDs as their canonical lowercase text) as a 4-byte big-endian length and its UTF-8 bytes, or
 * the length -1 when absent; the roles as a 4-byte count followed by each role as a text, sorted.
 * Every field has an explicit length, so no two different entries encode alike.
 */
public final class DecisionChain {

    /** The prev_hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private DecisionChain() {
    }

    /** The entry that follows {@code prevHash} at {@code seq}. */
    public static LogEntry link(long seq, DecisionRecord record, String prevHash) {
        return new LogEntry(seq, record, prevHash, hash(seq, record, prevHash));
    }

    /** The hash an entry with these fields must carry. */
    public static String hash(long seq, DecisionRecord r, String prevHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(canonical(seq, r));
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] canonical(long seq, DecisionRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(seq);
            java.time.Instant at = r.decidedAt().toInstant();
            out.writeLong(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000));
            text(out, r.subject());
            text(out, r.subjectDistrict());
            List<String> roles = r.subjectRoles();
            out.writeInt(roles.size());
            for (String role : roles) {
                text(out, role);
            }
            text(out, r.department());
            text(out, r.action());
            text(out, r.resource().district());
            text(out, uuid(r.resource().site()));
            text(out, r.resource().camera());
            text(out, r.resource().securityLevel() == null ? null : r.resource().securityLevel().toString());
            text(out, r.decision().name());
            text(out, r.rule());
            text(out, uuid(r.grantId()));
            text(out, uuid(r.emergencyId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String uuid(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
