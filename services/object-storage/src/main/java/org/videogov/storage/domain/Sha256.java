package org.videogov.storage.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.videogov.common.problem.ProblemException;

/** A SHA-256 digest as 64 lowercase hex digits, and the one way to make a digester. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** A declared digest, naming {@code field} when it is malformed. */
    public static Sha256 parse(String field, String raw) {
        if (raw == null || !HEX.matcher(raw.strip()).matches()) {
            throw ProblemException.badRequest(field, "must be a SHA-256 digest as 64 hex digits");
        }
        return new Sha256(raw.strip().toLowerCase(Locale.ROOT));
    }

    public static Sha256 of(MessageDigest digest) {
        return new Sha256(HexFormat.of().formatHex(digest.digest()));
    }

    public static MessageDigest digester() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
