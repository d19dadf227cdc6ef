package dev.tlsrpt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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
 * <p>Errors of the inflating thread (broken gzip, a failing source) are rethrown by {@link #read} in
 * order, after the bytes before them. {@link #close()} stops the thread and waits for it, so a reader that
 * gives up leaves no thread behind. Does not close the source stream.
 */
public final class InflatingThreadInputStream extends InputStream {

    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private final BlockingQueue<Chunk> full;
    private final BlockingQueue<byte[]> free;
    private final Thread thread;
    private @Nullable Chunk current;
    private int position;
    private boolean closed;
    private volatile boolean stopped;

    private record Chunk(byte[] bytes, int length, @Nullable Throwable error) {
    }

    /**
     * Starts inflating {@code compressed} on a new daemon thread with 4 chunks of 64 KiB.
     *
     * @param compressed the gzip stream; read only by the inflating thread
     */
    public InflatingThreadInputStream(InputStream compressed) {
        this(compressed, 1 << 16, 4);
    }

    /**
     * Starts inflating {@code compressed} on a new daemon thread.
     *
     * @param compressed the gzip stream; read only by the inflating thread
     * @param chunkSize the bytes per chunk
     * @param chunks how many chunks may wait for the reader
     */
    public InflatingThreadInputStream(InputStream compressed, int chunkSize, int chunks) {
        full = new ArrayBlockingQueue<>(chunks + 1);
        free = new ArrayBlockingQueue<>(chunks + 1);
        for (int i = 0; i < chunks + 1; i++) {
            free.add(new byte[chunkSize]);
        }
        thread = new Thread(() -> inflate(compressed), "tlsrpt-inflate");
        thread.setDaemon(true);
        thread.start();
    }

    private void inflate(InputStream compressed) {
        try {
            try {
                GZIPInputStream gzip = new GZIPInputStream(compressed, Readers.BUFFER);
                while (true) {
                    byte[] buffer = free.take();
                    if (stopped) {
                        return;
                    }
                    int n = gzip.readNBytes(buffer, 0, buffer.length);
                    if (n > 0) {
                        full.put(new Chunk(buffer, n, null));
                    }
                    if (n < buffer.length) {
                        full.put(END);
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                full.put(new Chunk(new byte[0], 0, e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        if (c != null) {
            free.add(c.bytes());
        }
        try {
            c = full.take();
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
            throw (RuntimeException) error;
        }
        return c == END ? null : c;
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        Chunk c = next();
        return c == null ? -1 : c.bytes()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len == 0) {
            return 0;
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

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
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
        stopped = true;
        full.clear();                 // wakes a thread blocked in put
        free.offer(new byte[1]);      // wakes a thread blocked in take
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the inflating thread");
        }
    }

    /**
     * Whether the inflating thread is still running (for tests).
     *
     * @return true until it has ended
     */
    boolean threadAlive() {
        return thread.isAlive();
    }
}
