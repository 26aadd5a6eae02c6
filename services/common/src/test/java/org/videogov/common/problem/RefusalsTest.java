package org.videogov.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.common.identity.Caller;

/** The refusal line: once where a problem becomes a gRPC status, and only for a cited article. */
class RefusalsTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final StreamHandler capture = new StreamHandler(written, new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getLevel() + " " + record.getMessage() + "\n";
        }
    });

    @BeforeEach
    void listen() {
        Logger.getLogger(Refusals.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(Refusals.CATEGORY).removeHandler(capture);
    }

    /** The lines written so far: level and message. */
    private List<String> lines() {
        capture.flush();
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void article10_aRefusalBecomingAGrpcStatusIsLoggedOnceAtInfo() {
        RuntimeException status = GrpcStatus.of(ProblemException.regulation("10", "A project needs a builder"));
        assertEquals(Status.Code.FAILED_PRECONDITION, ((StatusRuntimeException) status).getStatus().getCode());
        // Outside a running service there is no verified caller: the line says so.
        assertEquals(List.of("INFO refused article=10 type=regulation status=422 subject=unknown district=unknown via=gRPC"),
                lines());
        // The status passing through another handler's mapping is not logged again.
        assertSame(status, GrpcStatus.of(status));
        assertEquals(1, lines().size());
    }

    @Test
    void aProblemWithoutAnArticleIsNoRefusalLine() {
        GrpcStatus.of(ProblemException.forbidden("Your roles do not allow changing cameras"));
        GrpcStatus.of(ProblemException.notFound("Camera", "37020200001320000001"));
        assertEquals(List.of(), lines());
    }

    @Test
    void theCallersClaimsAreOneTokenEach() {
        Caller caller = new Caller("sub with\nbreak", "Zhang San", Set.of("district-admin"), Optional.of("370202"),
                Optional.empty());
        assertEquals("refused article=9(5) type=regulation status=422 subject=sub_with_break district=370202 via=REST",
                Refusals.line("9(5)", ProblemType.REGULATION, Optional.of(caller), "REST"));
        Caller city = new Caller("city-it", "city-it", Set.of("city-admin"), Optional.empty(), Optional.empty());
        assertEquals("refused article=13 type=validation status=400 subject=city-it district=none via=REST",
                Refusals.line("13", ProblemType.VALIDATION, Optional.of(city), "REST"));
    }
}
