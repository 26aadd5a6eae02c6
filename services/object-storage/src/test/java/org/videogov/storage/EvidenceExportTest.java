package org.videogov.storage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.evidence.EvidenceKeys;
import org.videogov.evidence.Verdict;
import org.videogov.evidence.Verifier;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.PackageChunk;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * ExportPackage against the real S3 server (Article 5 of the measures: recordings are kept and
 * protected; an exported copy shows it is what was kept): the streamed package verifies with the
 * public key the service publishes, its files are the stored bytes, and one changed byte fails it,
 * through the library and through {@code POST /api/v1/evidence/verify}. A stored object damaged behind
 * the service's back ends the stream with DATA_LOSS and no manifest or signature; an object that does
 * not exist is NOT_FOUND before any byte.
 */
@QuarkusTest
class EvidenceExportTest {

    @TestHTTPResource("/")
    URL url;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    private ObjectStorageGrpc.ObjectStorageBlockingStub stub() {
        return GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(grpc.channel()),
                TestCaller.SERVICE_RECORDING_METADATA.token());
    }

    private static String sha256(byte[] data) {
        return Uploads.sha256(data);
    }

    @Test
    void aPackageOfStoredSegmentsVerifiesAndFailsAfterAOneByteChange() throws Exception {
        // 2.5 MiB in all: the package comes in several chunks of at most 1 MiB.
        List<Exports.Stored> segments = List.of(Exports.store(1_500_000, 21), Exports.store(1_000_000, 22),
                Exports.store(4096, 23));
        Exports.Received received = Exports.export(stub(), Exports.request(segments).build());
        assertNull(received.failure(), () -> "export failed: " + received.failure());
        assertTrue(received.chunks().size() >= 3, "chunks: " + received.chunks().size());
        for (PackageChunk chunk : received.chunks()) {
            assertTrue(chunk.getData().size() <= 1024 * 1024, "a chunk of " + chunk.getData().size() + " bytes");
            assertEquals(chunk == received.last(), chunk.getLast());
        }
        PublicKey key = Exports.publicKey();
        assertEquals(received.bytes().length, received.last().getSize());
        assertEquals(sha256(received.bytes()), received.last().getSha256());
        assertEquals(EvidenceKeys.keyId(key), received.last().getKeyId());

        Path dir = Files.createTempDirectory("evidence");
        Path zip = dir.resolve("package.zip");
        Files.write(zip, received.bytes());
        Verdict verdict = Verifier.verify(zip, key);
        assertTrue(verdict.valid(), verdict.failures().toString());
        assertEquals(3, verdict.files());
        assertEquals("QD-2026-0042", verdict.manifest().caseNumber());
        assertEquals("f3c1 (Shinan Operator)", verdict.manifest().exportedBy());
        assertEquals(TestTokens.SHINAN, verdict.manifest().district());
        assertEquals(Exports.CAMERA, verdict.manifest().cameraGbId());
        for (int i = 0; i < segments.size(); i++) {
            var file = verdict.manifest().files().get(i);
            assertEquals(segments.get(i).key(), file.objectKey());
            assertEquals(sha256(segments.get(i).data()), file.sha256());
            assertEquals(Exports.T0.plusSeconds(300L * i), file.start());
        }
        try (var zipFile = new java.util.zip.ZipFile(zip.toFile())) {
            var entry = zipFile.getEntry(verdict.manifest().files().get(1).path());
            assertArrayEquals(segments.get(1).data(), zipFile.getInputStream(entry).readAllBytes());
            byte[] manifest = zipFile.getInputStream(zipFile.getEntry("manifest.json")).readAllBytes();
            assertEquals(sha256(manifest), received.last().getManifestSha256());
        }

        RestAssured.given().auth().oauth2(TestCaller.HUANGDAO_OPERATOR.token()).contentType("application/zip")
                .body(received.bytes()).when().post("/api/v1/evidence/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("files", equalTo(3)).body("caseNumber", equalTo("QD-2026-0042"))
                .body("keyId", equalTo(EvidenceKeys.keyId(key)));

        // One byte of the second segment changed: the library and the endpoint both name it.
        byte[] changed = received.bytes().clone();
        int inSecond = indexOf(changed, segments.get(1).data()) + 1234;
        changed[inSecond] ^= 0x01;
        Files.write(zip, changed);
        Verdict bad = Verifier.verify(zip, key);
        assertFalse(bad.valid());
        String second = verdict.manifest().files().get(1).path();
        assertTrue(bad.failures().contains(new Verdict.Failure(Verdict.Check.HASH, second, "its bytes hash to "
                + sha256(changedData(segments.get(1).data(), 1234)) + ", the manifest lists "
                + sha256(segments.get(1).data()))), bad.failures().toString());
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).contentType("application/zip").body(changed)
                .when().post("/api/v1/evidence/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("failures.check", hasItem("hash"))
                .body("failures.file", hasItem(second));

        // One byte of the manifest changed: the signature fails.
        byte[] manifestChanged = received.bytes().clone();
        manifestChanged[indexOf(manifestChanged, "\"caseNumber\"".getBytes(StandardCharsets.UTF_8)) + 16] ^= 0x01;
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).contentType("application/zip")
                .body(manifestChanged).when().post("/api/v1/evidence/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("failures.check", hasItem("signature"));
    }

    private static byte[] changedData(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int probe = Math.min(needle.length, 64);
        outer:
        for (int i = 0; i + probe <= haystack.length; i++) {
            for (int j = 0; j < probe; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aCorruptedObjectEndsTheStreamWithDataLossAndNoSignedPackage() throws Exception {
        Exports.Stored intact = Exports.store(200_000, 31);
        Exports.Stored damaged = Exports.store(300_000, 32);
        byte[] bytes = damaged.data().clone();
        bytes[150_000] ^= 0x01;
        TestBuckets.direct().putObject(PutObjectArgs.builder().bucket(TestBuckets.bucket(TestTokens.SHINAN))
                .object(damaged.key()).stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                .userMetadata(Map.of("sha256", sha256(damaged.data()))).build()).get();

        Exports.Received received = Exports.export(stub(), Exports.request(List.of(intact, damaged)).build());
        assertNotNull(received.failure(), "a package with a corrupted object was exported");
        assertEquals(Status.Code.DATA_LOSS, received.failure().getStatus().getCode());
        assertTrue(received.failure().getStatus().getDescription().contains("object " + damaged.key()
                + " is corrupted"), received.failure().getStatus().getDescription());
        assertTrue(received.chunks().stream().noneMatch(PackageChunk::getLast));
        String sent = new String(received.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(sent.contains("manifest.json") || sent.contains("manifest.sig"), "a manifest was sent");
    }

    @Test
    void aMissingObjectIsNotFoundBeforeAnyByte() {
        Exports.Stored stored = Exports.store(1000, 41);
        Exports.Stored absent = new Exports.Stored(Uploads.freshKey(), Uploads.bytes(10, 42));
        Exports.Received received = Exports.export(stub(), Exports.request(List.of(stored, absent)).build());
        assertNotNull(received.failure());
        assertEquals(Status.Code.NOT_FOUND, received.failure().getStatus().getCode());
        assertTrue(received.failure().getStatus().getDescription().contains(absent.key()));
        assertEquals(0, received.bytes().length);
    }

    @Test
    void badArgumentsAreInvalidArgumentNamingTheField() {
        Exports.Stored stored = Exports.store(100, 51);
        var base = Exports.request(List.of(stored));
        Map<String, org.videogov.proto.storage.v1.ExportPackageRequest> cases = Map.of(
                "district", base.clone().setDistrict(org.videogov.proto.common.v1.DistrictCode.newBuilder()
                        .setCode("3702")).build(),
                "camera_gb_id", base.clone().setCameraGbId("123").build(),
                "to must be after from", base.clone().setTo(base.getFrom()).build(),
                "purpose", base.clone().setPurpose("").build(),
                "exported_by", base.clone().setExportedBy("a\u0000b").build(),
                "case_number", base.clone().setCaseNumber("x".repeat(101)).build(),
                "items", base.clone().clearItems().build(),
                "items[0].sha256", base.clone().setItems(0, base.getItems(0).toBuilder().setSha256("abc")).build(),
                "items[0].key", base.clone().setItems(0, base.getItems(0).toBuilder().setKey("../etc")).build(),
                "items[0].end", base.clone().setItems(0, base.getItems(0).toBuilder()
                        .setEnd(base.getItems(0).getStart())).build());
        cases.forEach((field, request) -> {
            Exports.Received received = Exports.export(stub(), request);
            assertNotNull(received.failure(), field);
            assertEquals(Status.Code.INVALID_ARGUMENT, received.failure().getStatus().getCode(), field);
            assertTrue(received.failure().getStatus().getDescription().contains(field),
                    field + ": " + received.failure().getStatus().getDescription());
        });
    }

    @Test
    void theVerifyEndpointRefusesAnythingButAZipAndNamesABrokenOne() {
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).contentType("application/json").body("{}")
                .when().post("/api/v1/evidence/verify").then().statusCode(415).contentType(TestProblems.PROBLEM);
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).contentType("application/zip")
                .body("not a zip".getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/evidence/verify").then()
                .statusCode(200).body("valid", equalTo(false)).body("failures[0].check", equalTo("structure"));
        String keyId = RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).when()
                .get("/api/v1/evidence/public-key").then().statusCode(200).body("algorithm", equalTo("Ed25519"))
                .extract().path("keyId");
        assertEquals(64, HexFormat.of().parseHex(keyId).length * 2);
    }
}
