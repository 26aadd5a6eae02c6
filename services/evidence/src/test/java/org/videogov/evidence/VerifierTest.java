package org.videogov.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence packages (Article 5 of the measures: recordings are kept and protected; an exported copy
 * must show it is what the platform stored): a package verifies with the platform's public key, and
 * changing any one byte of it, a file missing, a file added or another key fails verification.
 */
class VerifierTest {

    @TempDir
    Path dir;

    private static Set<Verdict.Check> checks(Verdict verdict) {
        return verdict.failures().stream().map(Verdict.Failure::check).collect(Collectors.toSet());
    }

    @Test
    void aPackageVerifiesWithThePlatformsPublicKey() throws Exception {
        Path zip = Packages.write(dir, "p.zip", Packages.valid());
        Verdict verdict = Verifier.verify(zip, Packages.KEY.getPublic());
        assertTrue(verdict.valid(), verdict.failures().toString());
        assertEquals(3, verdict.files());
        assertEquals(EvidenceKeys.keyId(Packages.KEY.getPublic()), verdict.manifest().keyId());
        assertEquals("QD-2026-0042", verdict.manifest().caseNumber());
        assertEquals("segments/00002-20261129T100500Z.mp4", verdict.manifest().files().get(1).path());
        assertEquals(Packages.segments().get(1).sha256(), verdict.manifest().files().get(1).sha256());
    }

    @Test
    void thePackageIsAnOrdinaryZipWhoseFilesAreTheSegmentsBytes() throws Exception {
        Path zip = Packages.write(dir, "p.zip", Packages.valid());
        List<Packages.Entry> entries = Packages.entries(zip);
        assertEquals(List.of("segments/00001-20261129T100000Z.mp4", "segments/00002-20261129T100500Z.mp4",
                "segments/00003-20261129T101000Z.mp4", "manifest.json", "manifest.sig"),
                entries.stream().map(Packages.Entry::name).toList());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Packages.segments().get(i).data(), entries.get(i).data());
        }
        String manifest = new String(entries.get(3).data(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"purpose\": \"traffic accident on Xianggang Road, 10:05\""), manifest);
        assertEquals(64, entries.get(4).data().length);
    }

    @Test
    void changingAnyOneByteAnywhereFailsVerification() throws Exception {
        byte[] valid = Packages.valid();
        Path zip = dir.resolve("changed.zip");
        for (int i = 0; i < valid.length; i++) {
            byte[] changed = valid.clone();
            changed[i] ^= 0x01;
            Files.write(zip, changed);
            Verdict verdict = Verifier.verify(zip, Packages.KEY.getPublic());
            assertFalse(verdict.valid(), "byte " + i + " of " + valid.length + " changed, yet the package verifies");
            assertFalse(verdict.failures().isEmpty());
        }
    }

    @Test
    void aChangedSegmentIsNamedByItsHash() throws Exception {
        byte[] valid = Packages.valid();
        List<Packages.Entry> entries = Packages.entries(Packages.write(dir, "p.zip", valid));
        List<Packages.Entry> changed = new ArrayList<>(entries);
        byte[] data = entries.get(1).data().clone();
        data[50] ^= (byte) 0x80;
        changed.set(1, new Packages.Entry(entries.get(1).name(), data));
        Verdict verdict = Verifier.verify(Packages.write(dir, "c.zip", Packages.zip(changed)),
                Packages.KEY.getPublic());
        assertFalse(verdict.valid());
        assertEquals(List.of(new Verdict.Failure(Verdict.Check.HASH, "segments/00002-20261129T100500Z.mp4",
                "its bytes hash to " + PackageWriterTest.hex(data) + ", the manifest lists "
                        + Packages.segments().get(1).sha256())), verdict.failures());
    }

    @Test
    void aChangedManifestOrSignatureFailsTheSignature() throws Exception {
        List<Packages.Entry> entries = Packages.entries(Packages.write(dir, "p.zip", Packages.valid()));
        for (int index : new int[] {3, 4}) {
            List<Packages.Entry> changed = new ArrayList<>(entries);
            byte[] data = entries.get(index).data().clone();
            data[10] ^= 0x01;
            changed.set(index, new Packages.Entry(entries.get(index).name(), data));
            Verdict verdict = Verifier.verify(Packages.write(dir, "c" + index + ".zip", Packages.zip(changed)),
                    Packages.KEY.getPublic());
            assertFalse(verdict.valid());
            assertTrue(checks(verdict).contains(Verdict.Check.SIGNATURE), verdict.failures().toString());
        }
    }

    @Test
    void aMissingFileFails() throws Exception {
        List<Packages.Entry> entries = new ArrayList<>(Packages.entries(Packages.write(dir, "p.zip",
                Packages.valid())));
        entries.remove(0);
        Verdict verdict = Verifier.verify(Packages.write(dir, "m.zip", Packages.zip(entries)),
                Packages.KEY.getPublic());
        assertFalse(verdict.valid());
        assertEquals(List.of(new Verdict.Failure(Verdict.Check.MISSING, "segments/00001-20261129T100000Z.mp4",
                "listed in the manifest but not in the package")), verdict.failures());
    }

    @Test
    void anUnlistedFileFails() throws Exception {
        List<Packages.Entry> entries = new ArrayList<>(Packages.entries(Packages.write(dir, "p.zip",
                Packages.valid())));
        entries.add(2, new Packages.Entry("segments/00004-20261129T101500Z.mp4", Packages.bytes(64, 9)));
        Verdict verdict = Verifier.verify(Packages.write(dir, "x.zip", Packages.zip(entries)),
                Packages.KEY.getPublic());
        assertFalse(verdict.valid());
        assertEquals(List.of(new Verdict.Failure(Verdict.Check.UNLISTED, "segments/00004-20261129T101500Z.mp4",
                "in the package but not listed in the manifest")), verdict.failures());
    }

    @Test
    void withoutManifestOrSignatureThereIsNoPackage() throws Exception {
        List<Packages.Entry> entries = Packages.entries(Packages.write(dir, "p.zip", Packages.valid()));
        Verdict noSignature = Verifier.verify(Packages.write(dir, "s.zip", Packages.zip(entries.subList(0, 4))),
                Packages.KEY.getPublic());
        assertEquals(Set.of(Verdict.Check.SIGNATURE), checks(noSignature));
        List<Packages.Entry> noManifest = new ArrayList<>(entries);
        noManifest.remove(3);
        assertEquals(Set.of(Verdict.Check.MANIFEST), checks(Verifier.verify(Packages.write(dir, "n.zip",
                Packages.zip(noManifest)), Packages.KEY.getPublic())));
    }

    @Test
    void anotherKeyFails() throws Exception {
        Path zip = Packages.write(dir, "p.zip", Packages.valid());
        Verdict verdict = Verifier.verify(zip, EvidenceKeys.generate().getPublic());
        assertFalse(verdict.valid());
        assertEquals(Set.of(Verdict.Check.SIGNATURE, Verdict.Check.KEY), checks(verdict));
    }

    @Test
    void aZipOfAnotherWriterIsNotAPackage() throws Exception {
        List<Packages.Entry> entries = Packages.entries(Packages.write(dir, "p.zip", Packages.valid()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Packages.Entry e : entries) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.name()));
                new ByteArrayInputStream(e.data()).transferTo(zip);
                zip.closeEntry();
            }
        }
        Verdict verdict = Verifier.verify(Packages.write(dir, "o.zip", bytes.toByteArray()),
                Packages.KEY.getPublic());
        assertEquals(Set.of(Verdict.Check.STRUCTURE), checks(verdict));
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Verifier.verify(dir.resolve("absent.zip"), Packages.KEY.getPublic()));
    }
}
