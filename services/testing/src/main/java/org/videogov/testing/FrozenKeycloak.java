package org.videogov.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stack's Keycloak made to hang: its whole process group is stopped with SIGSTOP (the
 * kernel still accepts connections, nothing answers), as a hung identity provider would, and thawed
 * with SIGCONT on {@link #close()} or, should the test JVM end first, by a shutdown hook. The stack
 * starts Keycloak with setsid, so kc.sh leads the group named in {@code $VIDEOGOV_STATE_DIR/pids}.
 */
public final class FrozenKeycloak implements AutoCloseable {

    private final long group;
    private final Thread thawOnExit;
    private boolean frozen;

    private FrozenKeycloak(long group) {
        this.group = group;
        this.thawOnExit = new Thread(this::thaw);
    }

    /** Freezes the stack's Keycloak now. */
    public static FrozenKeycloak freeze() {
        FrozenKeycloak keycloak = new FrozenKeycloak(processGroup());
        Runtime.getRuntime().addShutdownHook(keycloak.thawOnExit);
        keycloak.frozen = true;
        keycloak.signal("STOP");
        return keycloak;
    }

    /** The process group of the stack's Keycloak. */
    public static long processGroup() {
        String state = System.getenv("VIDEOGOV_STATE_DIR");
        if (state == null) {
            throw new IllegalStateException("freezing Keycloak needs the local stack: source its stack.env "
                    + "(./videogov test does)");
        }
        try {
            return Files.readAllLines(Path.of(state, "pids")).stream().map(l -> l.split(" "))
                    .filter(f -> f[0].equals("keycloak")).mapToLong(f -> Long.parseLong(f[1])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no keycloak in " + state + "/pids"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + state + "/pids: " + e.getMessage(), e);
        }
    }

    private synchronized void thaw() {
        if (frozen) {
            signal("CONT");
            frozen = false;
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " -" + group + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thaws Keycloak (SIGCONT). */
    @Override
    public void close() {
        thaw();
        try {
            Runtime.getRuntime().removeShutdownHook(thawOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook thaws it
        }
    }
}
