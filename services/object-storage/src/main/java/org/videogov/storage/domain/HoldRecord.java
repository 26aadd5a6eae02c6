package org.videogov.storage.domain;

import java.time.Instant;

/**
 * The platform's record of one case's legal hold on one object (Article 5 of the measures: held
 * evidence is kept), stored beside the object in the district's bucket under
 * {@link ObjectKey#RESERVED_PREFIX}: which case holds it since when, the retention the holder asked
 * for, and what the store itself applied (its S3 legal hold and retention, where object lock is
 * supported) and when.
 *
 * @param key              the held object's key
 * @param caseNumber       the hold's case number
 * @param heldAt           when the hold was first placed
 * @param retainUntil      the retention the holder asked for, or null
 * @param objectLock       what the start-up probe found when the hold was (last) placed
 * @param storeLegalHold   whether the store's S3 legal hold was ON after the hold was applied
 * @param storeRetainUntil the store's retention date after the hold was applied, or null
 * @param appliedAt        when the store's object lock was last applied (null where it was not)
 */
public record HoldRecord(String key, String caseNumber, Instant heldAt, Instant retainUntil, ObjectLockSupport objectLock,
                         boolean storeLegalHold, Instant storeRetainUntil, Instant appliedAt) {
}
