package org.videogov.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * The audit fields every record that changes after its creation carries: who created it and when
 * ({@link CreatedRecord}), when it last changed, and its optimistic-lock version. Entities extend
 * this class instead of repeating the four columns ({@code created_by}, {@code created_at},
 * {@code updated_at}, {@code version}).
 *
 * <p>The service layer stamps them through {@link #created(String, OffsetDateTime)} and
 * {@link #touched(OffsetDateTime)} with the time from {@code common.time.Timestamps}, so every row
 * written by one command carries the same instant.
 */
@MappedSuperclass
public abstract class AuditedEntity extends CreatedRecord {

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Optimistic lock: a concurrent change to the same record fails instead of being lost. */
    @Version
    public long version;

    /** Stamps a new record: created and last updated by {@code by} at {@code at}. */
    @Override
    public void created(String by, OffsetDateTime at) {
        super.created(by, at);
        this.updatedAt = at;
    }

    /** Stamps a change to an existing record. */
    public void touched(OffsetDateTime at) {
        this.updatedAt = at;
    }
}
