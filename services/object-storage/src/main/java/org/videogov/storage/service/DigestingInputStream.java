package org.videogov.storage.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.videogov.storage.domain.Sha256;

/**
 * The upload's bytes on their way to the store: counted and digested (SHA-256) as they pass, and
 * cut off with {@link TooLarge} once more than {@code limit} bytes arrived. Holds no buffer of its own.
 */
final class DigestingInputStream extends FilterInputStream {

    /** More bytes than the limit arrived. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the object exceeds " + limit + " bytes");
        }
    }

    private final MessageDigest digest = Sha256.digester();
    private final long limit;
    private long count;
    private Sha256 sha256;

    DigestingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported: every byte is digested");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new TooLarge(limit);
        }
    }

    long count() {
        return count;
    }

    /** The SHA-256 of every byte read; the stream is finished once it is asked (asked again: the same). */
    synchronized Sha256 sha256() {
        if (sha256 == null) {
            sha256 = Sha256.of(digest);
        }
        return sha256;
    }
}
