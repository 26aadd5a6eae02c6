package org.videogov.storage;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.DeleteObjectRequest;
import org.videogov.proto.storage.v1.HoldObjectRequest;
import org.videogov.proto.storage.v1.ListObjectsRequest;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.ReleaseObjectRequest;
import org.videogov.testing.GrpcTestChannel;

/** Requests of object-storage's gRPC API for the tests. */
final class ObjectGrpc {

    private ObjectGrpc() {
    }

    static ObjectStorageGrpc.ObjectStorageBlockingStub stub(GrpcTestChannel grpc, String token) {
        var stub = ObjectStorageGrpc.newBlockingStub(grpc.channel());
        return token == null ? stub : GrpcTestChannel.authorised(stub, token);
    }

    static DistrictCode district(String code) {
        return DistrictCode.newBuilder().setCode(code).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static DeleteObjectRequest delete(String district, String key) {
        return DeleteObjectRequest.newBuilder().setDistrict(district(district)).setKey(key).build();
    }

    static HoldObjectRequest hold(String district, String key, String caseNumber, Instant retainUntil) {
        HoldObjectRequest.Builder request = HoldObjectRequest.newBuilder().setDistrict(district(district)).setKey(key)
                .setCaseNumber(caseNumber);
        if (retainUntil != null) {
            request.setRetainUntil(timestamp(retainUntil));
        }
        return request.build();
    }

    static ReleaseObjectRequest release(String district, String key, String caseNumber) {
        return ReleaseObjectRequest.newBuilder().setDistrict(district(district)).setKey(key).setCaseNumber(caseNumber)
                .build();
    }

    static ListObjectsRequest list(String district, Instant before, int pageSize, String pageToken) {
        ListObjectsRequest.Builder request = ListObjectsRequest.newBuilder().setDistrict(district(district))
                .setPageSize(pageSize).setPageToken(pageToken);
        if (before != null) {
            request.setModifiedBefore(timestamp(before));
        }
        return request.build();
    }
}
