package org.videogov.recording.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.videogov.recording.config.RecordingConfig;
import org.videogov.recording.repository.PartitionRepository;

/**
 * Keeps segment's daily partitions (UTC days) ahead of time: at start and every hour, yesterday through
 * today + videogov.recording.partitions-ahead. A registration whose segments start on a day outside that
 * range (a recorder uploading old footage) has its day's partition created first ({@link #ensureDays}).
 * Idempotent and safe with several instances (the database function skips existing partitions).
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    @Inject
    PartitionRepository partitions;

    @Inject
    RecordingConfig config;

    /** Days from yesterday on whose partition this instance has seen to exist (only older days are purged). */
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    private final Clock clock = Clock.systemUTC();

    void onStart(@Observes StartupEvent event) {
        int created = ahead().await().atMost(Duration.ofSeconds(30));
        LOG.infof("segment partitions: %d created, %d days ahead of today kept", created, config.partitionsAhead());
    }

    /** The hourly job (and the start): yesterday through today + partitions-ahead. */
    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return ahead().replaceWithVoid();
    }

    /** Creates the missing partitions from yesterday to today + partitions-ahead; how many were created. */
    public Uni<Integer> ahead() {
        LocalDate first = LocalDate.now(clock).minusDays(1);
        int days = config.partitionsAhead() + 2;
        return partitions.ensure(first, days).invoke(n -> {
            for (int i = 0; i < days; i++) {
                known.add(first.plusDays(i));
            }
        });
    }

    /** Makes sure a partition exists for each of these UTC days before segments starting on them are inserted. */
    public Uni<Void> ensureDays(Collection<LocalDate> days) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        for (LocalDate day : days) {
            // Days before yesterday may have been purged (their partition dropped) by any instance: always ask.
            if (day.isBefore(yesterday) || !known.contains(day)) {
                chain = chain.flatMap(v -> partitions.ensure(day, 1).invoke(n -> known.add(day)).replaceWithVoid());
            }
        }
        return chain;
    }

    /** The UTC day a timestamp falls on (the partition of a segment that starts then). */
    public static LocalDate day(java.time.OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
