package org.videogov.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/** Packages for the tests: a valid one, and ZIPs laid out like packages with entries changed. */
final class Packages {

    static final KeyPair KEY = EvidenceKeys.generate();
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private Packages() {
    }

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static PackageWriter.Header header() {
        return new PackageWriter.Header("7d1c1bb0-3f7e-4d2c-9a55-0f4f2c7f1e01", "370202", "37020200001320000001",
                T0, T0.plusSeconds(900), "a1b2 (Shinan Operator)", "traffic accident on Xianggang Road, 10:05",
                "QD-2026-0042", Instant.parse("2026-11-29T12:00:00Z"));
    }

    static List<PackageWriter.Segment> segments() {
        List<PackageWriter.Segment> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant start = T0.plusSeconds(300L * i);
            list.add(new PackageWriter.Segment("cameras/37020200001320000001/seg-" + i + ".mp4", "CONTINUOUS",
                    start, start.plusSeconds(300), bytes(100 + 37 * i, i)));
        }
        return list;
    }

    static byte[] valid() throws Exception {
        return PackageWriter.toBytes(header(), KEY.getPrivate(), segments());
    }

    static Path write(Path dir, String name, byte[] zip) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, zip);
        return file;
    }

    /** An entry of a ZIP laid out as a package. */
    record Entry(String name, byte[] data) {
    }

    /** The entries of a package, read with the JDK's ZipFile (the layout is an ordinary ZIP). */
    static List<Entry> entries(Path zip) throws IOException {
        List<Entry> list = new ArrayList<>();
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            var all = file.entries();
            while (all.hasMoreElements()) {
                var e = all.nextElement();
                try (var in = file.getInputStream(e)) {
                    list.add(new Entry(e.getName(), in.readAllBytes()));
                }
            }
        }
        return list;
    }

    /** A ZIP with exactly these entries, laid out as the writer lays out a package. */
    static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<long[]> offsets = new ArrayList<>();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(e.data());
            offsets.add(new long[] {out.size(), crc.getValue()});
            out.write(ZipFormat.localHeader(name));
            out.write(e.data());
            out.write(ZipFormat.descriptor(crc.getValue(), e.data().length));
        }
        long central = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            out.write(ZipFormat.centralHeader(e.name().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    offsets.get(i)[1], e.data().length, offsets.get(i)[0]));
        }
        long size = out.size() - central;
        out.write(ZipFormat.end(entries.size(), size, central));
        return out.toByteArray();
    }
}
