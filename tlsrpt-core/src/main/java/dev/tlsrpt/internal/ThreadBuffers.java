package dev.tlsrpt.internal;

import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * What a thread keeps from one parse for the next: the input layer's two first buffers, its gzip
 * {@link Inflater}, and Jackson's buffers ({@link #POOL}). A small report would otherwise allocate and clear
 * about 25 KB of buffers (a 10 KB gzip report: 47 KB allocated per parse without them, 22 KB with them) and
 * set up and free an inflater for each parse.
 *
 * <p>Nothing kept can make a parse's result or error depend on the parses before it:
 * <ul>
 *   <li>only buffers of the size a parse starts with are kept ({@link #SMALL} bytes, and Jackson's default
 *       sizes, {@link Recycler}); a buffer that grew is dropped, so a parse always starts with the buffer sizes a
 *       fresh one has, and the sizes are all that the reads, and Jackson's checks as its buffers fill, see;</li>
 *   <li>a buffer's old bytes are never read: the input layer and Jackson read only what they wrote into it during
 *       this parse (the stage and the compressed window have their own bounds; Jackson its input end and
 *       text length);</li>
 *   <li>an inflater is {@link Inflater#reset() reset} before it is used again (zlib's {@code inflateReset}:
 *       a fresh stream whose window holds nothing, so a distance back into an earlier stream is refused as in a
 *       new one), and one that was handed to an inflater thread is never kept;</li>
 *   <li>a piece is taken out of its slot while in use, so a parse started inside another (a visitor that
 *       parses) gets fresh pieces, and a piece never given back (an input left unclosed) is simply replaced.</li>
 * </ul>
 * Each thread has its own pieces: about 25 KB of heap and an inflater's native memory (about 40 KB) for a
 * thread that has parsed; they go when the thread does.
 */
final class ThreadBuffers {
    /** The size of the input layer's first buffers, as {@link InflaterThread#SMALL_CHUNK}. */
    static final int SMALL = InflaterThread.SMALL_CHUNK;

    private static final ThreadLocal<ThreadBuffers> LOCAL = ThreadLocal.withInitial(ThreadBuffers::new);

    /** Jackson's buffers for the reader's factories: one {@link Recycler} per thread. */
    static final RecyclerPool<BufferRecycler> POOL = new Pool();

    private byte @Nullable [] first;
    private byte @Nullable [] second;
    private @Nullable Inflater inflater;
    private @Nullable Recycler recycler;

    private ThreadBuffers() {
    }

    /** A buffer of {@link #SMALL} bytes, kept or new; its bytes are not to be read before they are written. */
    static byte[] bytes() {
        ThreadBuffers t = LOCAL.get();
        byte[] b = t.first;
        if (b != null) {
            t.first = null;
            return b;
        }
        b = t.second;
        if (b != null) {
            t.second = null;
            return b;
        }
        return new byte[SMALL];
    }

    /** Gives back a buffer no longer in use: kept when it has the size {@link #bytes()} makes. */
    static void giveBack(byte[] b) {
        if (b.length != SMALL) {
            return;
        }
        ThreadBuffers t = LOCAL.get();
        if (t.first == b || t.second == b) {
            return; // given back twice: it must not be handed out twice
        }
        if (t.first == null) {
            t.first = b;
        } else if (t.second == null) {
            t.second = b;
        }
    }

    /** An inflater for raw deflate data (no zlib wrapper), kept and reset, or new. */
    static Inflater inflater() {
        ThreadBuffers t = LOCAL.get();
        Inflater inf = t.inflater;
        if (inf != null) {
            t.inflater = null;
            inf.reset();
            return inf;
        }
        return new Inflater(true);
    }

    /**
     * Gives back an inflater no longer in use, on the thread that used it: kept when the slot is free, else
     * ended (its native memory freed).
     */
    static void giveBack(Inflater inf) {
        ThreadBuffers t = LOCAL.get();
        if (t.inflater == null) {
            t.inflater = inf;
        } else if (t.inflater != inf) {
            inf.end();
        }
    }

    /**
     * Jackson's buffers, keeping only buffers of their default sizes: a buffer that grew while reading one
     * document (a long number or string) is dropped, so that Jackson's length checks, which it makes as
     * its buffer segments fill, see the same sizes in every parse.
     */
    static final class Recycler extends BufferRecycler {
        Recycler() {
        }

        @Override
        public void releaseByteBuffer(int ix, byte[] buffer) {
            if (buffer.length == byteBufferLength(ix)) {
                super.releaseByteBuffer(ix, buffer);
            }
        }

        @Override
        public void releaseCharBuffer(int ix, char[] buffer) {
            if (buffer.length == charBufferLength(ix)) {
                super.releaseCharBuffer(ix, buffer);
            }
        }
    }

    /** One {@link Recycler} per thread, taken out of its slot while a parser or generator uses it. */
    private static final class Pool implements RecyclerPool<BufferRecycler> {
        private static final long serialVersionUID = 1L;

        Pool() {
        }

        @Override
        public BufferRecycler acquirePooled() {
            ThreadBuffers t = LOCAL.get();
            Recycler r = t.recycler;
            if (r != null) {
                t.recycler = null;
                return r;
            }
            return new Recycler();
        }

        @Override
        public void releasePooled(BufferRecycler r) {
            if (r instanceof Recycler k) {
                LOCAL.get().recycler = k;
            }
        }

        /** Deserialized as the one pool. */
        private Object readResolve() {
            return POOL;
        }
    }
}
