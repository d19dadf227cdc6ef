package dev.tlsrpt.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A prototype: the decompressed bytes of a gzip stream, inflated on a second thread that runs ahead of the
 * reader through a bounded queue of byte chunks (by default 4 chunks of 64 KiB, so at most 320 KiB in
 * flight). Handed to {@code TlsRpt.stream} this looks like plain JSON, so the parser and the inflater run
 * on two cores at once.
 *
 * <p>The first {@code inlineBytes} (by default 1 MiB) of JSON are inflated on the reader's thread, as
 * {@link GZIPInputStream} would: a small report (nearly all reports) never pays for a thread. Only a
 * larger one starts the inflating thread, which goes on from there with the same inflater.
 *
 * <p>Errors of the inflating thread (broken gzip, a failing source) are rethrown by {@link #read} in
 * order, after the bytes before them. {@link #close()} stops the thread and waits for it, so a reader that
 * gives up leaves no thread behind. The inflater is ended at the end of the data, on an error and on
 * close. Does not close the source stream.
 */
public final class InflatingThreadInputStream extends InputStream {

    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private final InputStream source;
    private final int chunkSize;
    private final int chunks;
    private final long inlineBytes;
    private @Nullable GZIPInputStream gzip;
    private long inlined;
    private boolean inlineEnded;

    private @Nullable BlockingQueue<Chunk> full;
    private @Nullable BlockingQueue<byte[]> free;
    private @Nullable Thread thread;
    private @Nullable Chunk current;
    private int position;
    private boolean closed;
    private volatile boolean stopped;

    private record Chunk(byte[] bytes, int length, @Nullable Throwable error) {
    }

    /**
     * Reads {@code compressed} with 4 chunks of 64 KiB, starting the inflating thread after 1 MiB of JSON.
     *
     * @param compressed the gzip stream
     */
    public InflatingThreadInputStream(InputStream compressed) {
        this(compressed, 1 << 16, 4, 1 << 20);
    }

    /**
     * Reads {@code compressed} with the given chunks.
     *
     * @param compressed the gzip stream
     * @param chunkSize the bytes per chunk
     * @param chunks how many chunks may wait for the reader
     * @param inlineBytes how many bytes of JSON to inflate on the reader's thread before starting the
     *     inflating thread (0: start it at the first read)
     */
    public InflatingThreadInputStream(InputStream compressed, int chunkSize, int chunks, long inlineBytes) {
        this.source = new FilterInputStream(Objects.requireNonNull(compressed, "compressed")) {
            @Override
            public void close() {
                // ending the inflater must not close the caller's stream
            }
        };
        if (chunkSize <= 0 || chunks <= 0 || inlineBytes < 0) {
            throw new IllegalArgumentException("chunkSize and chunks must be positive, inlineBytes >= 0");
        }
        this.chunkSize = chunkSize;
        this.chunks = chunks;
        this.inlineBytes = inlineBytes;
    }

    private GZIPInputStream gzip() throws IOException {
        GZIPInputStream g = gzip;
        if (g == null) {
            g = new GZIPInputStream(source, Readers.BUFFER);
            gzip = g;
        }
        return g;
    }

    private void startThread(GZIPInputStream g) {
        BlockingQueue<Chunk> fullQueue = new ArrayBlockingQueue<>(chunks + 1);
        BlockingQueue<byte[]> freeQueue = new ArrayBlockingQueue<>(chunks + 1);
        for (int i = 0; i < chunks + 1; i++) {
            freeQueue.add(new byte[chunkSize]);
        }
        full = fullQueue;
        free = freeQueue;
        Thread t = new Thread(() -> inflate(g, fullQueue, freeQueue), "tlsrpt-inflate");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void inflate(GZIPInputStream g, BlockingQueue<Chunk> fullQueue, BlockingQueue<byte[]> freeQueue) {
        try (g) {
            try {
                while (true) {
                    byte[] buffer = freeQueue.take();
                    if (stopped) {
                        return;
                    }
                    int n = g.readNBytes(buffer, 0, buffer.length);
                    if (n > 0) {
                        fullQueue.put(new Chunk(buffer, n, null));
                    }
                    if (n < buffer.length) {
                        fullQueue.put(END);
                        return;
                    }
                }
            } catch (Throwable e) { // every failure must reach the reader, or it waits forever
                fullQueue.put(new Chunk(new byte[0], 0, e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // ending the inflater failed: nothing left to tell
        }
    }

    private @Nullable Chunk next() throws IOException {
        Chunk c = current;
        if (c != null && position < c.length()) {
            return c;
        }
        if (c == END) {
            return null;
        }
        BlockingQueue<Chunk> fullQueue = Objects.requireNonNull(full);
        if (c != null) {
            Objects.requireNonNull(free).add(c.bytes());
        }
        try {
            c = fullQueue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the inflating thread");
        }
        current = c;
        position = 0;
        Throwable error = c.error();
        if (error != null) {
            current = END;
            if (error instanceof IOException io) {
                throw io;
            }
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) error;
        }
        return c == END ? null : c;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (thread == null) {
            if (inlineEnded) {
                return -1;
            }
            GZIPInputStream g = gzip();
            if (inlined < inlineBytes) {
                int n;
                try {
                    n = g.read(b, off, (int) Math.min(len, inlineBytes - inlined));
                } catch (IOException | RuntimeException e) {
                    inlineEnded = true;
                    g.close();
                    throw e;
                }
                if (n < 0) {
                    inlineEnded = true;
                    g.close();
                    return -1;
                }
                inlined += n;
                return n;
            }
            startThread(g);
        }
        Chunk c = next();
        if (c == null) {
            return -1;
        }
        int n = Math.min(len, c.length() - position);
        System.arraycopy(c.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    /**
     * Stops the inflating thread and waits for it to end: it finishes the chunk it is inflating, sees the
     * stop and ends. The thread is not interrupted (an interrupt would close an interruptible source, such as
     * a file channel, under the caller).
     *
     * @throws InterruptedIOException when interrupted while waiting (the thread still ends soon after)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Thread t = thread;
        if (t == null) {
            GZIPInputStream g = gzip;
            if (g != null) {
                g.close();
            }
            return;
        }
        stopped = true;
        Objects.requireNonNull(full).clear();               // wakes a thread blocked in put
        Objects.requireNonNull(free).offer(new byte[1]);    // wakes a thread blocked in take
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the inflating thread");
        }
    }

    /**
     * Whether the inflating thread was started and is still running (for tests).
     *
     * @return true until it has ended
     */
    boolean threadAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /**
     * Whether the inflating thread was ever started (for tests).
     *
     * @return true once the first {@code inlineBytes} have been read
     */
    boolean threadStarted() {
        return thread != null;
    }
}
