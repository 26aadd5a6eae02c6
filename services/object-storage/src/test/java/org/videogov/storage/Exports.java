package org.videogov.storage;

import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.videogov.evidence.EvidenceKeys;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ExportItem;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.PackageChunk;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/** Helpers of the evidence tests: stored segments, an ExportPackage request, the streamed package. */
final class Exports {

    static final String CAMERA = "37020200001320000001";
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private Exports() {
    }

    record Stored(String key, byte[] data) {
    }

    /** What the stream brought: the chunks' bytes, the chunks, and the failure that ended it, if any. */
    record Received(byte[] bytes, List<PackageChunk> chunks, StatusRuntimeException failure) {
        PackageChunk last() {
            return chunks.get(chunks.size() - 1);
        }
    }

    static Stored store(int size, long seed) {
        byte[] data = Uploads.bytes(size, seed);
        String key = Uploads.freshKey();
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), TestTokens.SHINAN, key, data).then().statusCode(201);
        return new Stored(key, data);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static ExportPackageRequest.Builder request(List<Stored> segments) {
        var request = ExportPackageRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(TestTokens.SHINAN))
                .setCameraGbId(CAMERA).setFrom(ts(T0)).setTo(ts(T0.plusSeconds(3600)))
                .setExportedBy("f3c1 (Shinan Operator)").setPurpose("collision at Xianggang Road / Yan'erdao Road")
                .setCaseNumber("QD-2026-0042");
        for (int i = 0; i < segments.size(); i++) {
            Instant start = T0.plusSeconds(300L * i);
            request.addItems(ExportItem.newBuilder().setKey(segments.get(i).key()).setSize(segments.get(i).data().length)
                    .setSha256(Uploads.sha256(segments.get(i).data())).setCameraGbId(CAMERA).setSource("CONTINUOUS")
                    .setStart(ts(start)).setEnd(ts(start.plusSeconds(300))));
        }
        return request;
    }

    /** Calls ExportPackage and reads the whole stream (a failure ends it, kept in the answer). */
    static Received export(ObjectStorageGrpc.ObjectStorageBlockingStub stub, ExportPackageRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<PackageChunk> chunks = new ArrayList<>();
        try {
            Iterator<PackageChunk> stream = stub.exportPackage(request);
            while (stream.hasNext()) {
                PackageChunk chunk = stream.next();
                chunks.add(chunk);
                chunk.getData().writeTo(bytes);
            }
            return new Received(bytes.toByteArray(), chunks, null);
        } catch (StatusRuntimeException e) {
            return new Received(bytes.toByteArray(), chunks, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The platform's public evidence key, as the service publishes it. */
    static java.security.PublicKey publicKey() throws EvidenceKeys.BadKey {
        String pem = RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).when()
                .get("/api/v1/evidence/public-key").then().statusCode(200).extract().path("publicKey");
        return EvidenceKeys.readPublic(pem);
    }
}
