package org.videogov.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of an evidence package's files (docs/recordings.md, "Evidence packages"):
 * {@code segments/<n>-<start>.<container>} for each segment, in the manifest's order,
 * then {@value #MANIFEST} and its detached signature {@value #SIGNATURE} (the 64 bytes of an Ed25519
 * signature over the manifest's exact bytes).
 */
public final class EvidenceFormat {

    /** The manifest's {@code format}: this layout, version 1. */
    public static final String FORMAT = "videogov-evidence/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String SEGMENTS = "segments/";
    public static final String ALGORITHM = "Ed25519";

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9]{1,8}");

    private EvidenceFormat() {
    }

    /**
     * The path of the {@code index}-th segment (from 1) starting at {@code start}:
     * {@code segments/00001-20261129T101500Z.mp4}. The container is the object key's extension when it
     * is 1-8 lowercase letters or digits, else {@code bin}.
     */
    public static String segmentPath(int index, Instant start, String objectKey) {
        int slash = objectKey.lastIndexOf('/');
        int dot = objectKey.lastIndexOf('.');
        String extension = dot > slash ? objectKey.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String container = CONTAINER.matcher(extension).matches() ? extension : "bin";
        return SEGMENTS + String.format(Locale.ROOT, "%05d", index) + "-" + START.format(start) + "." + container;
    }
}
