package org.videogov.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.recording.Recordings.segment;
import static org.videogov.testing.TestTokens.SHINAN;

import io.grpc.Status;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.DeleteObjectRequest;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.recording.service.ObjectHolds;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestCaller;

/**
 * Legal holds carried onto the video objects (Article 5): placing a hold holds every covered object in the
 * real object-storage for the hold's case (its record beside the object in the S3 bucket, and object-storage
 * then refuses to delete it), a segment registered into an active hold is held too, releasing the hold
 * releases its objects, and a hold whose objects were left pending is carried over by the reconciliation.
 */
@QuarkusTest
class ObjectHoldTest {

    private static final String CASE = "QD-2026-OBJ-7";
    private static final String OTHER_ADMIN = org.videogov.testing.TestTokens.token("object-hold-releaser", SHINAN,
            "district-admin");
    private static GrpcTestChannel storageChannel;

    @Inject
    ObjectHolds objectHolds;

    @AfterAll
    static void close() throws InterruptedException {
        if (storageChannel != null) {
            storageChannel.close();
        }
    }

    @Test
    void aHoldHoldsExactlyItsObjectsInObjectStorageAndTheReleaseReleasesThemArticle5() {
        String cam = camera(SHINAN);
        List<Map<String, Object>> three = consecutive(cam, BASE, 3, 5);
        register(LegalHoldTest.PLACER, batch(null, three)).then().statusCode(201);
        String key1 = (String) three.get(0).get("objectKey");
        String key2 = (String) three.get(1).get("objectKey");
        String key3 = (String) three.get(2).get("objectKey");

        String id = LegalHoldTest.placeFor(LegalHoldTest.PLACER, cam, CASE);
        assertEquals(Set.of(key2), heldKeys(cam), "only the covered segment's object is held");
        assertEquals(Status.Code.FAILED_PRECONDITION, delete(key2), "object-storage refuses to delete a held object");

        // A segment registered later into the hold's window (another source) is held as it is registered.
        Map<String, Object> event = segment(cam, "EVENT", BASE.plusMinutes(6), 2);
        register(LegalHoldTest.PLACER, batch(null, List.of(event))).then().statusCode(201);
        String eventKey = (String) event.get("objectKey");
        assertEquals(Set.of(key2, eventKey), heldKeys(cam));
        assertEquals(1, pending(id, "objects_applied_at is not null"), "the hold's objects are marked held");

        LegalHoldTest.release(OTHER_ADMIN, id).then().statusCode(200);
        assertEquals(Set.of(), heldKeys(cam), "the release released every object for the case");
        assertEquals(1, pending(id, "objects_released_at is not null"));
        assertEquals(Status.Code.OK, delete(key1), "an object no hold covers may be deleted by recording-metadata");
        assertEquals(Status.Code.OK, delete(key3));
    }

    @Test
    void aHoldWhoseObjectsArePendingIsCarriedOntoThemByTheReconciliation() {
        String cam = camera(SHINAN);
        List<Map<String, Object>> two = consecutive(cam, BASE, 2, 5);
        register(LegalHoldTest.PLACER, batch(null, two)).then().statusCode(201);
        String key2 = (String) two.get(1).get("objectKey");
        String id = LegalHoldTest.placeFor(LegalHoldTest.PLACER, cam, CASE);
        assertEquals(Set.of(key2), heldKeys(cam));

        // As if object-storage had not answered: its record of the hold is gone and the hold is pending.
        removeHoldRecords(cam);
        PostgresDatabase.update(TestDatabase.NAME, "update legal_hold set objects_applied_at = null where id = ?::uuid", id);
        assertEquals(Set.of(), heldKeys(cam));

        objectHolds.reconcile().await().indefinitely();
        assertEquals(Set.of(key2), heldKeys(cam), "the reconciliation held the pending hold's object again");
        assertEquals(1, pending(id, "objects_applied_at is not null"));
    }

    /** The keys of the camera's objects that object-storage records as held for {@link #CASE}. */
    private static Set<String> heldKeys(String cam) {
        Set<String> keys = new TreeSet<>();
        for (String record : holdRecords(cam)) {
            keys.add(record.substring(".holds/".length(), record.lastIndexOf('#')));
        }
        return keys;
    }

    private static List<String> holdRecords(String cam) {
        List<String> names = new ArrayList<>();
        try {
            for (Result<Item> item : s3().listObjects(ListObjectsArgs.builder().bucket(bucket()).prefix(".holds/" + cam + "/")
                    .recursive(true).build())) {
                names.add(item.get().objectName());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void removeHoldRecords(String cam) {
        try {
            for (String name : holdRecords(cam)) {
                s3().removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(name).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Status.Code delete(String key) {
        return GrpcTestChannel.statusOf(() -> GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(channel()
                        .channel()), TestCaller.SERVICE_RECORDING_METADATA.token())
                .deleteObject(DeleteObjectRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(SHINAN))
                        .setKey(key).build()));
    }

    private static long pending(String id, String condition) {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from legal_hold where id = '" + id + "' and "
                + condition);
    }

    private static synchronized GrpcTestChannel channel() {
        if (storageChannel == null) {
            try {
                storageChannel = GrpcTestChannel.to(new URL(ConfigProvider.getConfig().getValue(
                        ObjectStorageProcess.URL_PROPERTY, String.class)));
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return storageChannel;
    }

    private static String bucket() {
        return ConfigProvider.getConfig().getValue(ObjectStorageProcess.BUCKET_PREFIX_PROPERTY, String.class) + SHINAN;
    }

    private static MinioClient s3() {
        return MinioClient.builder().endpoint(System.getenv("VIDEOGOV_S3_ENDPOINT"))
                .credentials(System.getenv("VIDEOGOV_S3_ACCESS_KEY"), System.getenv("VIDEOGOV_S3_SECRET_KEY"))
                .region("us-east-1").build();
    }
}
