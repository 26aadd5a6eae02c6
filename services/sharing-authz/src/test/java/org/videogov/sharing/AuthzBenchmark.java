package org.videogov.sharing;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.videogov.common.authz.CachedClientLoad;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.proto.authz.v1.Action;
import org.videogov.proto.authz.v1.AuthorizationGrpc;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.Resource;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.testing.BenchSupport;
import org.videogov.testing.KeycloakTokens;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.QuarkusAppProcess;

/**
 * The decision point's benchmark (a program that prints figures, not a test; issue #9). Against the
 * local stack's PostgreSQL and real Keycloak it starts the packaged sharing-authz with the production
 * JVM options and, in one run on the same server and channels, with the same call authentication
 * (camera-inventory's real client-credentials token in the metadata), measures gRPC {@code Check}
 * (shinan-admin's real token as the subject, the same subject, action and resource every time: an
 * ALLOW, appended to the decision log like every decision) beside the standard gRPC health service
 * {@code grpc.health.v1.Health/Check} as the no-op:
 * <ul>
 * <li>open loop at a fixed rate (default 1,000 calls/s): each call has an intended send time, and its
 * latency is measured from that time, so a stall delays every call behind it in the figures;</li>
 * <li>closed loop at full speed: {@code concurrency} calls in flight, each answer sends the next.</li>
 * </ul>
 * Then {@code Check} as a calling service sees it: the real client of services/common with its ALLOW
 * cache ({@link CachedClientLoad}), asking about 1,000 cameras in turn. It prints p50, p99 and calls/s
 * side by side with the ratios the issue sets as targets, the decision log's commit mode, whether the
 * health service passed through the call authentication, and the decision-log entries appended.
 *
 * <p>Run: {@code bench/authz.sh} (docs/benchmarks.md).
 */
public final class AuthzBenchmark {

    /** One measured load. */
    record Figure(String what, double perSecond, double p50Ms, double p99Ms, long calls, long failures,
                  String firstFailure) {
    }

    /** One asynchronous call: reports its outcome to exactly one of the two callbacks. */
    interface Call {
        void send(Runnable done, Consumer<Throwable> failed);
    }

    private static final String DB = "sharing_authz_bench";

    /** How the decision log's appends are committed (config.DecisionLogConfig), passed on to sharing-authz. */
    private static final String COMMIT_VARIABLE = "VIDEOGOV_SHARING_AUTHZ_DECISION_LOG_COMMIT";

    /** Distinct cameras the cached-client load asks about in turn. */
    private static final int CACHED_CAMERAS = 1_000;

    private final int seconds;
    private final int rate;
    private final int concurrency;
    private final List<ManagedChannel> channels = new ArrayList<>();

    private AuthzBenchmark(int seconds, int rate, int concurrency) {
        this.seconds = seconds;
        this.rate = rate;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<String> jvm = args.length > 3 ? BenchSupport.jvmOptions(Path.of(args[3])) : List.of();
        try {
            new AuthzBenchmark(seconds, rate, concurrency).run(jvm);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(List<String> jvm) throws Exception {
        System.out.printf("sharing-authz benchmark: %d s per load, open loop at %,d calls/s, closed loop with %d in "
                + "flight over %d connections; JVM options %s%n", seconds, rate, concurrency, connections(), jvm);
        String commit = Optional.ofNullable(System.getenv(COMMIT_VARIABLE)).orElse("LOCAL (the default)");
        System.out.printf("decision-log commit (%s): %s%n", COMMIT_VARIABLE, commit);
        String db = PostgresDatabase.named(DB);
        PostgresDatabase.createIfMissing(db);
        Map<String, String> env = PostgresDatabase.serviceEnv("VIDEOGOV_SHARING_AUTHZ_DB", db);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTokens.issuer());
        env.put("VIDEOGOV_SHARING_AUTHZ_APP_ROLE", PostgresDatabase.named("sharing_authz_app_bench"));
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        try (QuarkusAppProcess authz = QuarkusAppProcess.start("sharing-authz", QuarkusAppProcess.freePort(), env,
                "/q/health/ready", jvm)) {
            for (int i = 0; i < connections(); i++) {
                channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", authz.port()).usePlaintext()
                        .directExecutor().build());
            }
            String caller = KeycloakTokens.clientCredentials("camera-inventory",
                    required("VIDEOGOV_CLIENT_SECRET_CAMERA_INVENTORY"));
            String subject = KeycloakTokens.passwordGrant("shinan-admin");
            CheckRequest request = CheckRequest.newBuilder().setSubjectToken(subject)
                    .setAction(Action.newBuilder().setName("camera.read"))
                    .setResource(Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode("370202"))
                            .setCameraGbId("37020200001320000001").setSecurityLevel(2))
                    .build();
            CheckResponse answer = authorised(AuthorizationGrpc.newBlockingStub(channels.get(0)), caller)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).check(request);
            if (answer.getDecision().getEffect() != Effect.ALLOW) {
                throw new IllegalStateException("Check did not allow: " + answer);
            }
            System.out.printf("Check: %s %s for %s (cache_for %d s) — the same question every call%n",
                    answer.getDecision().getEffect(), answer.getDecision().getRule(), answer.getSubject().getUserId(),
                    answer.getDecision().getCacheFor().getSeconds());
            String healthAuth = healthAuthentication(authz, caller);
            System.out.println("no-op: grpc.health.v1.Health/Check on the same server: " + healthAuth);

            Call check = channelled(ch -> (done, failed) -> authorised(AuthorizationGrpc.newStub(ch), caller)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).check(request, observer(done, failed)));
            Call noop = channelled(ch -> (done, failed) -> authorised(HealthGrpc.newStub(ch), caller)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance(),
                            observer(done, failed)));

            System.out.println("warming up (" + seconds + " s each, closed loop; not measured)");
            closedLoop("warm-up", noop, seconds);
            settled(closedLoop("warm-up", check, seconds));

            long rows0 = PostgresDatabase.count(DB, "select count(*) from decision_log");
            double verified0 = metric(authz, "videogov_token_verifications_total");
            double hits0 = metric(authz, "videogov_token_cache_hits_total");
            List<Figure[]> pairs = new ArrayList<>();
            Figure openCheck = settled(openLoop("Check, open loop " + rate + "/s", check));
            pairs.add(new Figure[] {openCheck, openLoop("no-op (Health/Check), open loop " + rate + "/s", noop)});
            Figure fullCheck = settled(BenchSupport.profiled(authz, "check-full-speed",
                    () -> closedLoop("Check, full speed (" + concurrency + " in flight)", check, seconds)));
            pairs.add(new Figure[] {fullCheck,
                    closedLoop("no-op (Health/Check), full speed (" + concurrency + " in flight)", noop, seconds)});
            CachedClientLoad.Result cached = new CachedClientLoad(channels.get(0), caller, subject)
                    .run(connections(), seconds, "370202", CACHED_CAMERAS);
            long rows = PostgresDatabase.count(DB, "select count(*) from decision_log") - rows0;
            double verified = metric(authz, "videogov_token_verifications_total") - verified0;
            double hits = metric(authz, "videogov_token_cache_hits_total") - hits0;

            System.out.println();
            System.out.printf("%-58s %10s %9s %9s %10s%n", "load", "calls/s", "p50 ms", "p99 ms", "calls");
            for (Figure[] pair : pairs) {
                for (Figure f : pair) {
                    System.out.printf("%-58s %10.0f %9.2f %9.2f %10d%s%n", f.what(), f.perSecond(), f.p50Ms(),
                            f.p99Ms(), f.calls(), f.failures() == 0 ? ""
                                    : "  FAILED: " + f.failures() + " (first: " + f.firstFailure() + ")");
                }
            }
            Figure[] open = pairs.get(0);
            Figure[] full = pairs.get(1);
            System.out.println();
            System.out.printf("Check p99 ÷ no-op p99 at %d/s: %.2f; at full speed: %.2f (target: at most 2)%n", rate,
                    open[0].p99Ms() / open[1].p99Ms(), full[0].p99Ms() / full[1].p99Ms());
            System.out.printf("Check throughput ÷ no-op throughput at full speed, uncached (every Check decided and "
                    + "logged by sharing-authz): %.2f%n", full[0].perSecond() / full[1].perSecond());
            System.out.printf("%-58s %10.0f %9s %9s %10d%n", "Check through the calling services' client, cached ("
                    + connections() + " threads)", cached.perSecond(), "-", "-", cached.calls());
            System.out.printf("  of which answered from the client's ALLOW cache: %,.0f; asked of sharing-authz over gRPC: "
                    + "%,.0f (misses: the first asks for each of %,d cameras, by both threads at once)%n", cached.fromCache(), cached.fromSharingAuthz(),
                    CACHED_CAMERAS);
            System.out.printf("cached Check throughput ÷ no-op throughput at full speed: %.2f (target: at least 0.5)%n",
                    cached.perSecond() / full[1].perSecond());
            System.out.printf("decision-log entries appended during the measured loads: %,d for %,d Check calls "
                    + "reaching sharing-authz%n", rows, open[0].calls() + full[0].calls() + (long) cached.fromSharingAuthz());
            System.out.printf("token verifications during the measured loads: %.0f; answered from the verified-token "
                    + "cache: %.0f%n", verified, hits);
            System.out.printf("sharing-authz RSS after the loads: %d MiB%n", BenchSupport.rssMiB(authz.pid()));
        } finally {
            for (ManagedChannel c : channels) {
                c.shutdownNow();
            }
        }
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: source the local stack's stack.env");
        }
        return value;
    }

    /**
     * Waits until the decision log has stopped growing (at most a minute), so that appends still
     * queued behind a load (calls whose deadline passed are still decided and logged) do not slow the next one.
     */
    private static Figure settled(Figure load) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        long before = -1;
        long now = PostgresDatabase.count(DB, "select count(*) from decision_log");
        while (now != before && System.nanoTime() < deadline) {
            Thread.sleep(500);
            before = now;
            now = PostgresDatabase.count(DB, "select count(*) from decision_log");
        }
        return load;
    }

    /** Closed-loop connections: two per core of this machine, at least two (one per server event loop). */
    private static int connections() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Spreads calls over the channels, round robin. */
    private Call channelled(java.util.function.Function<ManagedChannel, Call> perChannel) {
        List<Call> calls = channels.stream().map(perChannel).toList();
        AtomicInteger next = new AtomicInteger();
        return (done, failed) -> calls.get(Math.floorMod(next.getAndIncrement(), calls.size())).send(done, failed);
    }

    /**
     * Whether the health service goes through the call authentication: asked with no token and with a
     * token whose signature is broken; and whether a valid token's call reached the verified-token cache.
     */
    private String healthAuthentication(QuarkusAppProcess authz, String caller) {
        String forged = caller.substring(0, caller.lastIndexOf('.') + 1)
                + new StringBuilder(caller.substring(caller.lastIndexOf('.') + 1)).reverse();
        String none = healthStatus(null);
        String bad = healthStatus(forged);
        double hits0 = metric(authz, "videogov_token_cache_hits_total");
        double verified0 = metric(authz, "videogov_token_verifications_total");
        String good = healthStatus(caller);
        double looked = metric(authz, "videogov_token_cache_hits_total") - hits0
                + metric(authz, "videogov_token_verifications_total") - verified0;
        boolean authenticated = !none.equals("SERVING") && !bad.equals("SERVING") && looked > 0;
        return "no token → " + none + ", a forged token → " + bad + ", the caller's token → " + good
                + (looked > 0 ? " (token looked up)" : " (token not looked up)")
                + (authenticated ? ": it passes through the call authentication"
                : ": it does NOT pass through the call authentication (Quarkus authenticates a gRPC call only when "
                + "a method needs the identity), so the no-op lacks the token look-up that Check does");
    }

    private String healthStatus(String token) {
        HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channels.get(0))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        try {
            HealthCheckResponse r = (token == null ? stub : authorised(stub, token))
                    .check(HealthCheckRequest.getDefaultInstance());
            return r.getStatus().name();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode().name();
        }
    }

    private static <S extends AbstractStub<S>> S authorised(S stub, String token) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(BearerMetadata.of(token)));
    }

    private static <T> StreamObserver<T> observer(Runnable done, Consumer<Throwable> failed) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                // the answer's content was checked once before the loads
            }

            @Override
            public void onError(Throwable t) {
                failed.accept(t);
            }

            @Override
            public void onCompleted() {
                done.run();
            }
        };
    }

    /**
     * Open loop: call i is due at start + i / rate; its latency runs from that intended time, not from
     * when it was actually sent, so a sender or server that falls behind shows in every later call.
     */
    private Figure openLoop(String what, Call call) throws InterruptedException {
        int n = rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latency = new long[n];
        CountDownLatch all = new CountDownLatch(n);
        AtomicLong failures = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        String[] first = {null};
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            call.send(() -> {
                long now = System.nanoTime();
                latency[slot] = now - due;
                lastDone.accumulateAndGet(now, Math::max);
                all.countDown();
            }, failure -> {
                long now = System.nanoTime();
                latency[slot] = now - due;
                lastDone.accumulateAndGet(now, Math::max);
                if (failures.incrementAndGet() == 1) {
                    first[0] = Status.fromThrowable(failure).toString();
                }
                all.countDown();
            });
        }
        if (!all.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + ": " + all.getCount() + " calls never answered");
        }
        return figure(what, latency, n, lastDone.get() - start, failures.get(), first[0]);
    }

    /** Closed loop: {@code concurrency} calls in flight for {@code duration} seconds, each answer sends the next. */
    private Figure closedLoop(String what, Call call, int duration) throws InterruptedException {
        long[][] latency = new long[concurrency][];
        int[] count = new int[concurrency];
        AtomicLong failures = new AtomicLong();
        String[] first = {null};
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(duration);
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            latency[w] = new long[1 << 16];
            int worker = w;
            new Runnable() {
                long sent;

                @Override
                public void run() {
                    sent = System.nanoTime();
                    if (sent >= end) {
                        finished.countDown();
                        return;
                    }
                    call.send(() -> {
                        record(System.nanoTime() - sent);
                        run();
                    }, failure -> {
                        record(System.nanoTime() - sent);
                        if (failures.incrementAndGet() == 1) {
                            first[0] = Status.fromThrowable(failure).toString();
                        }
                        run();
                    });
                }

                private void record(long nanos) {
                    if (count[worker] == latency[worker].length) {
                        latency[worker] = Arrays.copyOf(latency[worker], latency[worker].length * 2);
                    }
                    latency[worker][count[worker]++] = nanos;
                }
            }.run();
        }
        if (!finished.await(duration + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + ": calls still in flight a minute after the end");
        }
        long elapsed = System.nanoTime() - start;
        int total = Arrays.stream(count).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latency[w], 0, all, at, count[w]);
            at += count[w];
        }
        return figure(what, all, total, elapsed, failures.get(), first[0]);
    }

    private static Figure figure(String what, long[] latency, int n, long elapsedNanos, long failures, String first) {
        long[] sorted = Arrays.copyOf(latency, n);
        Arrays.sort(sorted);
        return new Figure(what, n / (elapsedNanos / 1e9), percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                n, failures, first);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A counter from the service's /q/metrics, or NaN when it is not there. */
    private static double metric(QuarkusAppProcess service, String name) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url() + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
                    return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
