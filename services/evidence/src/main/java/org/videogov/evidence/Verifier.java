package org.videogov.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Verifies an evidence package with a public key. It is valid when, and only when:
 * <ol>
 *   <li>every byte of the ZIP is where a {@link PackageWriter} puts it ({@link ZipFormat}: each header,
 *       data descriptor and directory record equal to the one the writer makes for that entry, every
 *       entry's CRC-32 that of its bytes, nothing before, between or after them);</li>
 *   <li>{@value EvidenceFormat#SIGNATURE} is an Ed25519 signature of {@value EvidenceFormat#MANIFEST}'s
 *       exact bytes by the key, and the manifest names that key;</li>
 *   <li>every file the manifest lists is in the package with its size and SHA-256, and the package
 *       holds no file the manifest does not list.</li>
 * </ol>
 * Hence a change of any one byte fails it. Reads the file twice at most, through a 64 KiB buffer.
 */
public final class Verifier {

    private Verifier() {
    }

    /** A ZIP entry as its directory records it. */
    private record Entry(String name, byte[] rawName, long crc, long size, long offset, long dataOffset) {
    }

    /** The structure does not hold: the package cannot be read further. */
    private static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    public static Verdict verify(Path zip, PublicKey key) throws IOException {
        String keyId = EvidenceKeys.keyId(key);
        List<Verdict.Failure> failures = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = channel.size();
            List<Entry> entries;
            try {
                entries = structure(channel, length);
            } catch (Broken e) {
                failures.add(new Verdict.Failure(Verdict.Check.STRUCTURE, null, e.getMessage()));
                return new Verdict(false, keyId, null, 0, length, failures);
            }
            Map<String, Entry> byName = new LinkedHashMap<>();
            for (Entry e : entries) {
                byName.put(e.name(), e);
            }
            // Every entry's bytes: CRC-32 (structure) and SHA-256 (content).
            Map<String, String> sha = new LinkedHashMap<>();
            for (Entry e : entries) {
                Digests d = digest(channel, e.dataOffset(), e.size());
                if (d.crc() != e.crc()) {
                    failures.add(new Verdict.Failure(Verdict.Check.STRUCTURE, e.name(),
                            "its bytes do not have the CRC-32 the ZIP records for them"));
                }
                sha.put(e.name(), d.sha256());
            }
            Entry manifestEntry = byName.get(EvidenceFormat.MANIFEST);
            Entry signatureEntry = byName.get(EvidenceFormat.SIGNATURE);
            if (manifestEntry == null) {
                failures.add(new Verdict.Failure(Verdict.Check.MANIFEST, EvidenceFormat.MANIFEST,
                        "the package has no manifest"));
                return new Verdict(false, keyId, null, 0, length, failures);
            }
            if (manifestEntry.size() > 64L * 1024 * 1024) {
                failures.add(new Verdict.Failure(Verdict.Check.MANIFEST, EvidenceFormat.MANIFEST,
                        "the manifest is larger than 64 MiB"));
                return new Verdict(false, keyId, null, 0, length, failures);
            }
            byte[] manifestBytes = read(channel, manifestEntry.dataOffset(), (int) manifestEntry.size());
            if (signatureEntry == null) {
                failures.add(new Verdict.Failure(Verdict.Check.SIGNATURE, EvidenceFormat.SIGNATURE,
                        "the package has no signature"));
            } else if (signatureEntry.size() != 64) {
                failures.add(new Verdict.Failure(Verdict.Check.SIGNATURE, EvidenceFormat.SIGNATURE,
                        "not an Ed25519 signature (" + signatureEntry.size() + " bytes, not 64)"));
            } else if (!signatureVerifies(key, manifestBytes, read(channel, signatureEntry.dataOffset(), 64))) {
                failures.add(new Verdict.Failure(Verdict.Check.SIGNATURE, EvidenceFormat.SIGNATURE,
                        "the signature does not verify the manifest's bytes with key " + keyId));
            }
            Manifest manifest;
            try {
                manifest = Manifest.parse(manifestBytes);
            } catch (Manifest.Unreadable e) {
                failures.add(new Verdict.Failure(Verdict.Check.MANIFEST, EvidenceFormat.MANIFEST, e.getMessage()));
                return new Verdict(false, keyId, null, 0, length, failures);
            }
            if (!manifest.keyId().equals(keyId)) {
                failures.add(new Verdict.Failure(Verdict.Check.KEY, EvidenceFormat.MANIFEST, "the manifest names key "
                        + manifest.keyId() + ", the package is being verified with key " + keyId));
            }
            if (!EvidenceFormat.FORMAT.equals(manifest.format())) {
                failures.add(new Verdict.Failure(Verdict.Check.MANIFEST, EvidenceFormat.MANIFEST,
                        "unknown format " + manifest.format()));
            }
            Map<String, Boolean> listed = new LinkedHashMap<>();
            for (Manifest.FileEntry f : manifest.files()) {
                if (listed.put(f.path(), true) != null) {
                    failures.add(new Verdict.Failure(Verdict.Check.MANIFEST, f.path(), "listed twice"));
                    continue;
                }
                Entry e = byName.get(f.path());
                if (e == null) {
                    failures.add(new Verdict.Failure(Verdict.Check.MISSING, f.path(),
                            "listed in the manifest but not in the package"));
                } else if (e.size() != f.size()) {
                    failures.add(new Verdict.Failure(Verdict.Check.SIZE, f.path(), "has " + e.size()
                            + " bytes, the manifest lists " + f.size()));
                } else if (!sha.get(f.path()).equalsIgnoreCase(f.sha256())) {
                    failures.add(new Verdict.Failure(Verdict.Check.HASH, f.path(), "its bytes hash to "
                            + sha.get(f.path()) + ", the manifest lists " + f.sha256()));
                }
            }
            for (Entry e : entries) {
                if (!listed.containsKey(e.name()) && !e.name().equals(EvidenceFormat.MANIFEST)
                        && !e.name().equals(EvidenceFormat.SIGNATURE)) {
                    failures.add(new Verdict.Failure(Verdict.Check.UNLISTED, e.name(),
                            "in the package but not listed in the manifest"));
                }
            }
            return new Verdict(failures.isEmpty(), keyId, manifest, manifest.files().size(), length, failures);
        }
    }

    private static boolean signatureVerifies(PublicKey key, byte[] manifest, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(EvidenceFormat.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(manifest);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Reads the layout ({@link ZipFormat}), requiring every header byte to be the writer's. */
    private static List<Entry> structure(FileChannel channel, long length) throws IOException, Broken {
        int tail = ZipFormat.END64_SIZE + ZipFormat.LOCATOR64_SIZE + ZipFormat.END_SIZE;
        if (length < tail) {
            throw new Broken("too short for a package (" + length + " bytes)");
        }
        ByteBuffer end = buffer(read(channel, length - tail, tail));
        long entries = end.getLong(24);
        long centralSize = end.getLong(40);
        long centralOffset = end.getLong(48);
        if (entries < 2 || entries > 100_000 || centralSize < 0 || centralOffset < 0
                || centralOffset + centralSize != length - tail) {
            throw new Broken("the ZIP64 end record does not describe this file");
        }
        if (!java.util.Arrays.equals(end.array(), ZipFormat.end(entries, centralSize, centralOffset))) {
            throw new Broken("the end records are not a package's (a changed byte, a comment, or another writer)");
        }
        if (centralSize > 64L * 1024 * 1024) {
            throw new Broken("the central directory is larger than 64 MiB");
        }
        ByteBuffer central = buffer(read(channel, centralOffset, (int) centralSize));
        List<Entry> list = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        long expectedOffset = 0;
        for (long i = 0; i < entries; i++) {
            int at = central.position();
            if (central.remaining() < ZipFormat.CENTRAL_FIXED) {
                throw new Broken("the central directory ends inside entry " + (i + 1));
            }
            int nameLength = central.getShort(at + 28) & 0xFFFF;
            if (nameLength == 0 || nameLength > ZipFormat.MAX_NAME
                    || central.remaining() < ZipFormat.CENTRAL_FIXED + nameLength + ZipFormat.CENTRAL_EXTRA) {
                throw new Broken("entry " + (i + 1) + " of the central directory has a bad name length");
            }
            byte[] rawName = new byte[nameLength];
            central.get(at + ZipFormat.CENTRAL_FIXED, rawName);
            long crc = central.getInt(at + 16) & 0xFFFFFFFFL;
            int extra = at + ZipFormat.CENTRAL_FIXED + nameLength;
            long size = central.getLong(extra + 4);
            long offset = central.getLong(extra + 20);
            byte[] record = new byte[ZipFormat.CENTRAL_FIXED + nameLength + ZipFormat.CENTRAL_EXTRA];
            central.get(at, record);
            central.position(at + record.length);
            String name = name(rawName, i);
            if (size < 0 || offset != expectedOffset
                    || !java.util.Arrays.equals(record, ZipFormat.centralHeader(rawName, crc, size, offset))) {
                throw new Broken("the central directory's record of " + name + " is not a package's");
            }
            if (!names.add(name)) {
                throw new Broken("two entries are named " + name);
            }
            byte[] local = ZipFormat.localHeader(rawName);
            long dataOffset = offset + local.length;
            if (dataOffset + size + ZipFormat.DESCRIPTOR_SIZE > centralOffset) {
                throw new Broken("entry " + name + " runs into the central directory");
            }
            if (!java.util.Arrays.equals(read(channel, offset, local.length), local)) {
                throw new Broken("the local header of " + name + " is not a package's");
            }
            if (!java.util.Arrays.equals(read(channel, dataOffset + size, ZipFormat.DESCRIPTOR_SIZE),
                    ZipFormat.descriptor(crc, size))) {
                throw new Broken("the data descriptor of " + name + " does not match the central directory");
            }
            list.add(new Entry(name, rawName, crc, size, offset, dataOffset));
            expectedOffset = dataOffset + size + ZipFormat.DESCRIPTOR_SIZE;
        }
        if (central.hasRemaining()) {
            throw new Broken("the central directory holds more than its " + entries + " entries");
        }
        if (expectedOffset != centralOffset) {
            throw new Broken("there are bytes between the last entry and the central directory");
        }
        return list;
    }

    private static String name(byte[] raw, long index) throws Broken {
        try {
            String name = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) < 0x20 || name.charAt(i) == '\\') {
                    throw new Broken("entry " + (index + 1) + " has a control character or backslash in its name");
                }
            }
            if (name.startsWith("/") || name.contains("..")) {
                throw new Broken("entry " + (index + 1) + " has a path outside the package: " + name);
            }
            return name;
        } catch (CharacterCodingException e) {
            throw new Broken("entry " + (index + 1) + " has a name that is not UTF-8");
        }
    }

    private record Digests(long crc, String sha256) {
    }

    private static Digests digest(FileChannel channel, long offset, long size) throws IOException {
        MessageDigest sha = PackageWriter.sha256();
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long at = offset;
        long left = size;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            buffer.flip();
            sha.update(buffer.duplicate());
            crc.update(buffer);
            at += n;
            left -= n;
        }
        return new Digests(crc.getValue(), HexFormat.of().formatHex(sha.digest()));
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.array();
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
