package dev.tlsrpt.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile inputs made lazily: streams of gigabytes that never exist in memory, gzip bombs deflated on the
 * fly, and the measuring of the bytes a thread allocates. Public so that the other modules' tests (schema,
 * mail) reach it through core's test-jar (a package of its own: dev.tlsrpt belongs to core's module).
 */
public final class HostileStreams {
    /** One gibibyte. */
    public static final long GIB = 1024L * 1024 * 1024;
    /** One mebibyte. */
    public static final long MIB = 1024L * 1024;

    private HostileStreams() {
    }

    /**
     * The UTF-8 bytes of a string.
     *
     * @param s the text
     * @return its bytes
     */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A stream of {@code count} copies of {@code unit}, produced as it is read.
     *
     * @param unit the repeated bytes, not empty
     * @param count how many copies
     * @return the stream
     */
    public static InputStream repeat(byte[] unit, long count) {
        return new RepeatingStream(unit, count);
    }

    /**
     * A stream of {@code count} copies of {@code unit} (UTF-8), produced as it is read.
     *
     * @param unit the repeated text, not empty
     * @param count how many copies
     * @return the stream
     */
    public static InputStream repeat(String unit, long count) {
        return repeat(utf8(unit), count);
    }

    /**
     * Streams one after the other.
     *
     * @param parts the streams
     * @return their concatenation
     */
    public static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }

    /**
     * A stream of the UTF-8 bytes of a string.
     *
     * @param s the text
     * @return the stream
     */
    public static InputStream text(String s) {
        return new ByteArrayInputStream(utf8(s));
    }

    /**
     * {@code prefix}, then {@code count} copies of {@code unit}, then {@code suffix}, all lazily.
     *
     * @param prefix text before
     * @param unit repeated text
     * @param count copies of {@code unit}
     * @param suffix text after
     * @return the stream
     */
    public static InputStream sandwich(String prefix, String unit, long count, String suffix) {
        return concat(text(prefix), repeat(unit, count), text(suffix));
    }

    /**
     * A single-member gzip stream of {@code plain}, deflated while it is read (maximum compression), so
     * that a gigabyte of repetitive content is a gzip stream of about a megabyte that never exists whole.
     *
     * @param plain the uncompressed content
     * @return the gzip stream
     */
    public static InputStream gzipLazily(InputStream plain) {
        CRC32 crc = new CRC32();
        long[] size = new long[1];
        InputStream counted = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = plain.read(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    size[0] += n;
                }
                return n;
            }
        };
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff};
        InputStream deflated = new DeflaterInputStream(counted, new Deflater(Deflater.BEST_COMPRESSION, true),
                64 * 1024);
        InputStream trailer = new InputStream() {
            private byte @org.jspecify.annotations.Nullable [] bytes;
            private int pos;

            @Override
            public int read() {
                if (bytes == null) {
                    long c = crc.getValue();
                    long s = size[0];
                    bytes = new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
                        (byte) s, (byte) (s >>> 8), (byte) (s >>> 16), (byte) (s >>> 24)};
                }
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }
        };
        return concat(new ByteArrayInputStream(header), deflated, trailer);
    }

    /**
     * The gzip bytes of {@code data} (one member).
     *
     * @param data uncompressed bytes
     * @return gzip bytes
     */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The gzip bytes of a string's UTF-8 (one member).
     *
     * @param s text
     * @return gzip bytes
     */
    public static byte[] gzip(String s) {
        return gzip(utf8(s));
    }

    /**
     * A one-member gzip stream (as {@link #gzip(byte[])} writes it, no optional header fields) given the
     * FHCRC flag and a header CRC16 (RFC 1952 section 2.3.1: the low 16 bits of the CRC-32 of the header
     * bytes before it), plus {@code delta}: 0 for the right value, anything else for a wrong one.
     *
     * @param gz gzip bytes with the plain 10-byte header
     * @param delta added to the right CRC16
     * @return the gzip bytes with FHCRC
     */
    public static byte[] withHeaderCrc(byte[] gz, int delta) {
        if (gz.length < 18 || gz[3] != 0) {
            throw new IllegalArgumentException("expected a plain 10-byte gzip header");
        }
        byte[] header = Arrays.copyOf(gz, 10);
        header[3] = 2; // FHCRC
        CRC32 crc = new CRC32();
        crc.update(header);
        int crc16 = (int) (crc.getValue() + delta) & 0xffff;
        return join(header, new byte[] {(byte) crc16, (byte) (crc16 >>> 8)}, Arrays.copyOfRange(gz, 10, gz.length));
    }

    /**
     * Byte arrays joined.
     *
     * @param parts the arrays
     * @return their concatenation
     */
    public static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * The first {@code n} bytes.
     *
     * @param data the bytes
     * @param n how many to keep
     * @return the prefix
     */
    public static byte[] head(byte[] data, int n) {
        return Arrays.copyOf(data, n);
    }

    /**
     * The bytes the current thread has allocated on the heap so far (HotSpot's per-thread counter).
     *
     * @return allocated bytes, monotonic
     */
    public static long allocatedBytes() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static final class RepeatingStream extends InputStream {
        private final byte[] unit;
        private long remaining;
        private int pos;

        RepeatingStream(byte[] unit, long count) {
            if (unit.length == 0) {
                throw new IllegalArgumentException("unit is empty");
            }
            this.unit = unit.clone();
            this.remaining = Math.multiplyExact(count, (long) unit.length);
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            int b = unit[pos] & 0xff;
            pos = (pos + 1) % unit.length;
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = unit[pos];
                if (++pos == unit.length) {
                    pos = 0;
                }
            }
            remaining -= n;
            return n;
        }
    }
}
