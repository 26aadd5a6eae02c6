package org.videogov.storage.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.ListObjectsArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.problem.ProblemException;
import org.videogov.storage.domain.CaseNumber;
import org.videogov.storage.domain.HoldRecord;
import org.videogov.storage.domain.ObjectHoldState;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.domain.Sha256;
import org.videogov.storage.repository.ObjectStore;

/**
 * Legal holds on stored objects (Article 5 of the measures: held evidence is kept and protected).
 * object-storage has no database: the platform's record of a hold is a small JSON object beside the
 * held one in the district's bucket, {@code .holds/<key>#<SHA-256 of the case number>}
 * ({@link HoldRecord}), one per (object, case), so that holds of different cases never overwrite
 * each other and placing the same one twice is the same record. Keys under {@code .holds/} are
 * refused to every caller ({@link ObjectKey}). {@link StorageService#delete} refuses an object with
 * any such record, on every store.
 *
 * <p>Where the start-up probe found object lock {@link ObjectLockSupport#SUPPORTED}, a hold also
 * sets the object's S3 legal hold ON and a GOVERNANCE retention until the requested date (never
 * shortening a later one), and the release of the last case sets the legal hold OFF; the retention
 * stays until its date (a GOVERNANCE retention cannot be shortened without a bypass this service
 * never asks for). The platform's record is written first, so a hold protects the object even when
 * the store's calls then fail; the record says what the store applied and when.
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);

    @Inject
    ObjectStore store;

    @Inject
    ObjectLockProbe lock;

    @Inject
    ObjectMapper json;

    /** The record's object name for one case's hold on {@code key}. */
    static String recordName(ObjectKey key, CaseNumber caseNumber) {
        var digest = Sha256.digester();
        digest.update(caseNumber.value().getBytes(StandardCharsets.UTF_8));
        return recordPrefix(key) + Sha256.of(digest).hex();
    }

    /** The prefix of every hold record of {@code key} ('#' never occurs in a key, so no other key's records share it). */
    static String recordPrefix(ObjectKey key) {
        return ObjectKey.RESERVED_PREFIX + key.value() + "#";
    }

    /**
     * Places {@code caseNumber}'s hold on the object (idempotent per key and case); NOT_FOUND when
     * there is no such object. Answers what holds it now and what the store keeps.
     */
    public Uni<ObjectHoldState> hold(String district, ObjectKey key, CaseNumber caseNumber,
                                     Optional<Instant> retainUntil) {
        String bucket = store.bucket(district);
        ObjectLockSupport support = lock.support();
        String name = recordName(key, caseNumber);
        return store.stat(district, key)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("object", key)))
                .chain(() -> read(bucket, name))
                .chain(existing -> {
                    Instant now = Instant.now();
                    Instant asked = latest(existing.map(HoldRecord::retainUntil).orElse(null), retainUntil.orElse(null));
                    HoldRecord placed = new HoldRecord(key.value(), caseNumber.value(),
                            existing.map(HoldRecord::heldAt).orElse(now), asked, support, false, null, null);
                    Uni<Void> recorded = write(bucket, name, placed);
                    if (support != ObjectLockSupport.SUPPORTED) {
                        return recorded.invoke(() -> LOG.infof("legal hold of case %s on %s/%s recorded by the platform "
                                + "(object lock %s)", caseNumber, bucket, key, support));
                    }
                    return recorded
                            .chain(() -> applyLock(bucket, key, Optional.ofNullable(asked)))
                            .chain(applied -> write(bucket, name, new HoldRecord(placed.key(), placed.caseNumber(),
                                    placed.heldAt(), placed.retainUntil(), support, applied.legalHold(),
                                    applied.retainUntil().orElse(null), Instant.now())))
                            .invoke(() -> LOG.infof("legal hold of case %s on %s/%s recorded and set on the store",
                                    caseNumber, bucket, key));
                })
                .chain(() -> state(district, key))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /**
     * Removes {@code caseNumber}'s hold from the object; when no case holds it any more, its S3 legal
     * hold is set OFF (object lock). A case that does not hold it changes nothing.
     */
    public Uni<ObjectHoldState> release(String district, ObjectKey key, CaseNumber caseNumber) {
        String bucket = store.bucket(district);
        boolean supported = lock.support() == ObjectLockSupport.SUPPORTED;
        return store.removeAllVersions(bucket, recordName(key, caseNumber), supported)
                .chain(() -> records(district, key))
                .chain(remaining -> {
                    if (!remaining.isEmpty() || !supported) {
                        return Uni.createFrom().voidItem();
                    }
                    return store.legalHold(bucket, key, false)
                            .invoke(() -> LOG.infof("legal hold of %s/%s set OFF on the store: no case holds it", bucket,
                                    key))
                            .onFailure(f -> ObjectStore.errorCode(f).isPresent()).recoverWithItem(failure -> {
                                LOG.warnf("could not set the legal hold of %s/%s OFF: %s", bucket, key, failure);
                                return null;
                            });
                })
                .invoke(() -> LOG.infof("legal hold of case %s on %s/%s released", caseNumber, bucket, key))
                .chain(() -> state(district, key))
                .onFailure(f -> !(f instanceof ProblemException)).transform(StorageService::unavailable);
    }

    /** The platform's hold records of an object, in case-number order (empty: not held). */
    public Uni<List<HoldRecord>> records(String district, ObjectKey key) {
        String bucket = store.bucket(district);
        String prefix = recordPrefix(key);
        return store.list(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build(),
                        item -> !item.isDir() && item.objectName().startsWith(prefix), Integer.MAX_VALUE - 1)
                .onItem().transformToMulti(listing -> Multi.createFrom().iterable(listing.items()))
                .onItem().transformToUniAndConcatenate(item -> read(bucket, item.objectName()))
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList()
                .map(list -> list.stream().sorted(Comparator.comparing(HoldRecord::caseNumber)).toList());
    }

    /** What holds the object and, where object lock is supported, what the store keeps on it (read back). */
    public Uni<ObjectHoldState> state(String district, ObjectKey key) {
        String bucket = store.bucket(district);
        ObjectLockSupport support = lock.support();
        return records(district, key).chain(records -> {
            List<String> cases = records.stream().map(HoldRecord::caseNumber).toList();
            if (support != ObjectLockSupport.SUPPORTED) {
                return Uni.createFrom().item(new ObjectHoldState(key, cases, false, Optional.empty(), support));
            }
            return readLock(bucket, key).map(applied -> new ObjectHoldState(key, cases, applied.legalHold(),
                    applied.retainUntil(), support));
        });
    }

    /** What the store keeps on an object: its S3 legal hold and retention date. */
    record Applied(boolean legalHold, Optional<Instant> retainUntil) {
    }

    private Uni<Applied> applyLock(String bucket, ObjectKey key, Optional<Instant> retainUntil) {
        Uni<Void> retention = retainUntil.filter(until -> until.isAfter(Instant.now()))
                .map(until -> store.retention(bucket, key).chain(current -> current.isPresent()
                        && !current.get().isBefore(until) ? Uni.createFrom().voidItem()
                        : store.retainUntil(bucket, key, until)))
                .orElse(Uni.createFrom().voidItem());
        return store.legalHold(bucket, key, true)
                .chain(() -> retention)
                .chain(() -> readLock(bucket, key))
                .onFailure(f -> ObjectStore.errorCode(f).isPresent()).recoverWithItem(failure -> {
                    // A store that supports object lock but refuses it for this object (e.g. a bucket made
                    // without object lock): the platform's record is the protection, the answer says so.
                    LOG.warnf("the store refused object lock on %s/%s (%s); the hold is the platform's alone",
                            bucket, key, failure);
                    return new Applied(false, Optional.empty());
                });
    }

    private Uni<Applied> readLock(String bucket, ObjectKey key) {
        return store.legalHold(bucket, key)
                .onFailure(f -> ObjectStore.errorCode(f).isPresent()).recoverWithItem(false)
                .chain(on -> store.retention(bucket, key)
                        .onFailure(f -> ObjectStore.errorCode(f).isPresent()).recoverWithItem(Optional.empty())
                        .map(until -> new Applied(on, until)));
    }

    private Uni<Optional<HoldRecord>> read(String bucket, String name) {
        return store.getSmall(bucket, name).map(content -> content.map(bytes -> {
            try {
                return json.readValue(bytes, HoldRecord.class);
            } catch (IOException e) {
                // Still a hold: an unreadable record keeps the object from deletion, and says so.
                LOG.errorf("the hold record %s/%s is unreadable: %s", bucket, name, e.toString());
                return new HoldRecord(null, "(unreadable hold record " + name + ")", null, null, null, false, null,
                        null);
            }
        }));
    }

    private Uni<Void> write(String bucket, String name, HoldRecord record) {
        byte[] content;
        try {
            content = json.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store.putSmall(bucket, name, content, "application/json");
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
