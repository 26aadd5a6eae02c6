package org.videogov.storage.evidence;

import com.google.protobuf.ByteString;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.videogov.proto.storage.v1.PackageChunk;

/**
 * The package's bytes as {@link PackageChunk}s of at most {@value #CHUNK} bytes: a chunk is emitted
 * when full (after the transport is ready for it), the rest with the last chunk. A cancelled call
 * stops the writing with an {@link IOException}.
 */
final class ChunkStream extends OutputStream {

    static final int CHUNK = 1024 * 1024;

    private final MultiEmitter<? super PackageChunk> emitter;
    private final CallReadiness.Readiness readiness;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;

    ChunkStream(MultiEmitter<? super PackageChunk> emitter, CallReadiness.Readiness readiness) {
        this.emitter = emitter;
        this.readiness = readiness;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == CHUNK) {
                emit(PackageChunk.newBuilder().setData(ByteString.copyFrom(buffer, 0, filled)).build());
                filled = 0;
            }
        }
    }

    /** Emits what is left with the last chunk's fields. */
    void last(PackageChunk.Builder last) throws IOException {
        emit(last.setData(ByteString.copyFrom(buffer, 0, filled)).setLast(true).build());
        filled = 0;
    }

    private void emit(PackageChunk chunk) throws IOException {
        if (emitter.isCancelled()) {
            throw new IOException("the caller cancelled the export");
        }
        if (readiness != null) {
            try {
                readiness.awaitReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the caller was not ready");
            }
        }
        emitter.emit(chunk);
    }
}
