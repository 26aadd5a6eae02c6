package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.stored;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.HoldObjectRequest;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.ReleaseObjectRequest;
import org.videogov.recording.repository.PurgeRepository.DayPurge;
import org.videogov.recording.service.PurgeService;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * The purge (Article 5): an expired day with nothing held is dropped as a whole partition after its objects are
 * deleted from the real object-storage; a day with a held or still-retained segment, or one whose object
 * object-storage refuses to delete (held there), is purged row by row and keeps exactly those, objects
 * included; today and yesterday are never purged. Each test uses a day of its own from 2019 on (expired long
 * ago under a 30-day retention). PurgeCrashTest kills a purge midway.
 */
@QuarkusTest
class PurgeTest {

    private static final String SHINAN = TestTokens.SHINAN;
    /** A district whose policy keeps recordings a hundred years (set here), so its 2019 segments are retained. */
    private static final String JIMO = "370215";

    @Inject
    PurgeService purge;

    private static OffsetDateTime freshDay(int slot) {
        return OffsetDateTime.of(2019, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusDays(slot * 100L + ThreadLocalRandom.current().nextInt(100));
    }

    private static boolean partitionExists(LocalDate day) {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_class where relname = 'segment_"
                + day.toString().replace("-", "") + "'") == 1;
    }

    private DayPurge purge(LocalDate day) {
        Optional<DayPurge> done = purge.purgeDay(day).await().atMost(Duration.ofSeconds(30));
        assertTrue(done.isPresent(), "no partition for " + day);
        return done.get();
    }

    @Test
    void anExpiredDayWithNothingHeldIsDroppedAsAWholePartitionArticle5() {
        OffsetDateTime day = freshDay(0);
        String a = camera(SHINAN);
        String b = camera(SHINAN);
        List<Evidence.Stored> objects = Evidence.record(a, day.plusHours(1), 3, 100);
        objects.addAll(Evidence.record(b, day.plusHours(2), 2, 100));
        DayPurge done = purge(day.toLocalDate());
        assertEquals("DROP", done.mode());
        assertEquals(5, done.purged());
        assertEquals(0, done.kept());
        assertEquals(5, done.objectsDeleted());
        assertTrue(!partitionExists(day.toLocalDate()), "the partition is still there");
        assertEquals(0, stored(a) + stored(b));
        assertEquals(0, objects.stream().filter(Evidence::exists).count(), "objects of purged segments remain");
        assertEquals(0, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from purge_claim where day = '"
                + day.toLocalDate() + "'"));
        assertEquals(Optional.empty(), purge.purgeDay(day.toLocalDate()).await().atMost(Duration.ofSeconds(30)),
                "a second run found something to purge");
        // A late segment of that day gets its partition again.
        Evidence.record(TestTokens.SHINAN_ADMIN, null, a, day.plusHours(5), 1, 100);
        assertEquals(1, stored(a));
    }

    @Test
    void aHeldSegmentSurvivesThePurgeWhichThenGoesRowByRowArticle5() {
        OffsetDateTime day = freshDay(1);
        String a = camera(SHINAN);
        String b = camera(SHINAN);
        List<Evidence.Stored> objects = Evidence.record(a, day.plusHours(1), 3, 100);
        Evidence.record(TestTokens.SHINAN_ADMIN, null, b, day.plusHours(1), 2, 100);
        String hold = given().auth().oauth2(LegalHoldTest.PLACER).contentType(ContentType.JSON).body(Map.of(
                        "cameraGbId", a, "from", day.plusHours(1).plusMinutes(5).toString(),
                        "to", day.plusHours(1).plusMinutes(10).toString(), "reason", "Inquiry", "caseNumber", "QD-P1"))
                .when().post("/api/v1/holds").then().statusCode(201).extract().path("id");
        DayPurge done = purge(day.toLocalDate());
        assertEquals("ROWS", done.mode());
        assertEquals(4, done.purged());
        assertEquals(1, done.kept());
        assertTrue(partitionExists(day.toLocalDate()));
        assertEquals(1, stored(a), "the held segment was purged");
        assertEquals(0, stored(b));
        assertTrue(Evidence.exists(objects.get(1)), "the held segment's object was deleted");
        assertFalse(Evidence.exists(objects.get(0)) || Evidence.exists(objects.get(2)), "an unheld object remains");
        // Released by a different person, the hold no longer keeps it: the next run drops the day.
        LegalHoldTest.release(LegalHoldTest.OTHER_ADMIN, hold).then().statusCode(200);
        assertEquals("DROP", purge(day.toLocalDate()).mode());
        assertEquals(0, stored(a));
    }

    @Test
    void anObjectObjectStorageRefusesToDeleteKeepsItsSegmentArticle5() throws Exception {
        OffsetDateTime day = freshDay(3);
        String a = camera(SHINAN);
        List<Evidence.Stored> objects = Evidence.record(a, day.plusHours(1), 2, 100);
        String key = (String) objects.get(0).segment().get("objectKey");
        URL storage = new URL("http://127.0.0.1:" + ConfigProvider.getConfig().getValue(
                "quarkus.grpc.clients.object-storage.port", String.class));
        try (GrpcTestChannel channel = GrpcTestChannel.to(storage)) {
            var stub = GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(channel.channel()),
                    TestCaller.SERVICE_RECORDING_METADATA.token());
            // object-storage records a hold of its own (as recording-metadata's holds place): DeleteObject refuses.
            stub.holdObject(HoldObjectRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(SHINAN))
                    .setKey(key).setCaseNumber("QD-P-OBJ").build());
            DayPurge done = purge(day.toLocalDate());
            assertEquals("ROWS", done.mode());
            assertEquals(1, done.objectsKept());
            assertEquals(1, stored(a), "the segment whose object is held was purged");
            assertTrue(Evidence.exists(objects.get(0)));
            assertFalse(Evidence.exists(objects.get(1)));
            stub.releaseObject(ReleaseObjectRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(SHINAN))
                    .setKey(key).setCaseNumber("QD-P-OBJ").build());
        }
        // Released, the next run purges it.
        assertEquals("DROP", purge(day.toLocalDate()).mode());
        assertEquals(0, stored(a));
        assertFalse(Evidence.exists(objects.get(0)));
    }

    @Test
    void segmentsStillWithinTheirRetentionAreKept() {
        given().auth().oauth2(TestTokens.CITY_ADMIN).contentType(ContentType.JSON).body(Map.of("days", 36500)).when()
                .put("/api/v1/retention-policies/{d}", JIMO).then().statusCode(200);
        OffsetDateTime day = freshDay(2);
        String kept = camera(JIMO);
        String expired = camera(SHINAN);
        Evidence.record(TestTokens.CITY_ADMIN, JIMO, kept, day.plusHours(1), 2, 100);
        Evidence.record(TestTokens.SHINAN_ADMIN, null, expired, day.plusHours(1), 2, 100);
        DayPurge done = purge(day.toLocalDate());
        assertEquals("ROWS", done.mode());
        assertEquals(2, stored(kept));
        assertEquals(0, stored(expired));
        // A day with nothing expired is left untouched (its rows are not even read: the BRIN index says so).
        OffsetDateTime retainedDay = day.minusYears(1);
        String alone = camera(JIMO);
        Evidence.record(TestTokens.CITY_ADMIN, JIMO, alone, retainedDay.plusHours(1), 2, 100);
        assertEquals("NONE", purge(retainedDay.toLocalDate()).mode());
        assertEquals(2, stored(alone));
    }

    @Test
    void yesterdayAndTodayAreNeverPurged() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThrows(RuntimeException.class, () -> purge.purgeDay(today).await().atMost(Duration.ofSeconds(30)));
        assertThrows(RuntimeException.class, () -> purge.purgeDay(today.minusDays(1)).await().atMost(Duration.ofSeconds(30)));
        assertTrue(partitionExists(today) && partitionExists(today.minusDays(1)));
        purge.purgeExpired().await().atMost(Duration.ofSeconds(60));
        assertTrue(partitionExists(today) && partitionExists(today.minusDays(1)));
    }
}
