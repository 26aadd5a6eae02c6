package org.videogov.recording.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.videogov.common.time.Timestamps;
import org.videogov.recording.client.ObjectStorageClient;
import org.videogov.recording.domain.Segment;
import org.videogov.recording.repository.ObjectHoldRepository;
import org.videogov.recording.repository.ObjectHoldRepository.HoldCase;

/**
 * Legal holds carried onto the video objects (Article 5: recordings are kept and protected). The hold in this
 * service's database is what counts — the purge never removes a held segment — and, as well, every object a
 * hold covers is held in object-storage for the hold's case (HoldObject): object-storage then refuses to
 * delete it whoever asks, and where the store supports object lock it also sets the store's own legal hold
 * and a retention. Releasing the hold releases that case on each object (ReleaseObject).
 *
 * <p>Placing or releasing a hold, and registering a segment into an active hold, never fail because
 * object-storage is unreachable: the hold stands in the database, the hold's objects are marked pending
 * (legal_hold.objects_applied_at / objects_released_at null), and {@link #reconcile()} carries them over on
 * {@code videogov.recording.object-hold-every} (default every five minutes) until object-storage answers.
 */
@ApplicationScoped
public class ObjectHolds {

    private static final Logger LOG = Logger.getLogger(ObjectHolds.class);
    /** HoldObject / ReleaseObject calls in flight at once for one hold. */
    static final int CONCURRENCY = 8;
    /** Pending holds taken per reconciliation round. */
    static final int ROUND = 100;

    @Inject
    ObjectHoldRepository repository;

    @Inject
    ObjectStorageClient objects;

    /** The objects of a newly placed hold; true when every one is held, false when some are left pending. */
    public Uni<Boolean> placed(UUID holdId) {
        return repository.find(holdId).flatMap(this::apply);
    }

    /** The objects of a released hold; true when every one is released for its case. */
    public Uni<Boolean> released(UUID holdId) {
        return repository.find(holdId).flatMap(this::apply);
    }

    /** Segments just registered: the active holds covering any of them hold their objects too. */
    public Uni<Void> registered(List<Segment> segments) {
        if (segments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.activeCovering(segments.stream().map(Segment::cameraGbId).toList(),
                        segments.stream().map(Segment::start).toList(), segments.stream().map(Segment::end).toList())
                .flatMap(holds -> Multi.createFrom().iterable(holds)
                        .onItem().transformToUniAndConcatenate(hold -> repository.markApplied(hold.id(), null)
                                .flatMap(v -> apply(hold)))
                        .collect().last().replaceWithVoid());
    }

    @Scheduled(every = "${videogov.recording.object-hold-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reconcile().invoke(done -> {
            if (done > 0) {
                LOG.infof("object holds: %d pending hold(s) carried onto their objects", done);
            }
        }).replaceWithVoid();
    }

    /** Carries the pending holds and releases onto their objects; how many were completed. */
    public Uni<Integer> reconcile() {
        return repository.pending(ROUND).flatMap(holds -> Multi.createFrom().iterable(holds)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
    }

    /** Holds (an active hold) or releases (a released one) every covered object, then marks the hold done. */
    private Uni<Boolean> apply(HoldCase hold) {
        OffsetDateTime now = Timestamps.now();
        return repository.covered(hold).flatMap(covered -> Multi.createFrom().iterable(covered)
                        .onItem().transformToUni(object -> (hold.active()
                                ? objects.hold(hold.district(), object.objectKey(), hold.caseNumber(),
                                        object.retainUntil().isAfter(now) ? object.retainUntil() : now).replaceWithVoid()
                                : objects.release(hold.district(), object.objectKey(), hold.caseNumber()))
                                .map(v -> true)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf("legal hold %s (case %s): object %s not yet %s in object-storage, kept "
                                            + "pending: %s", hold.id(), hold.caseNumber(), object.objectKey(),
                                            hold.active() ? "held" : "released", failure.getMessage());
                                    return false;
                                }))
                        .merge(CONCURRENCY)
                        .collect().asList())
                .flatMap(results -> {
                    boolean all = results.stream().allMatch(Boolean::booleanValue);
                    if (!all) {
                        return Uni.createFrom().item(false);
                    }
                    return (hold.active() ? repository.markApplied(hold.id(), now) : repository.markReleased(hold.id(), now))
                            .replaceWith(true);
                });
    }
}
