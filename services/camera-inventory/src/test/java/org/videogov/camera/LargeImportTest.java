package org.videogov.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.ImportFixtures.placements;
import static org.videogov.camera.ImportFixtures.run;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.camera.CameraCsvGenerator.Defect;

/**
 * A district's whole inventory at once: 10,000 rows with 300 bad ones of every kind. The report
 * must name exactly the bad rows, each with its field and article; apply with skipInvalid writes
 * exactly the good ones; importing the same file again changes nothing. (Correctness, not
 * timing: the figures are printed by {@code ImportBenchmark}.)
 */
@QuarkusTest
class LargeImportTest {

    @Test
    void tenThousandRowsWithThreeHundredBadOnesAreReportedExactly() {
        CameraCsvGenerator.Placements p = placements(SHINAN_ADMIN);
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "21", 10_000, 300, p, 42);
        assertEquals(300, g.bad().size());
        Map<Defect, Integer> kinds = new EnumMap<>(Defect.class);
        g.bad().values().forEach(d -> kinds.merge(d, 1, Integer::sum));
        assertEquals(Defect.values().length, kinds.size(), "every kind of defect is in the file: " + kinds);

        JsonPath dry = run(SHINAN_ADMIN, g.csv(), "?mode=dry-run");
        assertEquals("SUCCEEDED", dry.getString("state"));
        assertEquals(10_000, dry.getInt("totalRows"));
        assertEquals(10_000, dry.getInt("processed"));
        assertEquals(300, dry.getInt("invalid"));
        assertEquals(9_700, dry.getInt("valid"));
        assertEquals(9_700, dry.getInt("created"));
        CameraImportTest.assertReport(g, p, dry);
        // Three allowed zones, the privacy-risk zone and the toilet: five questions to site-registry, not 10,000.
        assertEquals(5, dry.getInt("placementChecks"));

        JsonPath apply = run(SHINAN_ADMIN, g.csv(), "?mode=apply&skipInvalid=true");
        assertEquals("SUCCEEDED", apply.getString("state"));
        assertEquals(9_700, apply.getInt("created"));
        assertEquals(300, apply.getInt("invalid"));
        CameraImportTest.assertReport(g, p, apply);

        JsonPath again = run(SHINAN_ADMIN, g.csv(), "?mode=apply&skipInvalid=true");
        assertEquals(9_700, again.getInt("unchanged"));
        assertEquals(0, again.getInt("created") + again.getInt("updated"));
        assertEquals(300, again.getInt("invalid"));
        // Unchanged rows need no placement check; only the still-invalid new rows are asked about.
        assertTrue(again.getInt("placementChecks") <= 5);
    }
}
