package org.videogov.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one log category writes while this is open, for a test that asserts a log line
 * (e.g. the refusal line of {@code org.videogov.refusal}). Use in try-with-resources.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    /** Starts recording what {@code category} (and the categories below it) writes. */
    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    /** What was recorded so far, oldest first. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // records are kept in memory
    }

    /** Stops recording; the records stay readable. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
