package org.videogov.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged VideoGov service ({@code services/<name>/target/quarkus-app/quarkus-run.jar}) run as
 * a real process with the environment a test gives it, in the production profile: for tests of
 * what only the packaged application does (its {@code %prod} configuration, a restart), and for
 * services a test talks to over the network ({@link SiteRegistryProcess}). It runs a private copy
 * of {@code quarkus-app}, so that another build in the same work tree may rewrite {@code target/}
 * meanwhile. The process writes to a temporary log that {@link #log()} returns for failure messages.
 */
public final class QuarkusAppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** JVM options of the services tests start: a small heap, and the quick compiler only (short runs). */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final int port;
    private final Path log;
    private Path appCopy;
    private Process process;
    private String readyPath;
    private List<String> jvmOptions;

    private QuarkusAppProcess(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code services/<name>}'s packaged jar with {@code env} added to this JVM's environment,
     * listening on a free port ({@code QUARKUS_HTTP_PORT}), and waits until {@code readyPath}
     * answers 200.
     */
    public static QuarkusAppProcess start(String name, Map<String, String> env, String readyPath) {
        return start(name, freePort(), env, readyPath);
    }

    /** As {@link #start(String, Map, String)}, on the given HTTP port. */
    public static QuarkusAppProcess start(String name, int port, Map<String, String> env, String readyPath) {
        return start(name, port, env, readyPath, TEST_JVM_OPTIONS);
    }

    /**
     * As {@link #start(String, int, Map, String)}, with the given JVM options instead of the tests'
     * ({@link #TEST_JVM_OPTIONS}); benchmarks pass the production options.
     */
    public static QuarkusAppProcess start(String name, int port, Map<String, String> env, String readyPath,
                                          List<String> jvmOptions) {
        Path app = repositoryRoot().resolve("services/" + name + "/target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(name + " is not packaged: " + app.resolve("quarkus-run.jar")
                    + " is missing. Build it first with `mvn -B -q -ntp package -pl services/" + name
                    + " -am -DskipTests` (a full reactor build packages it before the modules that run it)");
        }
        QuarkusAppProcess process = null;
        try {
            process = new QuarkusAppProcess(name, port, Files.createTempFile(name + "-", ".log"));
            process.appCopy = copyApp(app);
            process.readyPath = readyPath;
            process.jvmOptions = jvmOptions;
            process.launch(process.appCopy.resolve("quarkus-run.jar"), env, jvmOptions);
            process.awaitStatus(readyPath, 200, READY_TIMEOUT);
            return process;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.close();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("could not launch " + name + ": " + e.getMessage(), e);
        }
    }

    private void launch(Path jar, Map<String, String> env, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.putAll(env);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        process = builder.start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Polls {@code path} until it answers {@code status}; fails with the log's tail otherwise. */
    public void awaitStatus(String path, int status, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == status) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + ": " + path + " did not answer " + status + " within "
                + timeout.toSeconds() + " s (" + last + "); its log:\n" + log());
    }

    /** Kills the process at once (SIGKILL), as a crash or an OOM kill would; the log stays. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * After {@link #kill()}: starts the service again from the same copy, on the same port, with {@code env}
     * added to this JVM's environment, and waits until it is ready; nothing when it is still running. For
     * fail-closed tests that stop a service a test talks to and bring it back.
     */
    public void restart(Map<String, String> env) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            launch(appCopy.resolve("quarkus-run.jar"), env, jvmOptions);
        } catch (IOException e) {
            throw new IllegalStateException("could not restart " + name + ": " + e.getMessage(), e);
        }
        awaitStatus(readyPath, 200, READY_TIMEOUT);
    }

    /** The last lines the process wrote (stack frames and repeated readiness reports left out). */
    public String log() {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.contains("SRHCK01001"))
                    .filter(l -> !l.startsWith("\tat ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (appCopy != null) {
            delete(appCopy);
            appCopy = null;
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file; the OS cleans it
        }
    }

    /** The environment that points a service at a database of {@code pg} (as its VIDEOGOV_* variables). */
    public static Map<String, String> databaseEnv(PrivatePostgres pg, String dbVariable, String database) {
        Map<String, String> env = new HashMap<>();
        env.put("VIDEOGOV_PG_HOST", pg.host());
        env.put("VIDEOGOV_PG_PORT", Integer.toString(pg.port()));
        env.put("VIDEOGOV_PG_USER", "postgres");
        env.put("VIDEOGOV_PG_PASSWORD", "");
        env.put(dbVariable, database);
        return env;
    }

    static Path repositoryRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        for (File d = dir; d != null; d = d.getParentFile()) {
            if (new File(d, "services/site-registry").isDirectory()) {
                return d.toPath();
            }
        }
        throw new IllegalStateException("no directory containing services/site-registry above " + dir);
    }

    /** Copies quarkus-app to a temporary directory, again if a concurrent rebuild left it incomplete. */
    private static Path copyApp(Path app) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Path target = Files.createTempDirectory("videogov-app-");
            try (var paths = Files.walk(app)) {
                for (Path source : (Iterable<Path>) paths::iterator) {
                    Path dest = target.resolve(app.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest);
                    }
                }
                if (Files.isRegularFile(target.resolve("quarkus-run.jar"))
                        && Files.isDirectory(target.resolve("quarkus"))) {
                    return target;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    delete(target);
                    throw e instanceof IOException io ? io : new IOException(e);
                }
            }
            delete(target);
            if (System.nanoTime() > deadline) {
                throw new IOException(app + " stayed incomplete (a build is rewriting it?)");
            }
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary directory; the OS cleans it
        }
    }

    /** A free TCP port on loopback. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
