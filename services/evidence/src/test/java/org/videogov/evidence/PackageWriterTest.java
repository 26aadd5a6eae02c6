package org.videogov.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Writing a package: a segment whose bytes are not the recorded ones stops it before anything is
 * signed; the manifest's bytes are the same every time and read back as written; the platform's key
 * is read from the PEM openssl writes and its public key derived from it.
 */
class PackageWriterTest {

    /** Made with {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout}. */
    static final String OPENSSL_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEINBGFQH++zazCoHh9ObmktpNZdOpJvpMPeEX7Yt3oKz5
            -----END PRIVATE KEY-----
            """;
    static final String OPENSSL_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAVnChpJjWDJG2ICX7sMiY0lNS07//Dj7MTOCVqE0SFj8=
            -----END PUBLIC KEY-----
            """;

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(PackageWriter.sha256Of(data));
    }

    @Test
    void aSegmentThatIsNotTheRecordedOneStopsThePackage() throws Exception {
        byte[] data = Packages.bytes(1000, 1);
        for (long declared : new long[] {999, 1001}) {
            PackageWriter writer = new PackageWriter(new ByteArrayOutputStream());
            var mismatch = assertThrows(PackageWriter.Mismatch.class, () -> writer.addSegment(
                    new ByteArrayInputStream(data), "k.mp4", "37020200001320000001", "CONTINUOUS", Packages.T0,
                    Packages.T0.plusSeconds(60), declared, hex(data)));
            assertEquals("k.mp4", mismatch.objectKey());
        }
        byte[] other = data.clone();
        other[999] ^= 1;
        PackageWriter writer = new PackageWriter(new ByteArrayOutputStream());
        var mismatch = assertThrows(PackageWriter.Mismatch.class, () -> writer.addSegment(
                new ByteArrayInputStream(other), "k.mp4", "37020200001320000001", "CONTINUOUS", Packages.T0,
                Packages.T0.plusSeconds(60), 1000, hex(data)));
        assertTrue(mismatch.getMessage().contains("is corrupted: its bytes hash to " + hex(other)),
                mismatch.getMessage());
    }

    @Test
    void theManifestIsWrittenTheSameWayEveryTimeAndReadsBack() throws Exception {
        byte[] first = Packages.valid();
        byte[] second = Packages.valid();
        // Ed25519 signatures are deterministic (RFC 8032): the same inputs give the same package.
        assertArrayEquals(first, second);
        var path = Packages.write(java.nio.file.Files.createTempDirectory("evidence"), "p.zip", first);
        byte[] manifestBytes = Packages.entries(path).get(3).data();
        Manifest manifest = Manifest.parse(manifestBytes);
        assertArrayEquals(manifestBytes, manifest.toBytes());
        assertEquals("a1b2 (Shinan Operator)", manifest.exportedBy());
        assertEquals(Packages.T0.plusSeconds(900), manifest.to());
        assertEquals(3, manifest.files().size());
    }

    @Test
    void controlCharactersAreEscapedAndReadBack() throws Exception {
        String tricky = "line\nbreak \"quoted\" \\ tab\t bell\u0007 青岛";
        assertEquals("\"line\\nbreak \\\"quoted\\\" \\\\ tab\\t bell\\u0007 青岛\"", Json.quote(tricky));
        assertEquals(tricky, Json.read(Json.quote(tricky)));
        assertThrows(Json.MalformedJson.class, () -> Json.read("{\"a\": 1, \"a\": 2}"));
        assertThrows(Json.MalformedJson.class, () -> Json.read("{\"a\": 1} x"));
    }

    @Test
    void theKeyIsReadFromOpensslsPemAndItsPublicKeyDerived() throws Exception {
        PrivateKey key = EvidenceKeys.readPrivate(OPENSSL_PRIVATE);
        PublicKey expected = EvidenceKeys.readPublic(OPENSSL_PUBLIC);
        assertArrayEquals(expected.getEncoded(), EvidenceKeys.publicOf(key).getEncoded());
        assertEquals(EvidenceKeys.keyId(expected), EvidenceKeys.keyId(EvidenceKeys.publicOf(key)));
        var generated = EvidenceKeys.generate();
        assertArrayEquals(generated.getPublic().getEncoded(),
                EvidenceKeys.publicOf(EvidenceKeys.readPrivate(EvidenceKeys.pem(generated.getPrivate()))).getEncoded());
        // The form infra/local/secrets.sh keeps in an environment variable: the PEM's lines joined with spaces.
        assertArrayEquals(key.getEncoded(), EvidenceKeys.readPrivate(OPENSSL_PRIVATE.strip().replace('\n', ' '))
                .getEncoded());
        assertThrows(EvidenceKeys.BadKey.class, () -> EvidenceKeys.readPrivate(OPENSSL_PUBLIC));
        assertThrows(EvidenceKeys.BadKey.class, () -> EvidenceKeys.readPublic("-----BEGIN PUBLIC KEY-----\nAAAA\n"
                + "-----END PUBLIC KEY-----\n"));
    }
}
