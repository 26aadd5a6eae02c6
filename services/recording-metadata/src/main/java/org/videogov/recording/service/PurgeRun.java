package org.videogov.recording.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.videogov.recording.client.ObjectRemoval;
import org.videogov.recording.repository.PurgeRepository;
import org.videogov.recording.repository.PurgeRepository.Claim;
import org.videogov.recording.repository.PurgeRepository.DayPurge;

/**
 * One day's purge, object first, then metadata (Article 5; docs/recordings.md, "Purge"): claim the day's
 * expired, unheld segments (or continue the claims a killed run left), delete each claimed object through
 * object-storage (a bounded number at a time, each after the last check that its claim still stands), then the
 * metadata step. Plain code with its collaborators passed in, so that the crash test runs the very same steps
 * in a process of its own and kills it ({@link PurgeService} runs it in the service).
 */
public final class PurgeRun {

    private static final Logger LOG = Logger.getLogger(PurgeRun.class);
    private static final int PAGE = 500;

    /** Told after each object deletion (the crash test pauses there); the default does nothing. */
    public interface Listener {
        Uni<Void> objectDeleted(Claim claim, long deletedSoFar);
    }

    private final PurgeRepository purges;
    private final ObjectRemoval objects;
    private final int concurrency;
    private final Duration longestSegment;
    private final Listener listener;

    public PurgeRun(PurgeRepository purges, ObjectRemoval objects, int concurrency, Duration longestSegment,
                    Listener listener) {
        this.purges = purges;
        this.objects = objects;
        this.concurrency = concurrency;
        this.longestSegment = longestSegment;
        this.listener = listener == null ? (c, n) -> Uni.createFrom().voidItem() : listener;
    }

    /** Purges the day (before yesterday); empty when it has no partition. Fails when an object deletion failed. */
    public Uni<Optional<DayPurge>> day(LocalDate day, OffsetDateTime now) {
        AtomicLong deleted = new AtomicLong();
        AtomicLong held = new AtomicLong();
        return purges.claim(day, now).flatMap(claimed -> {
            if (!claimed.needed()) {
                // Nothing expired and unheld (or no partition): the metadata step would find nothing to do.
                return partitionExists(day);
            }
            return objects(day, now, null, deleted, held)
                    .flatMap(v -> purges.purge(day, now, longestSegment))
                    .map(done -> done.map(d -> d.withObjects(deleted.get(), held.get())));
        });
    }

    private Uni<Optional<DayPurge>> partitionExists(LocalDate day) {
        return purges.hasPartition(day).map(exists -> exists
                ? Optional.of(new DayPurge(day, "NONE", 0, 0, 0, 0)) : Optional.empty());
    }

    /** Deletes the objects of the pending claims after {@code after}, a page at a time. */
    private Uni<Void> objects(LocalDate day, OffsetDateTime now, Claim after, AtomicLong deleted, AtomicLong held) {
        return purges.pending(day, after, PAGE).flatMap(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().iterable(page)
                    .onItem().transformToUni(c -> one(c, now, deleted, held)).merge(concurrency)
                    .collect().last()
                    .flatMap(v -> page.size() < PAGE ? Uni.createFrom().voidItem()
                            : objects(day, now, page.get(page.size() - 1), deleted, held));
        });
    }

    private Uni<Void> one(Claim c, OffsetDateTime now, AtomicLong deleted, AtomicLong held) {
        return purges.begin(c, now).flatMap(stands -> {
            if (!stands) {
                LOG.debugf("purge: claim of %s/%s dropped (held or retained since), segment kept", c.district(),
                        c.objectKey());
                return Uni.createFrom().voidItem();
            }
            return objects.delete(c.district(), c.objectKey()).flatMap(outcome -> {
                if (outcome == ObjectRemoval.Outcome.HELD) {
                    held.incrementAndGet();
                    return purges.end(c, "KEPT");
                }
                long n = deleted.incrementAndGet();
                return purges.end(c, "DELETED").flatMap(v -> listener.objectDeleted(c, n));
            });
        });
    }
}
