package org.videogov.common.problem;

/**
 * Recognises the database failures that concurrent requests cause, wherever they are wrapped, so
 * that a race ends as a 409 rather than a 500. Matched by class name and SQLSTATE: this module
 * does not depend on Hibernate or the PostgreSQL client.
 */
public final class PersistenceFailures {

    /** SQLSTATE of a unique-constraint violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private PersistenceFailures() {
    }

    /** A write that lost an optimistic-lock race (the row's version changed meanwhile). */
    public static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (name.equals("jakarta.persistence.OptimisticLockException")
                    || name.equals("org.hibernate.StaleStateException")
                    || name.equals("org.hibernate.StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }

    /** An insert or update that ran into a unique constraint (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (sqlState(c).equals(UNIQUE_VIOLATION)) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof java.sql.SQLException e && e.getSQLState() != null) {
            return e.getSQLState();
        }
        try {
            // io.vertx.pgclient.PgException#getSqlState, without a compile-time dependency.
            Object state = t.getClass().getMethod("getSqlState").invoke(t);
            return state == null ? "" : state.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            String message = t.getMessage();
            return message != null && message.contains("(" + UNIQUE_VIOLATION + ")") ? UNIQUE_VIOLATION : "";
        }
    }
}
