package dev.tlsrpt.internal;

import dev.tlsrpt.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The bytes under the JSON parser: gzip sniffed from the first two bytes and inflated member by member
 * ({@link Gunzip}), a UTF-8 byte order mark skipped, UTF-16 and UTF-32 refused, UTF-8 validated and both byte
 * limits counted as the bytes go by ({@link JsonCheck}). Never closes the caller's stream.
 *
 * <p>Gzip input is inflated in chunks of {@value InflaterThread#CHUNK} bytes of JSON; once more than
 * {@link ParseOptions#parallelInflateThreshold()} compressed bytes have been read, the following chunks are
 * inflated and checked on an {@link InflaterThread} while the parser reads the ones before. The caller's
 * stream is read on the calling thread either way. A fault (a byte limit, broken gzip, invalid UTF-8, the
 * caller's stream failing) is thrown by the read that would deliver its first byte, after every byte before it:
 * the same error at the same place on one thread or two.
 */
final class Input extends InputStream {
    /** The first buffers: small, so that a small report allocates little; a larger one gets CHUNK bytes. */
    private static final int SMALL = InflaterThread.SMALL_CHUNK;

    private final InputStream in;
    private final long maxCompressed;
    private long compressedRead;
    private @Nullable InputFault compressedFault;
    private final long threshold;

    private final @Nullable Gunzip gunzip;
    private final JsonCheck check;
    private @Nullable InflaterThread thread;

    /** The bytes being delivered: {@code stage[stagePos..stageLen)}; {@code after} them, the end or a failure. */
    private byte[] stage;
    private int stagePos;
    private int stageLen;
    /** The offset in the JSON of {@code stage[0]}. */
    private long stageStart;
    private @Nullable Object after;
    /** The chunk the calling thread fills when inflating itself. */
    private byte[] own;

    /** Whether to keep the line and column of the JSON delivered, to locate a UTF-8 fault. */
    private final boolean locating;
    private final Position position = new Position();
    private boolean closed;

    private Input(InputStream in, ParseOptions options, boolean locating) throws IOException {
        this.in = in;
        this.locating = locating;
        this.maxCompressed = options.maxCompressedBytes();
        this.threshold = locating ? Long.MAX_VALUE : options.parallelInflateThreshold();
        byte[] first = ThreadBuffers.bytes();
        int n = 0;
        while (n < 2) {
            int r = readCaller(first, n, first.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        boolean gzip = n >= 2 && (first[0] & 0xff) == 0x1f && (first[1] & 0xff) == 0x8b;
        this.check = new JsonCheck(options.maxDecompressedBytes(), gzip);
        if (gzip) {
            Gunzip g = new Gunzip(this::readCaller, first, n);
            gunzip = g;
            try {
                g.start();
            } catch (IOException | RuntimeException e) {
                g.end(); // nobody will close an input that failed to open
                throw e;
            }
            own = ThreadBuffers.bytes();
            stage = own;
            stageLen = sniffGzip(g);
        } else {
            gunzip = null;
            own = first;
            stage = own;
            while (n < 6) {
                int r = readCaller(first, n, first.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            stageLen = n;
        }
        int skip;
        try {
            skip = sniffText(stage, Math.min(stageLen, 6));
        } catch (InputFault e) {
            close();
            throw e;
        }
        int good = check.check(stage, 0, stageLen);
        InputFault f = check.fault();
        if (f == null && after == InflaterThread.END) {
            f = check.atEnd();
        }
        if (f != null) {
            after = new InflaterThread.Failure(f);
        }
        stageLen = good;
        stagePos = Math.min(skip, good);
    }

    /**
     * The first bytes of gzip input, up to six (what {@link #sniffText} looks at), inflated on the calling
     * thread in calls of exactly the size still missing; a failure is kept for its turn.
     */
    private int sniffGzip(Gunzip g) {
        int n = 0;
        try {
            while (n < 6) {
                int r = g.inflate(stage, n, 6 - n);
                if (r < 0) {
                    after = InflaterThread.END;
                    break;
                }
                n += r;
            }
        } catch (Throwable e) { // thrown in its turn, after the bytes before it
            after = new InflaterThread.Failure(e);
        }
        return n;
    }

    /** Opens the decompressed, validated JSON bytes of {@code in}. */
    static Input open(InputStream in, ParseOptions options) throws IOException {
        return open(in, options, false);
    }

    /**
     * Opens the decompressed, validated JSON bytes of {@code in}; when {@code locating}, a UTF-8 fault carries
     * the line and column (bytes, 1-based, after a byte order mark) of the byte found wrong, at the cost of
     * looking at every byte delivered for line breaks (the parser, which reads ahead, does without). A locating
     * input inflates on the calling thread only: its reader may leave it unclosed.
     */
    static Input open(InputStream in, ParseOptions options, boolean locating) throws IOException {
        return new Input(in, options, locating);
    }

    boolean isGzip() {
        return gunzip != null;
    }

    /** Looks at the first bytes of text: refuses UTF-16/32; returns how many bytes of UTF-8 BOM to skip. */
    private static int sniffText(byte[] first, int n) {
        int b0 = n > 0 ? first[0] & 0xff : -1;
        int b1 = n > 1 ? first[1] & 0xff : -1;
        int b2 = n > 2 ? first[2] & 0xff : -1;
        if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) {
            throw new InputFault("the report is UTF-16 or UTF-32 (it starts with a byte order mark); RFC 8460 "
                    + "reports are I-JSON, which must be UTF-8");
        }
        for (int i = 0; i < n; i++) {
            if (first[i] == 0) {
                throw new InputFault("the report is not UTF-8 (a NUL byte in its first bytes: UTF-16 or UTF-32?);"
                        + " RFC 8460 reports are I-JSON, which must be UTF-8");
            }
        }
        int skip = b0 == 0xef && b1 == 0xbb && b2 == 0xbf ? 3 : 0;
        if (skip == 3 && n == 6 && (first[3] & 0xff) == 0xef && (first[4] & 0xff) == 0xbb
                && (first[5] & 0xff) == 0xbf) {
            // Jackson would skip this second one too: U+FEFF is not JSON white space
            throw new InputFault("two UTF-8 byte order marks: U+FEFF is not JSON white space");
        }
        return skip;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the report's input is closed"); // its buffers may be another parse's now
        }
        if (len == 0) {
            return 0;
        }
        try {
            while (stagePos == stageLen) {
                if (!refill()) {
                    return -1;
                }
            }
        } catch (InputFault f) {
            throw located(f);
        }
        int n = Math.min(len, stageLen - stagePos);
        System.arraycopy(stage, stagePos, b, off, n);
        if (locating) {
            advance(stage, stagePos, stagePos + n);
        }
        stagePos += n;
        return n;
    }

    /**
     * Makes the next bytes the stage; false at the end of the JSON.
     *
     * @throws InputFault, IOException, or whatever else stopped the input, in its turn
     */
    private boolean refill() throws IOException {
        Object a = after;
        if (a != null) {
            if (a == InflaterThread.END) {
                return false;
            }
            throw InflaterThread.rethrow(a);
        }
        Gunzip g = gunzip;
        InflaterThread.Chunk c;
        if (g == null) {
            if (own.length < InflaterThread.CHUNK && compressedRead >= InflaterThread.LARGE_AFTER) {
                own = new byte[InflaterThread.CHUNK];
            }
            long start = check.offset();
            int n = readCaller(own, 0, own.length);
            if (n < 0) {
                InputFault f = check.atEnd();
                after = f != null ? new InflaterThread.Failure(f) : InflaterThread.END;
                return true;
            }
            c = new InflaterThread.Chunk(own, check.check(own, 0, n), null);
            InputFault f = check.fault();
            if (f != null) {
                c = new InflaterThread.Chunk(own, c.length(), new InflaterThread.Failure(f));
            }
            stageStart = start;
        } else {
            InflaterThread t = thread;
            if (t == null && compressedRead > threshold) {
                t = new InflaterThread(g, check, this::readCaller);
                thread = t;
            }
            if (t != null) {
                c = t.next();
            } else {
                int size = InflaterThread.chunkSize(check);
                if (own.length < size) {
                    own = new byte[size];
                }
                stageStart = check.offset();
                c = InflaterThread.fill(g, check, own, size);
            }
        }
        stage = c.bytes();
        stagePos = 0;
        stageLen = c.length();
        after = c.after();
        return true;
    }

    /**
     * Reads the caller's stream, counting its bytes against {@code maxCompressedBytes}: the bytes up to the
     * limit are returned, the read after them throws.
     */
    private int readCaller(byte[] b, int off, int len) throws IOException {
        InputFault f = compressedFault;
        if (f != null) {
            throw f;
        }
        int r = in.read(b, off, len);
        if (r <= 0) {
            return r;
        }
        if (r > maxCompressed - compressedRead) {
            compressedFault = new InputFault("the input is larger than " + maxCompressed + " bytes",
                    "maxCompressedBytes", maxCompressed);
            r = (int) (maxCompressed - compressedRead);
            compressedRead = maxCompressed;
            if (r == 0) {
                throw compressedFault;
            }
            return r;
        }
        compressedRead += r;
        return r;
    }

    /**
     * The fault located at its byte, when locating and the fault is a byte's: past the bytes delivered, and
     * past those of the broken character before it (held back, but still in the stage).
     */
    private InputFault located(InputFault f) {
        if (!locating || !f.atByte) {
            return f;
        }
        Position p = new Position(position);
        for (long at = stageStart + stagePos; at < f.offset && at - stageStart < stage.length; at++) {
            p.step(stage[(int) (at - stageStart)]);
        }
        return new InputFault(String.valueOf(f.getMessage()), p.line, (int) Math.min(p.column, Integer.MAX_VALUE));
    }

    /** Moves the line and column past {@code b[from..to)}, delivered. */
    private void advance(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            position.step(b[i]);
        }
    }

    /** A line and column (bytes, 1-based) in the JSON; CRLF is one line break. */
    private static final class Position {
        int line = 1;
        long column = 1;
        boolean afterCr;

        Position() {
        }

        Position(Position p) {
            line = p.line;
            column = p.column;
            afterCr = p.afterCr;
        }

        void step(byte x) {
            if (x == '\n' && afterCr) {
                afterCr = false;
            } else if (x == '\n' || x == '\r') {
                line++;
                column = 1;
                afterCr = x == '\r';
            } else {
                column++;
                afterCr = false;
            }
        }
    }

    /**
     * Stops the inflater thread, if one was started, and frees the inflater; gives the first buffers back to the
     * thread's {@link ThreadBuffers} when no inflater thread ever held them; leaves the caller's stream open.
     * Idempotent; nothing can be read after it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        InflaterThread t = thread;
        if (t != null) {
            t.close();
        }
        Gunzip g = gunzip;
        if (g != null) {
            g.end();
        }
        if (t == null) {
            ThreadBuffers.giveBack(own);
            if (g != null) {
                ThreadBuffers.giveBack(g.buffer());
            }
        }
    }

    static String shortText(@Nullable String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
