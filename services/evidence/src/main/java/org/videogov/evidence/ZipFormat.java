package org.videogov.evidence;

/**
 * The one ZIP layout of evidence packages, fixed byte for byte so that the verifier can require every
 * byte of a package to be what a package writer writes (changing any byte fails verification):
 * every entry STORED (no compression: the bytes in the ZIP are the file's bytes), UTF-8 names, the
 * time 1980-01-01 00:00, ZIP64 always (local header with sizes 0xFFFFFFFF and a zero ZIP64 extra
 * field, then the data, then a ZIP64 data descriptor with the CRC-32 and the sizes), a central
 * directory with the sizes and offsets in ZIP64 extra fields, a ZIP64 end record, its locator and an
 * end record without comment. Readers: {@code java.util.zip.ZipFile}, Info-ZIP's unzip, Python's
 * zipfile (not {@code ZipInputStream}, which refuses STORED entries with a data descriptor).
 */
final class ZipFormat {

    static final int LOCAL = 0x04034b50;
    static final int DESCRIPTOR = 0x08074b50;
    static final int CENTRAL = 0x02014b50;
    static final int END64 = 0x06064b50;
    static final int LOCATOR64 = 0x07064b50;
    static final int END = 0x06054b50;

    /** Version 4.5 (ZIP64), made by MS-DOS (0) so that no file attributes apply. */
    static final int VERSION = 45;
    /** Bit 3 (sizes in the data descriptor) and bit 11 (UTF-8 names). */
    static final int FLAGS = 0x0808;
    static final int STORED = 0;
    static final int DOS_TIME = 0;
    /** 1980-01-01. */
    static final int DOS_DATE = (1 << 5) | 1;
    static final long MAGIC32 = 0xFFFFFFFFL;
    static final int MAGIC16 = 0xFFFF;
    static final int ZIP64_EXTRA = 0x0001;

    static final int LOCAL_FIXED = 30;
    static final int LOCAL_EXTRA = 20;
    static final int DESCRIPTOR_SIZE = 24;
    static final int CENTRAL_FIXED = 46;
    static final int CENTRAL_EXTRA = 28;
    static final int END64_SIZE = 56;
    static final int LOCATOR64_SIZE = 20;
    static final int END_SIZE = 22;
    /** The longest entry name. */
    static final int MAX_NAME = 255;

    private ZipFormat() {
    }

    /** Little-endian fields into a byte array. */
    static final class Bytes {
        private final byte[] b;
        private int at;

        Bytes(int size) {
            b = new byte[size];
        }

        Bytes u16(int v) {
            b[at++] = (byte) v;
            b[at++] = (byte) (v >>> 8);
            return this;
        }

        Bytes u32(long v) {
            for (int i = 0; i < 4; i++) {
                b[at++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        Bytes u64(long v) {
            for (int i = 0; i < 8; i++) {
                b[at++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        Bytes raw(byte[] v) {
            System.arraycopy(v, 0, b, at, v.length);
            at += v.length;
            return this;
        }

        byte[] done() {
            if (at != b.length) {
                throw new IllegalStateException("wrote " + at + " of " + b.length + " bytes");
            }
            return b;
        }
    }

    static byte[] localHeader(byte[] name) {
        return new Bytes(LOCAL_FIXED + name.length + LOCAL_EXTRA)
                .u32(LOCAL).u16(VERSION).u16(FLAGS).u16(STORED).u16(DOS_TIME).u16(DOS_DATE)
                .u32(0).u32(MAGIC32).u32(MAGIC32).u16(name.length).u16(LOCAL_EXTRA)
                .raw(name)
                .u16(ZIP64_EXTRA).u16(16).u64(0).u64(0)
                .done();
    }

    static byte[] descriptor(long crc, long size) {
        return new Bytes(DESCRIPTOR_SIZE).u32(DESCRIPTOR).u32(crc).u64(size).u64(size).done();
    }

    static byte[] centralHeader(byte[] name, long crc, long size, long offset) {
        return new Bytes(CENTRAL_FIXED + name.length + CENTRAL_EXTRA)
                .u32(CENTRAL).u16(VERSION).u16(VERSION).u16(FLAGS).u16(STORED).u16(DOS_TIME).u16(DOS_DATE)
                .u32(crc).u32(MAGIC32).u32(MAGIC32).u16(name.length).u16(CENTRAL_EXTRA).u16(0)
                .u16(0).u16(0).u32(0).u32(MAGIC32)
                .raw(name)
                .u16(ZIP64_EXTRA).u16(24).u64(size).u64(size).u64(offset)
                .done();
    }

    static byte[] end(long entries, long centralSize, long centralOffset) {
        long end64Offset = centralOffset + centralSize;
        return new Bytes(END64_SIZE + LOCATOR64_SIZE + END_SIZE)
                .u32(END64).u64(END64_SIZE - 12).u16(VERSION).u16(VERSION).u32(0).u32(0)
                .u64(entries).u64(entries).u64(centralSize).u64(centralOffset)
                .u32(LOCATOR64).u32(0).u64(end64Offset).u32(1)
                .u32(END).u16(0).u16(0).u16(MAGIC16).u16(MAGIC16).u32(MAGIC32).u32(MAGIC32).u16(0)
                .done();
    }
}
