package org.videogov.recording;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.videogov.proto.storage.v1.MutinyObjectStorageGrpc;
import org.videogov.recording.client.ObjectRemoval;
import org.videogov.recording.repository.PurgeRepository;
import org.videogov.recording.service.PurgeRun;

/**
 * The purge of one day in a process of its own, for {@link PurgeCrashTest}, which kills it: the service's own
 * {@link PurgeRun} with a database pool and an object-storage stub built here instead of by Quarkus. One object
 * at a time; after the {@code pauseAfter}-th object deletion it prints {@value #PAUSED} and never goes on.
 *
 * <p>Arguments: pg-host pg-port database user password role grpc-host grpc-port token day pauseAfter.
 */
public final class PurgeProcess {

    static final String PAUSED = "PURGE-PAUSED";
    static final String DONE = "PURGE-DONE";

    private PurgeProcess() {
    }

    public static void main(String[] args) {
        io.vertx.mutiny.core.Vertx vertx = io.vertx.mutiny.core.Vertx.vertx();
        PgConnectOptions connect = new PgConnectOptions().setHost(args[0]).setPort(Integer.parseInt(args[1]))
                .setDatabase(args[2]).setUser(args[3]).setPassword(args[4])
                .addProperty("role", args[5]);
        io.vertx.mutiny.sqlclient.Pool pool = io.vertx.mutiny.pgclient.PgPool.pool(vertx, connect,
                new PoolOptions().setMaxSize(2));
        ManagedChannel channel = ManagedChannelBuilder.forAddress(args[6], Integer.parseInt(args[7])).usePlaintext().build();
        String token = args[8];
        LocalDate day = LocalDate.parse(args[9]);
        long pauseAfter = Long.parseLong(args[10]);
        PurgeRun run = new PurgeRun(PurgeRepository.of(pool), ObjectRemoval.of(MutinyObjectStorageGrpc.newMutinyStub(channel),
                () -> Uni.createFrom().item(token)), 1, Duration.ofHours(6), (claim, n) -> {
                    if (n < pauseAfter) {
                        return Uni.createFrom().voidItem();
                    }
                    System.out.println(PAUSED + " " + n + " " + claim.objectKey());
                    System.out.flush();
                    return Uni.createFrom().nothing();
                });
        System.out.println(DONE + " " + run.day(day, OffsetDateTime.now(ZoneOffset.UTC)).await().indefinitely());
        System.out.flush();
        System.exit(0);
    }
}
