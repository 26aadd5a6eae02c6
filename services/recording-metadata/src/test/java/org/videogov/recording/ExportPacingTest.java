package org.videogov.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ExportItem;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.PackageChunk;
import org.videogov.recording.client.ObjectStorageExports;
import org.videogov.testing.CameraInventoryProcess;
import org.videogov.testing.TestTokens;

/**
 * An evidence package (Article 5) is asked of object-storage only as fast as its reader takes it: a reader who
 * took one chunk and waits has one chunk, and the call to object-storage waits with it. Before, the gRPC client
 * took every chunk as fast as object-storage wrote it, and a package read slowly ran this service out of heap.
 */
@QuarkusTest
class ExportPacingTest {

    private static final String SHINAN = TestTokens.SHINAN;
    private static final int SEGMENTS = 8;
    private static final int SIZE = 1024 * 1024;

    @Inject
    ObjectStorageExports exports;

    @Inject
    MeterRegistry registry;

    /** ExportPackage chunks the gRPC client has taken from the connection so far (Micrometer's gRPC client binder). */
    private double received() {
        Counter counter = registry.find("grpc.client.responses.received").tag("method", "ExportPackage").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Timestamp timestamp(OffsetDateTime t) {
        return Timestamp.newBuilder().setSeconds(t.toEpochSecond()).setNanos(t.getNano()).build();
    }

    /** Eight stored objects of 1 MiB of one (unregistered) camera, as an ExportPackage request. */
    private static ExportPackageRequest packageOfEightMiB() {
        String camera = CameraInventoryProcess.unknownCamera(SHINAN);
        OffsetDateTime start = Recordings.BASE;
        ExportPackageRequest.Builder request = ExportPackageRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(SHINAN)).setCameraGbId(camera)
                .setFrom(timestamp(start)).setTo(timestamp(start.plusMinutes(5L * SEGMENTS)))
                .setExportedBy("export-pacing-test").setPurpose("pacing").setCaseNumber("PACE-1");
        for (int i = 0; i < SEGMENTS; i++) {
            byte[] data = new byte[SIZE];
            new Random(camera.hashCode() + i).nextBytes(data);
            String key = "pacing/" + camera + "/" + i + ".mp4";
            Evidence.upload(SHINAN, key, data);
            request.addItems(ExportItem.newBuilder().setKey(key).setSize(SIZE).setSha256(Evidence.sha256(data))
                    .setCameraGbId(camera).setSource("CONTINUOUS").setStart(timestamp(start.plusMinutes(5L * i)))
                    .setEnd(timestamp(start.plusMinutes(5L * i + 5))));
        }
        return request.build();
    }

    @Test
    void aPackageIsAskedOfObjectStorageOnlyAsFastAsItsReaderTakesIt() throws Exception {
        ExportPackageRequest request = packageOfEightMiB();
        double before = received();
        AssertSubscriber<PackageChunk> reader = exports.exportPackage(request).subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        reader.awaitItems(1, Duration.ofSeconds(30));
        // Eight MiB of package in chunks of up to 1 MiB: a call that did not wait for its reader would by now have
        // taken the rest from object-storage and hold it here (what ran the service out of heap).
        LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
        reader.assertNotTerminated();
        assertEquals(1, reader.getItems().size(), "chunks delivered beyond what the reader asked");
        assertEquals(1, received() - before, 0.0, "chunks taken from object-storage beyond what the reader asked");

        reader.request(3);
        reader.awaitItems(4, Duration.ofSeconds(30));
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        assertEquals(4, reader.getItems().size(), "chunks delivered beyond what the reader asked");
        assertEquals(4, received() - before, 0.0, "chunks taken from object-storage beyond what the reader asked");

        reader.request(Long.MAX_VALUE);
        reader.awaitCompletion(Duration.ofSeconds(60));
        List<PackageChunk> chunks = reader.getItems();
        assertTrue(chunks.size() > SEGMENTS, "a package of " + SEGMENTS * SIZE + " bytes in " + chunks.size() + " chunks");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size = 0;
        for (PackageChunk chunk : chunks) {
            sha256.update(chunk.getData().asReadOnlyByteBuffer());
            size += chunk.getData().size();
        }
        PackageChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.getLast());
        assertEquals(last.getSize(), size, "the package arrived whole");
        assertEquals(last.getSha256(), HexFormat.of().formatHex(sha256.digest()), "the package arrived unchanged");
        assertTrue(size > (long) SEGMENTS * SIZE);
        assertEquals(chunks.size(), received() - before, 0.0);
    }

    @Test
    void aReaderAskingForTheNextChunkWhileTakingOneGetsExactlyWhatItAsked() {
        // As the REST layer does when a chunk's write completes at once: the next chunk is asked for from within
        // the hand-over of the previous one. Three times, then the reader waits.
        ExportPackageRequest request = packageOfEightMiB();
        double before = received();
        AtomicInteger got = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<Flow.Subscription> subscription =
                new AtomicReference<>();
        exports.exportPackage(request).subscribe().withSubscriber(new Flow.Subscriber<PackageChunk>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(1);
            }

            @Override
            public void onNext(PackageChunk chunk) {
                if (got.incrementAndGet() < 4) {
                    subscription.get().request(1);
                }
            }

            @Override
            public void onError(Throwable t) {
                failed.set(t);
            }

            @Override
            public void onComplete() {
            }
        });
        Instant deadline = Instant.now().plusSeconds(30);
        while (got.get() < 4 && failed.get() == null && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
        assertEquals(null, failed.get(), "the export failed: a chunk arrived that the reader had not asked for");
        assertEquals(4, got.get());
        assertEquals(4, received() - before, 0.0, "chunks taken from object-storage beyond what the reader asked");
        subscription.get().cancel();
    }
}
