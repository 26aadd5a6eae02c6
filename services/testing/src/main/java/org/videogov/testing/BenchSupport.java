package org.videogov.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the benchmark programs (bench/, docs/benchmarks.md) share: JVM options, memory, profiles. */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** The options of a java argument file (one or more per line, # starts a comment). */
    public static List<String> jvmOptions(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.replaceFirst("#.*", "").trim();
            if (!text.isEmpty()) {
                options.addAll(List.of(text.split("\\s+")));
            }
        }
        return options;
    }

    /** A process's resident memory in MiB, or -1 when it is gone. */
    public static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return -1;
    }

    /**
     * Runs a load; with VIDEOGOV_BENCH_JFR_DIR set, records it with Java Flight Recorder (profile
     * settings) in the service's process as {@code <dir>/<name>.jfr} (bench/jfr-hot.sh reads it). The
     * recording slows the service: the figures of a recorded load are not the benchmark's.
     */
    public static <T> T profiled(QuarkusAppProcess service, String name, Callable<T> load) throws Exception {
        String dir = System.getenv("VIDEOGOV_BENCH_JFR_DIR");
        if (dir == null) {
            return load.call();
        }
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = Long.toString(service.pid());
        Path file = Path.of(dir).toAbsolutePath().resolve(name + ".jfr");
        Files.createDirectories(file.getParent());
        exec(List.of(jcmd, pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file));
        try {
            return load.call();
        } finally {
            exec(List.of(jcmd, pid, "JFR.stop", "name=" + name));
            System.out.println("profile: " + file);
        }
    }

    /** Runs a command to its end (at most ten minutes) and returns what it printed; fails unless it exits 0. */
    public static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
