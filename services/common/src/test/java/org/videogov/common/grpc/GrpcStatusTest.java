package org.videogov.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

class GrpcStatusTest {

    @Test
    void aProblemBecomesItsTypesStatusWithTheDetailAndArticle() {
        StatusRuntimeException notFound = (StatusRuntimeException) GrpcStatus.of(
                ProblemException.notFound("Site", "s1"));
        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
        assertEquals("Site s1 does not exist or is not visible to you", notFound.getStatus().getDescription());
        StatusRuntimeException refused = (StatusRuntimeException) GrpcStatus.of(
                ProblemException.regulation("9(5)", "prohibited here"));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("prohibited here (Article 9(5))", refused.getStatus().getDescription());
        StatusRuntimeException already = Status.ABORTED.asRuntimeException();
        assertSame(already, GrpcStatus.of(already));
    }

    @Test
    void everyProblemTypeHasAStatus() {
        for (ProblemType type : ProblemType.values()) {
            assertFalse(GrpcStatus.of(type).isOk(), type.name());
        }
    }

    @Test
    void refusalsAreTheStatusesOfClientCausedProblemsThatNoRetryChanges() {
        for (ProblemType type : ProblemType.values()) {
            Status.Code code = GrpcStatus.of(type).getCode();
            boolean clientCaused = type.status() < 500 && type != ProblemType.CONFLICT
                    && type != ProblemType.PAYLOAD_TOO_LARGE;
            assertEquals(clientCaused, GrpcStatus.REFUSALS.contains(code), type.name());
        }
        assertTrue(GrpcStatus.isRefusal(Status.PERMISSION_DENIED.asRuntimeException()));
        assertFalse(GrpcStatus.isRefusal(Status.UNAVAILABLE.asRuntimeException()));
        assertFalse(GrpcStatus.isRefusal(Status.DEADLINE_EXCEEDED.asRuntimeException()));
        assertFalse(GrpcStatus.isRefusal(new IllegalStateException("no status")));
    }
}
