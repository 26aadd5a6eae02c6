package org.videogov.storage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What holds an object now and what the store keeps on it (Article 5 of the measures).
 *
 * @param key              the object
 * @param caseNumbers      the cases holding it (empty: not held), in case-number order
 * @param storeLegalHold   whether the store's own S3 legal hold is ON (false without object lock)
 * @param storeRetainUntil the store's retention date, where object lock applied one
 * @param objectLock       what the start-up probe found
 */
public record ObjectHoldState(ObjectKey key, List<String> caseNumbers, boolean storeLegalHold,
                              Optional<Instant> storeRetainUntil, ObjectLockSupport objectLock) {
}
