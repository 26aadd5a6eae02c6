package org.videogov.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * Who created a stored record and when: the audit fields of a record that is written once and then
 * only moves through states its repository sets (an import job). Records that are changed after
 * they are created extend {@link AuditedEntity}, which adds the last change and the version.
 */
@MappedSuperclass
public abstract class CreatedRecord {

    /** The verified caller's user name (or the service account) that created the record. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Stamps a new record: created by {@code by} at {@code at}. */
    public void created(String by, OffsetDateTime at) {
        this.createdBy = by;
        this.createdAt = at;
    }
}
