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
import org.videogov.recording.repository.PartitionRepository;
import org.videogov.recording.repository.PurgeRepository;

/**
 * Removes expired, unheld segments (Article 5: kept for their retention, never while a legal hold covers
 * them): every day before yesterday, one day per transaction, its partition dropped whole when nothing in it
 * is kept or held, else its expired unheld rows deleted (V2__purge.sql says why it is crash-safe). Runs on
 * videogov.recording.purge-cron. Video objects are not deleted in this slice (README.md).
 */
@ApplicationScoped
public class PurgeService {

    private static final Logger LOG = Logger.getLogger(PurgeService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'segment_'yyyyMMdd");

    @Inject
    PartitionRepository partitions;

    @Inject
    PurgeRepository purges;

    @Scheduled(cron = "${videogov.recording.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purgeExpired().invoke(done -> LOG.infof("purge: %s", done)).replaceWithVoid();
    }

    /** Purges every day before yesterday that has a partition; what each day's purge did. */
    public Uni<List<PurgeRepository.DayPurge>> purgeExpired() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        return partitions.names().flatMap(names -> Multi.createFrom().iterable(names)
                .map(name -> LocalDate.parse(name, NAME))
                .filter(day -> day.isBefore(yesterday))
                .onItem().transformToUniAndConcatenate(this::purgeDay)
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList());
    }

    /** Purges one day (before yesterday); empty when it has no partition. */
    public Uni<Optional<PurgeRepository.DayPurge>> purgeDay(LocalDate day) {
        return purges.purge(day, Timestamps.now());
    }
}
