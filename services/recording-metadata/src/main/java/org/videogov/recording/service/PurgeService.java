package org.videogov.recording.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.time.Timestamps;
import org.videogov.recording.client.ObjectRemoval;
import org.videogov.recording.config.RecordingConfig;
import org.videogov.recording.repository.PartitionRepository;
import org.videogov.recording.repository.PurgeRepository;

/**
 * Removes expired, unheld segments (Article 5: kept for their retention, never while a legal hold covers
 * them), object first, then metadata ({@link PurgeRun}; docs/recordings.md, "Purge", says why a kill at any
 * step loses nothing): every day before yesterday, oldest first, on videogov.recording.purge-cron. A day whose
 * object deletions fail (object-storage unreachable) keeps its claims and is finished by the next run; the
 * other days go on.
 */
@ApplicationScoped
public class PurgeService {

    private static final Logger LOG = Logger.getLogger(PurgeService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'segment_'yyyyMMdd");

    @Inject
    PartitionRepository partitions;

    @Inject
    PurgeRepository purges;

    @Inject
    ObjectRemoval objects;

    @Inject
    RecordingConfig config;

    @Scheduled(cron = "${videogov.recording.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purgeExpired().invoke(done -> LOG.infof("purge: %s", done)).replaceWithVoid();
    }

    /** Purges every day before yesterday that has a partition; what each day's purge did (UNFINISHED: failed). */
    public Uni<List<PurgeRepository.DayPurge>> purgeExpired() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        return partitions.names().flatMap(names -> Multi.createFrom().iterable(names)
                .map(name -> LocalDate.parse(name, NAME))
                .filter(day -> day.isBefore(yesterday))
                .onItem().transformToUniAndConcatenate(day -> purgeDay(day).onFailure().recoverWithItem(f -> {
                    LOG.warnf("purge of %s unfinished, its claims stay for the next run: %s", day, f.toString());
                    return Optional.of(new PurgeRepository.DayPurge(day, "UNFINISHED", 0, 0, 0, 0));
                }))
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList());
    }

    /** Purges one day (before yesterday), objects then metadata; empty when it has no partition. */
    public Uni<Optional<PurgeRepository.DayPurge>> purgeDay(LocalDate day) {
        return run(null).day(day, Timestamps.now());
    }

    PurgeRun run(PurgeRun.Listener listener) {
        return new PurgeRun(purges, objects, config.purgeConcurrency(), config.maxSegmentDuration(), listener);
    }
}
