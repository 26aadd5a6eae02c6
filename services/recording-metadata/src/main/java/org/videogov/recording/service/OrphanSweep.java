package org.videogov.recording.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * registration's upload, an object whose metadata a purge removed first). A page of keys at a time: the keys no
 * segment references are claimed in one statement under each key's advisory lock, which a registration holds
 * from its check of the claims to its commit (V13__orphan_claims.sql), so a registration running at the same
 * moment either commits first (its key is then referenced, not claimed) or is refused; then each claimed object
 * is deleted and its claim ended. object-storage refuses to delete a held object, which then stays. A sweep
 * first finishes the deletions an interrupted one left claimed. Runs on videogov.recording.orphan-sweep-cron.
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
        List<String> codes = new ArrayList<>();
        codes.add(districts.city().code());
        districts.districts().stream().map(District::code).forEach(codes::add);
        return Multi.createFrom().iterable(codes)
                .onItem().transformToUniAndConcatenate(d -> district(d, before, listed, deleted, held))
                .collect().last()
                .map(v -> new Swept(listed.get(), deleted.get(), held.get()));
    }

    private Uni<Void> district(String district, Instant before, AtomicLong listed, AtomicLong deleted, AtomicLong held) {
        return purges.pendingOrphans(district)
                .flatMap(pending -> delete(district, pending, deleted, held))
                .flatMap(v -> page(district, before, "", listed, deleted, held));
    }

    private Uni<Void> page(String district, Instant before, String pageToken, AtomicLong listed, AtomicLong deleted,
                           AtomicLong held) {
        return objects.list(district, before, pageToken).flatMap(page -> {
            listed.addAndGet(page.objects().size());
            if (page.objects().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return purges.claimOrphans(district, page.objects().stream().map(ObjectRemoval.Listed::key).toList())
                    .flatMap(claimed -> delete(district, claimed, deleted, held))
                    .flatMap(v -> page.next().isEmpty() ? Uni.createFrom().voidItem()
                            : page(district, before, page.next(), listed, deleted, held));
        });
    }

    /** Deletes claimed objects, at most purge-concurrency at once, each claim ended with what object-storage said. */
    private Uni<Void> delete(String district, List<String> claimed, AtomicLong deleted, AtomicLong held) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(key -> objects.delete(district, key).call(outcome -> {
                    boolean isHeld = outcome == ObjectRemoval.Outcome.HELD;
                    if (isHeld) {
                        held.incrementAndGet();
                    } else {
                        deleted.incrementAndGet();
                        LOG.debugf("orphan sweep: %s/%s deleted", district, key);
                    }
                    return purges.orphanDone(district, key, isHeld);
                })).merge(config.purgeConcurrency())
                .collect().last().replaceWithVoid();
    }
}
