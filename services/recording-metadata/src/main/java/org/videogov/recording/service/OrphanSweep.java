package org.videogov.recording.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.videogov.common.district.District;
import org.videogov.common.district.Districts;
import org.videogov.recording.client.ObjectRemoval;
import org.videogov.recording.config.RecordingConfig;
import org.videogov.recording.repository.PurgeRepository;

/**
 * The orphan sweep (docs/recordings.md, "Orphan sweep"): every district's stored objects last modified longer
 * than videogov.recording.orphan-grace ago that no segment references are deleted (an interrupted
 * registration's upload, an object whose metadata a purge removed first). A page of keys at a time, one query
 * per page; object-storage refuses to delete a held object, which then stays. Runs on
 * videogov.recording.orphan-sweep-cron.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);

    @Inject
    Districts districts;

    @Inject
    PurgeRepository purges;

    @Inject
    ObjectRemoval objects;

    @Inject
    RecordingConfig config;

    /** What a sweep did. */
    public record Swept(long listed, long deleted, long held) {
    }

    @Scheduled(cron = "${videogov.recording.orphan-sweep-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(s -> LOG.infof("orphan sweep: %s", s)).replaceWithVoid();
    }

    /** Sweeps the city's and every district's bucket: objects older than the grace. */
    public Uni<Swept> sweep() {
        return sweep(Instant.now().minus(config.orphanGrace()));
    }

    /** Sweeps the city's and every district's bucket: objects last modified before {@code before}. */
    public Uni<Swept> sweep(Instant before) {
        AtomicLong listed = new AtomicLong();
        AtomicLong deleted = new AtomicLong();
        AtomicLong held = new AtomicLong();
        java.util.List<String> codes = new java.util.ArrayList<>();
        codes.add(districts.city().code());
        districts.districts().stream().map(District::code).forEach(codes::add);
        return Multi.createFrom().iterable(codes)
                .onItem().transformToUniAndConcatenate(d -> district(d, before, "", listed, deleted, held))
                .collect().last()
                .map(v -> new Swept(listed.get(), deleted.get(), held.get()));
    }

    private Uni<Void> district(String district, Instant before, String pageToken, AtomicLong listed, AtomicLong deleted,
                               AtomicLong held) {
        return objects.list(district, before, pageToken).flatMap(page -> {
            listed.addAndGet(page.objects().size());
            if (page.objects().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return purges.unreferenced(district, page.objects().stream().map(ObjectRemoval.Listed::key).toList())
                    .flatMap(orphans -> Multi.createFrom().iterable(orphans)
                            .onItem().transformToUni(key -> objects.delete(district, key).invoke(outcome -> {
                                if (outcome == ObjectRemoval.Outcome.HELD) {
                                    held.incrementAndGet();
                                } else {
                                    deleted.incrementAndGet();
                                    LOG.debugf("orphan sweep: %s/%s deleted", district, key);
                                }
                            })).merge(config.purgeConcurrency())
                            .collect().last().replaceWithVoid())
                    .flatMap(v -> page.next().isEmpty() ? Uni.createFrom().voidItem()
                            : district(district, before, page.next(), listed, deleted, held));
        });
    }
}
