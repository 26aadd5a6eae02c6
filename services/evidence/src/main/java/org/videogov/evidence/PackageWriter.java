package org.videogov.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Writes an evidence package to a stream, one segment at a time and never holding one: each
 * segment's bytes are copied through a 64 KiB buffer while their size, SHA-256 and CRC-32 are
 * computed; a segment that does not have the size and SHA-256 it must have stops the package with
 * {@link Mismatch} before anything is signed. {@link #finish} then writes the manifest, its signature
 * and the ZIP's directory. What was written before a mismatch is not a package (it has no manifest,
 * no signature and no directory).
 */
public final class PackageWriter {

    /** A segment whose bytes are not the ones expected (bit rot, tampering, a wrong record). */
    public static final class Mismatch extends Exception {
        private final String objectKey;

        Mismatch(String objectKey, String message) {
            super(message);
            this.objectKey = objectKey;
        }

        public String objectKey() {
            return objectKey;
        }
    }

    /** What the manifest says besides the files. */
    public record Header(String packageId, String district, String cameraGbId, Instant from, Instant to,
                        String exportedBy, String purpose, String caseNumber, Instant exportedAt) {
    }

    /** The written package: its manifest, the manifest's SHA-256, the package's size and SHA-256. */
    public record Written(Manifest manifest, String manifestSha256, long size, String sha256) {
    }

    private record Entry(byte[] name, long crc, long size, long offset) {
    }

    private final CountingOutput out;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Manifest.FileEntry> files = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final byte[] buffer = new byte[64 * 1024];
    private boolean finished;

    public PackageWriter(OutputStream out) {
        this.out = new CountingOutput(out);
    }

    /**
     * Copies one segment's object into the package as the next {@code segments/...} file. The
     * stream is read to its end (not closed).
     *
     * @throws Mismatch when its size or SHA-256 differ from the expected ones
     */
    public Manifest.FileEntry addSegment(InputStream in, String objectKey, String cameraGbId, String source,
                                         Instant start, Instant end, long expectedSize, String expectedSha256)
            throws IOException, Mismatch {
        if (finished) {
            throw new IllegalStateException("the package is finished");
        }
        String path = EvidenceFormat.segmentPath(files.size() + 1, start, objectKey);
        byte[] name = name(path);
        long offset = out.count();
        out.write(ZipFormat.localHeader(name));
        MessageDigest sha = sha256();
        CRC32 crc = new CRC32();
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            size += n;
            if (size > expectedSize) {
                throw new Mismatch(objectKey, "object " + objectKey + " is corrupted: it has more than the "
                        + expectedSize + " bytes recorded at upload");
            }
            sha.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (size != expectedSize) {
            throw new Mismatch(objectKey, "object " + objectKey + " is corrupted: it has " + size
                    + " bytes, " + expectedSize + " were recorded at upload");
        }
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new Mismatch(objectKey, "object " + objectKey + " is corrupted: its bytes hash to " + actual
                    + ", the SHA-256 recorded at upload is " + expectedSha256);
        }
        out.write(ZipFormat.descriptor(crc.getValue(), size));
        entries.add(new Entry(name, crc.getValue(), size, offset));
        Manifest.FileEntry file = new Manifest.FileEntry(path, objectKey, cameraGbId, source, start, end, size, actual);
        files.add(file);
        return file;
    }

    /**
     * Writes the manifest of the segments added, its Ed25519 signature with {@code key}, and the ZIP's
     * directory; flushes (does not close) the stream.
     */
    public Written finish(Header header, PrivateKey key, PublicKey publicKey) throws IOException {
        if (finished) {
            throw new IllegalStateException("the package is finished");
        }
        finished = true;
        Manifest manifest = new Manifest(EvidenceFormat.FORMAT, header.packageId(), header.district(),
                header.cameraGbId(), header.from(), header.to(), header.exportedBy(), header.purpose(),
                header.caseNumber(), header.exportedAt(), EvidenceFormat.ALGORITHM, EvidenceKeys.keyId(publicKey),
                files);
        byte[] bytes = manifest.toBytes();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(EvidenceFormat.ALGORITHM);
            signer.initSign(key);
            signer.update(bytes);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the manifest with the evidence key", e);
        }
        writeSmall(EvidenceFormat.MANIFEST, bytes);
        writeSmall(EvidenceFormat.SIGNATURE, signature);
        long centralOffset = out.count();
        for (Entry e : entries) {
            out.write(ZipFormat.centralHeader(e.name(), e.crc(), e.size(), e.offset()));
        }
        long centralSize = out.count() - centralOffset;
        out.write(ZipFormat.end(entries.size(), centralSize, centralOffset));
        out.flush();
        return new Written(manifest, HexFormat.of().formatHex(sha256().digest(bytes)), out.count(),
                HexFormat.of().formatHex(out.digest()));
    }

    /** Writes a complete package of {@code segments} to a byte array (tests, small packages). */
    static byte[] toBytes(Header header, PrivateKey key, List<Segment> segments) throws IOException, Mismatch {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PackageWriter writer = new PackageWriter(bytes);
        for (Segment s : segments) {
            writer.addSegment(new java.io.ByteArrayInputStream(s.data()), s.objectKey(), header.cameraGbId(),
                    s.source(), s.start(), s.end(), s.data().length, s.sha256());
        }
        try {
            writer.finish(header, key, EvidenceKeys.publicOf(key));
        } catch (EvidenceKeys.BadKey e) {
            throw new IllegalArgumentException(e);
        }
        return bytes.toByteArray();
    }

    /** A segment in memory (tests). */
    record Segment(String objectKey, String source, Instant start, Instant end, byte[] data) {
        String sha256() {
            return HexFormat.of().formatHex(sha256Of(data));
        }
    }

    private void writeSmall(String path, byte[] data) throws IOException {
        byte[] name = name(path);
        long offset = out.count();
        CRC32 crc = new CRC32();
        crc.update(data);
        out.write(ZipFormat.localHeader(name));
        out.write(data);
        out.write(ZipFormat.descriptor(crc.getValue(), data.length));
        entries.add(new Entry(name, crc.getValue(), data.length, offset));
    }

    private byte[] name(String path) {
        if (!names.add(path)) {
            throw new IllegalStateException("two files named " + path);
        }
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length > ZipFormat.MAX_NAME) {
            throw new IllegalArgumentException("file name too long: " + path);
        }
        return name;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static byte[] sha256Of(byte[] data) {
        return sha256().digest(data);
    }

    /** The stream, counted and hashed (the package's own size and SHA-256). */
    private static final class CountingOutput extends OutputStream {
        private final OutputStream out;
        private final MessageDigest digest = sha256();
        private long count;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        long count() {
            return count;
        }

        byte[] digest() {
            return digest.digest();
        }
    }
}
