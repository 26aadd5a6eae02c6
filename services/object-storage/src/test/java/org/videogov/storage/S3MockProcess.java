package org.videogov.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.videogov.testing.QuarkusAppProcess;

/**
 * A second, real S3 server that understands object lock: Adobe's S3Mock
 * ({@code com.adobe.testing:s3mock:4.12.4}, classifier {@code exec}, a Spring Boot jar that Maven
 * resolves as a test dependency), run as its own process on a free port, once per module run (a
 * global test resource) and stopped at the end. It stores and returns retention and legal hold (it
 * does not enforce them), which S3Proxy, the stack's server, answers with 501 NotImplemented.
 * Returns its URL as {@link #URL_PROPERTY}; with init arg {@code as-store=true} also as the
 * service's store ({@code quarkus.minio.*}), for a test profile whose service runs on S3Mock.
 */
public class S3MockProcess implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "videogov.test.s3mock.url";
    private static final String VERSION = "4.12.4";

    private static volatile S3MockProcess running;

    private boolean asStore;
    private int port;
    private volatile Process process;
    private Path root;
    private Path log;

    @Override
    public void init(Map<String, String> initArgs) {
        asStore = Boolean.parseBoolean(initArgs.get("as-store"));
    }

    @Override
    public Map<String, String> start() {
        port = QuarkusAppProcess.freePort();
        try {
            root = Files.createTempDirectory("s3mock");
            log = Files.createTempFile("s3mock", ".log");
            String url = launch();
            running = this;
            return asStore ? Map.of(URL_PROPERTY, url, "quarkus.minio.host", url, "quarkus.minio.access-key", "any",
                    "quarkus.minio.secret-key", "any-secret") : Map.of(URL_PROPERTY, url);
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("S3Mock did not start", e);
        }
    }

    /** Starts the process on this resource's port and store root and waits until it answers. */
    private String launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--com.adobe.testing.s3mock.http-port=" + port, "--server.port=0",
                "--com.adobe.testing.s3mock.store.root=" + root, "--com.adobe.testing.s3mock.store.retain-files-on-exit=true"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String url = "http://127.0.0.1:" + port;
        awaitAnswer(url);
        return url;
    }

    /** Kills the running S3Mock at once (SIGKILL), as a crash would; its port is unanswered until {@link #restart()}. */
    static void kill() throws InterruptedException {
        Process current = current().process;
        current.destroyForcibly();
        current.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts S3Mock again on the same port and store root and waits until it answers. */
    static void restart() throws IOException {
        current().launch();
    }

    private static S3MockProcess current() {
        S3MockProcess current = running;
        if (current == null) {
            throw new IllegalStateException("S3MockProcess is not running");
        }
        return current;
    }

    private void awaitAnswer(String url) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Mock exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/")).GET()
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet: poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for S3Mock", e);
            }
            try {
                process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for S3Mock", e);
            }
        }
        throw new IOException("S3Mock did not answer within 120 s: " + Files.readString(log));
    }

    /** The exec jar in the local Maven repository (a test dependency, so Maven has resolved it). */
    private static Path jar() {
        Path repository = Paths.get(System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path jar = repository.resolve(Paths.get("com", "adobe", "testing", "s3mock", VERSION,
                "s3mock-" + VERSION + "-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's exec jar is not at " + jar);
        }
        return jar;
    }

    @Override
    public void stop() {
        running = null;
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (root != null) {
                try (var files = Files.walk(root)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            if (log != null) {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            // temporary files only
        }
    }
}
