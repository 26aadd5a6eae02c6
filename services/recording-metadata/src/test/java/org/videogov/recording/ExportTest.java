package org.videogov.recording;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.evidence.Verdict;
import org.videogov.evidence.Verifier;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * Evidence export end to end (Article 5 of the measures: recordings are kept and protected, and what
 * leaves the platform shows it is what was kept): recording-metadata asks sharing-authz
 * {@code recording.export}, chooses the camera's segments in the window and has the real object-storage
 * process (real S3 server, real gRPC with recording-metadata's own service-account token) stream the
 * signed package; the package verifies with the platform's public key and fails after a one-byte change.
 */
@QuarkusTest
class ExportTest {

    private static final String SHINAN = TestTokens.SHINAN;

    @Test
    void anExportedPackageVerifiesAndFailsAfterAOneByteChange() throws Exception {
        String cam = camera(SHINAN);
        List<Evidence.Stored> stored = Evidence.record(cam, BASE, 3, 50_000);
        Evidence.record(cam, BASE.plusHours(2), 1, 1000);

        Response response = Evidence.export(TestCaller.SHINAN_ADMIN, cam, Evidence.body(BASE.plusMinutes(2),
                BASE.plusMinutes(15), "collision at Xianggang Road, for the traffic police", "QD/2026/0042"));
        response.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"evidence-QD_2026_0042-" + cam + ".zip\"");
        Path zip = Files.createTempDirectory("export").resolve("package.zip");
        Files.write(zip, response.asByteArray());

        Verdict verdict = Verifier.verify(zip, Evidence.publicKey());
        assertTrue(verdict.valid(), verdict.failures().toString());
        assertEquals(3, verdict.files(), "the three segments overlapping the window, not the later one");
        assertEquals(cam, verdict.manifest().cameraGbId());
        assertEquals(SHINAN, verdict.manifest().district());
        assertEquals("QD/2026/0042", verdict.manifest().caseNumber());
        assertEquals("collision at Xianggang Road, for the traffic police", verdict.manifest().purpose());
        assertEquals(BASE.plusMinutes(2).toInstant(), verdict.manifest().from());
        assertTrue(verdict.manifest().exportedBy().startsWith("admin-" + SHINAN), verdict.manifest().exportedBy());
        for (int i = 0; i < 3; i++) {
            assertEquals(Evidence.sha256(stored.get(i).data()), verdict.manifest().files().get(i).sha256());
            assertEquals(stored.get(i).segment().get("objectKey"), verdict.manifest().files().get(i).objectKey());
        }

        byte[] changed = Files.readAllBytes(zip);
        changed[changed.length / 3] ^= 0x01;
        Files.write(zip, changed);
        Verdict bad = Verifier.verify(zip, Evidence.publicKey());
        assertFalse(bad.valid());
        assertFalse(bad.failures().isEmpty());
    }

    @Test
    void aWindowWithoutSegmentsIs404AndBadInputIs400() {
        String cam = camera(SHINAN);
        Evidence.record(cam, BASE, 1, 100);
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Evidence.body(BASE.plusHours(1), BASE.plusHours(2), "p", "C-1"))
                .then().statusCode(404).contentType(TestProblems.PROBLEM)
                .body("detail", containsString("no recorded segment"));
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Map.of("from", BASE.toString(), "to", BASE.plusHours(1)
                .toString(), "caseNumber", "C-1")).then().statusCode(400).contentType(TestProblems.PROBLEM);
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Evidence.body(BASE, BASE.plusDays(400), "p", "C-1"))
                .then().statusCode(400).contentType(TestProblems.PROBLEM).body("detail", containsString("to"));
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Evidence.body(BASE, BASE.plusHours(1), "p", "x".repeat(101)))
                .then().statusCode(400).contentType(TestProblems.PROBLEM);
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Map.of("from", BASE.toString(), "to", BASE.plusHours(1)
                .toString(), "purpose", "p", "caseNumber", "C-1", "extra", 1)).then().statusCode(400);
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Evidence.body(BASE, BASE.plusHours(1), "bell\u0007", "C-1"))
                .then().statusCode(400);
    }

    @Test
    void aCorruptedObjectIsReportedAndNoPackageIsServed() throws Exception {
        String cam = camera(SHINAN);
        List<Evidence.Stored> stored = Evidence.record(cam, BASE, 1, 20_000);
        Evidence.damage(stored.get(0));
        Evidence.export(TestCaller.SHINAN_ADMIN, cam, Evidence.body(BASE, BASE.plusHours(1), "p", "C-2"))
                .then().statusCode(500).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.OBJECT_CORRUPTED))
                .body("detail", containsString("is corrupted"));
    }
}
