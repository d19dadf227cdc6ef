package dev.tlsrpt.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Inflates gzip input on a second thread (a daemon named {@value #NAME}) while the calling thread parses: the
 * inflater thread runs the {@link Gunzip} decoder and the {@link JsonCheck} checks and hands over chunks of
 * checked JSON; the calling thread reads the caller's stream itself (the caller's stream is never touched by
 * the inflater thread) and hands over the compressed chunks. At most {@value #COMPRESSED_CHUNKS} compressed
 * and {@value #JSON_CHUNKS} JSON chunks of {@value #CHUNK} bytes are in flight.
 *
 * <p>Everything that goes wrong reaches the reader in document order, after the bytes before it: a fault of
 * the decoder or the checks, and a failure or limit of the caller's stream (read ahead by the calling thread,
 * but thrown where the decoder needs those bytes, as on one thread). {@link #close()} stops the inflater
 * thread and waits for it: it only ever waits on this object's lock, never on I/O, so it ends within one chunk.
 */
final class InflaterThread {
    /** The name of the inflater threads. */
    static final String NAME = "tlsrpt-inflater";
    static final int CHUNK = 64 * 1024;
    /** The chunks of the first {@value #LARGE_AFTER} bytes: a small report allocates and clears little. */
    static final int SMALL_CHUNK = 8 * 1024;
    static final int LARGE_AFTER = 32 * 1024;
    static final int COMPRESSED_CHUNKS = 2;
    static final int JSON_CHUNKS = 4;

    /** The end of the caller's input, in the compressed queue; the end of the JSON, in the JSON queue. */
    static final Object END = new Object();

    /** What the calling thread reads the caller's stream with (counting its bytes against the limit). */
    interface Feed {
        int read(byte[] b, int off, int len) throws IOException;
    }

    /**
     * A chunk of checked JSON bytes, {@code bytes[0..length)}, and what comes after them when something does:
     * {@link #END} or a {@link Failure}.
     */
    record Chunk(byte[] bytes, int length, @Nullable Object after) {
    }

    /** A failure to throw in order: an {@code InputFault}, the caller's {@code IOException}, or anything else. */
    record Failure(Throwable error) {
    }

    /**
     * Inflates into {@code buffer} until it is full, the data ends or something fails, then checks what came
     * out. The calling thread and the inflater thread fill their chunks with this one method, so the decoder
     * sees the same calls in the same order on either, and a fault falls at the same byte.
     */
    static Chunk fill(Gunzip gunzip, JsonCheck check, byte[] buffer, int size) {
        int length = 0;
        Object after = null;
        try {
            while (length < size) {
                int n = gunzip.inflate(buffer, length, size - length);
                if (n < 0) {
                    after = END;
                    break;
                }
                length += n;
            }
        } catch (Stopped e) {
            throw e;
        } catch (Throwable e) { // every failure must reach the reader, in order
            after = new Failure(e);
        }
        int good = check.check(buffer, 0, length);
        InputFault f = check.fault();
        if (f == null && after == END) {
            f = check.atEnd();
        }
        return new Chunk(buffer, good, f != null ? new Failure(f) : after);
    }

    /**
     * The size of the next chunk, a function of the JSON offset alone (so the same on either thread):
     * {@value #SMALL_CHUNK} bytes for the first {@value #LARGE_AFTER}, then {@value #CHUNK}.
     */
    static int chunkSize(JsonCheck check) {
        return check.offset() < LARGE_AFTER ? SMALL_CHUNK : CHUNK;
    }

    /** Throws the failure {@code after}, from a {@link Chunk}, as it was thrown. */
    static IOException rethrow(Object after) {
        Throwable e = ((Failure) after).error();
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IOException(e);
    }

    private final Object lock = new Object();
    /** byte[] chunks (exact length), then {@link #END} or a {@link Failure}. Guarded by lock. */
    private final ArrayDeque<Object> compressed = new ArrayDeque<>();
    /** {@link Chunk}s, then {@link #END} or a {@link Failure}. Guarded by lock. */
    private final ArrayDeque<Object> json = new ArrayDeque<>();
    /** JSON buffers free for the inflater thread. Guarded by lock. */
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    /** Guarded by lock. */
    private boolean stopped;
    /** JSON buffers made so far, at most JSON_CHUNKS + 1. Guarded by lock. */
    private int buffers;

    private final Feed feed;
    private final Thread thread;

    // the calling thread's own state
    private boolean fed; // END or a Failure was queued: nothing more to read from the caller
    private @Nullable Chunk current;

    /**
     * Starts the inflater thread on {@code gunzip} and {@code check}, which the calling thread no longer
     * touches from here on.
     */
    InflaterThread(Gunzip gunzip, JsonCheck check, Feed feed) {
        this.feed = feed;
        gunzip.source(this::takeCompressed);
        thread = new Thread(() -> inflate(gunzip, check), NAME);
        thread.setDaemon(true);
        thread.start();
    }

    // ------------------------------------------------------------------ the inflater thread

    /** Thrown on the inflater thread when the reader stopped it: it unwinds and ends. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private void inflate(Gunzip gunzip, JsonCheck check) {
        try {
            while (true) {
                byte[] buffer = takeFree();
                Chunk c;
                try {
                    c = fill(gunzip, check, buffer, chunkSize(check));
                } catch (Stopped e) {
                    throw e;
                } catch (Throwable e) { // whatever happens reaches the reader, or it would wait forever
                    c = new Chunk(buffer, 0, new Failure(e));
                }
                synchronized (lock) {
                    json.addLast(c);
                    lock.notifyAll();
                }
                if (c.after() != null) {
                    return;
                }
            }
        } catch (Stopped e) {
            // the reader is gone
        }
    }

    /** The inflater thread's {@link Gunzip.Source}: the next compressed chunk the calling thread handed over. */
    private int takeCompressed(byte[] b, int off, int len) throws IOException {
        Object c;
        synchronized (lock) {
            while (compressed.isEmpty() && !stopped) {
                awaitOnInflaterThread();
            }
            if (stopped) {
                throw new Stopped();
            }
            c = compressed.peekFirst();
            if (c instanceof byte[] bytes && bytes.length > len) {
                // more than the decoder asked for: hand over the head, keep the rest
                System.arraycopy(bytes, 0, b, off, len);
                compressed.pollFirst();
                compressed.addFirst(java.util.Arrays.copyOfRange(bytes, len, bytes.length));
                return len;
            }
            if (c != END) {
                compressed.pollFirst();
            }
            lock.notifyAll(); // room for the calling thread to read ahead
        }
        if (c == END) {
            return -1;
        }
        if (c instanceof Failure) {
            throw rethrow(c);
        }
        byte[] bytes = (byte[]) c;
        System.arraycopy(bytes, 0, b, off, bytes.length);
        return bytes.length;
    }

    /** A free JSON buffer: one handed back by the reader, or a new one while fewer than the most exist. */
    private byte[] takeFree() {
        synchronized (lock) {
            while (free.isEmpty() && buffers > JSON_CHUNKS && !stopped) {
                awaitOnInflaterThread();
            }
            if (stopped) {
                throw new Stopped();
            }
            byte[] b = free.pollFirst();
            if (b != null) {
                return b;
            }
            buffers++;
        }
        return new byte[CHUNK];
    }

    /** Waits on the lock; the inflater thread is never interrupted by this class, but ends if it is. */
    private void awaitOnInflaterThread() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    // ------------------------------------------------------------------ the calling thread

    /**
     * The next chunk of checked JSON, feeding the inflater thread while it has room; the chunk handed out
     * before is taken back for the inflater thread to fill again.
     *
     * @throws InterruptedIOException when the calling thread is interrupted (its interrupt status is kept)
     */
    Chunk next() throws IOException {
        if (Thread.currentThread().isInterrupted()) { // kept set for the caller, as by the wait below
            throw new InterruptedIOException("interrupted while reading a report inflated on a second thread");
        }
        while (true) {
            Object got;
            synchronized (lock) {
                Chunk done = current;
                if (done != null) {
                    free.addLast(done.bytes());
                    current = null;
                    lock.notifyAll();
                }
                got = json.pollFirst();
                while (got == null && (fed || compressed.size() >= COMPRESSED_CHUNKS)) {
                    if (!thread.isAlive()) { // it always leaves a last chunk: this is a bug, not a hang
                        throw new IllegalStateException("the inflater thread ended without its last chunk");
                    }
                    try {
                        lock.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading a report inflated on a second"
                                + " thread");
                    }
                    got = json.pollFirst();
                }
            }
            if (got == null) {
                feedOne();
                continue;
            }
            Chunk chunk = (Chunk) got;
            current = chunk;
            if (!fed) {
                feedWhileRoom();
            }
            return chunk;
        }
    }

    /** Reads ahead of the inflater thread until the compressed queue is full. */
    private void feedWhileRoom() {
        while (!fed) {
            synchronized (lock) {
                if (compressed.size() >= COMPRESSED_CHUNKS) {
                    return;
                }
            }
            feedOne();
        }
    }

    /** Reads one chunk of the caller's stream into the compressed queue; its failure is queued in order. */
    private void feedOne() {
        Object item;
        byte[] buffer = new byte[CHUNK];
        try {
            int n = feed.read(buffer, 0, buffer.length);
            item = n < 0 ? END : n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
            if (n == 0) {
                return;
            }
        } catch (Throwable e) { // the caller's failure or a limit, thrown where the decoder needs the bytes
            item = new Failure(e);
        }
        if (!(item instanceof byte[])) {
            fed = true;
        }
        synchronized (lock) {
            compressed.addLast(item);
            lock.notifyAll();
        }
    }

    /**
     * Stops the inflater thread and waits until it has ended. Uninterruptible (it ends within one chunk);
     * an interrupt that arrives meanwhile is kept for the caller.
     */
    void close() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
