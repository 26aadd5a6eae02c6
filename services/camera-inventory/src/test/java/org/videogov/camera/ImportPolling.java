package org.videogov.camera;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** Polls an import job until it finishes, with a deadline. */
final class ImportPolling {

    private static final Set<String> DONE = Set.of("SUCCEEDED", "REJECTED", "FAILED");

    private ImportPolling() {
    }

    static JsonPath awaitFinished(String token, String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath job;
        do {
            job = given().auth().oauth2(token).when().get("/api/v1/camera-imports/{id}", jobId)
                    .then().statusCode(200).extract().jsonPath();
            if (DONE.contains(job.getString("state"))) {
                return job;
            }
            // Polling pause between status reads (not a timing assumption: the deadline bounds the wait).
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + jobId + " did not finish within " + timeout + ": " + job.prettify());
    }
}
