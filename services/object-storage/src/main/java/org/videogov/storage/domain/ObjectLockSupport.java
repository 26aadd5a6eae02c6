package org.videogov.storage.domain;

/**
 * Whether the S3 server keeps a legal hold and retention on the object itself (S3 object lock), as
 * the start-up probe found it. Held evidence (Article 5 of the measures: recordings kept and
 * protected) gets object-lock protection only where it is SUPPORTED; the platform refuses deletes of
 * held objects itself in every case.
 */
public enum ObjectLockSupport {
    /** The server created a bucket with object lock and answered its lock configuration. */
    SUPPORTED,
    /** The server refused the object-lock calls (S3Proxy: 501 NotImplemented). */
    NOT_SUPPORTED,
    /** The probe could not reach the server; probed again by the readiness check. */
    UNKNOWN
}
