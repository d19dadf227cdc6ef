package dev.tlsrpt.internal;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Gzip members inflated one after another (RFC 1952): each header read (its CRC16 checked when FHCRC is
 * set, reserved flags refused), each trailer's CRC-32 and length checked, trailing bytes that are not another
 * member refused. Reads its compressed bytes from a {@link Source}, which is the caller's stream on the
 * calling thread, or the chunks the calling thread hands to {@link InflaterThread}. Used by one thread at a
 * time; handed from the calling thread to the inflater thread once, at a call boundary.
 */
final class Gunzip {
    /** Where the compressed bytes come from. */
    interface Source {
        /**
         * Reads up to {@code len} compressed bytes.
         *
         * @return how many, or -1 at the end of the input
         * @throws IOException when the caller's stream fails
         */
        int read(byte[] b, int off, int len) throws IOException;
    }

    private Source source;
    private byte[] cbuf;
    private int cpos;
    private int clim;
    /** Compressed bytes received from the source: the input offset of {@code cbuf[clim]}. */
    private long received;

    private @Nullable Inflater inflater = ThreadBuffers.inflater();
    /** Whether it was handed to another thread: its inflater is then ended, never kept. */
    private boolean handedOver;
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private long memberSize;
    private boolean finished;

    /**
     * A decoder whose first compressed bytes, already read from the source, are {@code buffer[0..length)};
     * it keeps {@code buffer} as its own.
     */
    Gunzip(Source source, byte[] buffer, int length) {
        this.source = source;
        this.cbuf = buffer;
        this.clim = length;
        this.received = length;
    }

    /** Reads the first member's header. */
    void start() throws IOException {
        readMemberHeader();
    }

    /** Reads from {@code source} from now on (the hand-over to the inflater thread). */
    void source(Source s) {
        this.source = s;
        this.handedOver = true;
    }

    /**
     * Inflates up to {@code len} bytes.
     *
     * @return how many (at least one), or -1 after the last member
     * @throws InputFault when the gzip data is broken or truncated
     * @throws IOException when the source fails
     */
    int inflate(byte[] b, int off, int len) throws IOException {
        Inflater inf = inflater;
        if (finished || inf == null) {
            return -1;
        }
        while (true) {
            int n;
            try {
                n = inf.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new InputFault("corrupt gzip data: " + Input.shortText(e.getMessage()));
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberSize += n;
                return n;
            }
            if (inf.finished()) {
                cpos = clim - inf.getRemaining();
                readMemberTrailer();
                if (!fill(1)) {
                    finished = true;
                    end();
                    return -1;
                }
                if (!fill(2) || (cbuf[cpos] & 0xff) != 0x1f || (cbuf[cpos + 1] & 0xff) != 0x8b) {
                    throw new InputFault("trailing bytes after the gzip data (" + (clim - cpos)
                            + " or more bytes that are not another gzip member)");
                }
                readMemberHeader();
                inf.reset();
                continue;
            }
            if (inf.needsDictionary()) {
                throw new InputFault("corrupt gzip data: a preset dictionary is required");
            }
            if (inf.needsInput()) {
                if (cpos == clim && !fill(1)) {
                    throw new InputFault("truncated gzip data: the input ends inside the compressed stream");
                }
                inf.setInput(cbuf, cpos, clim - cpos);
                cpos = clim;
            }
        }
    }

    /**
     * Done with the inflater: gives it back to the thread's {@link ThreadBuffers}, or frees its native memory
     * when it was handed to another thread; idempotent.
     */
    void end() {
        Inflater inf = inflater;
        if (inf != null) {
            inflater = null;
            if (handedOver) {
                inf.end();
            } else {
                ThreadBuffers.giveBack(inf);
            }
        }
    }

    /** The buffer of compressed bytes, to give back once the input is closed. */
    byte[] buffer() {
        return cbuf;
    }

    /** Makes at least {@code need} compressed bytes available if the input has them; false at its end. */
    private boolean fill(int need) throws IOException {
        if (clim - cpos >= need) {
            return true;
        }
        if (cbuf.length < InflaterThread.CHUNK && received >= InflaterThread.LARGE_AFTER / 4) {
            // past the first few kilobytes: a report of some size, read in larger pieces
            byte[] larger = new byte[InflaterThread.CHUNK];
            System.arraycopy(cbuf, cpos, larger, 0, clim - cpos);
            cbuf = larger;
            clim -= cpos;
            cpos = 0;
        } else if (cpos > 0) {
            System.arraycopy(cbuf, cpos, cbuf, 0, clim - cpos);
            clim -= cpos;
            cpos = 0;
        }
        while (clim < need) {
            int r = source.read(cbuf, clim, cbuf.length - clim);
            if (r < 0) {
                return false;
            }
            received += r;
            clim += r;
        }
        return true;
    }

    private int nextByte(String where) throws IOException {
        if (!fill(1)) {
            throw new InputFault("truncated gzip data: the input ends in the " + where);
        }
        return cbuf[cpos++] & 0xff;
    }

    /**
     * Reads one member header (RFC 1952 section 2.3), checking its CRC16 when the FHCRC flag is set, as
     * {@code GZIPInputStream} does: the low 16 bits of the CRC-32 of every header byte before it.
     */
    private void readMemberHeader() throws IOException {
        headerCrc.reset();
        int id1 = headerByte();
        int id2 = headerByte();
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new InputFault("corrupt gzip data: not a gzip member header");
        }
        if (headerByte() != 8) {
            throw new InputFault("corrupt gzip data: unsupported compression method");
        }
        int flags = headerByte();
        for (int i = 0; i < 6; i++) {
            headerByte(); // MTIME, XFL, OS
        }
        if ((flags & 4) != 0) { // FEXTRA
            int xlen = headerByte() | (headerByte() << 8);
            for (int i = 0; i < xlen; i++) {
                headerByte();
            }
        }
        if ((flags & 8) != 0) { // FNAME
            skipZeroTerminated();
        }
        if ((flags & 16) != 0) { // FCOMMENT
            skipZeroTerminated();
        }
        if ((flags & 2) != 0) { // FHCRC
            long offset = received - (clim - cpos);
            int expected = (int) headerCrc.getValue() & 0xffff;
            int crc16 = nextByte("gzip header") | (nextByte("gzip header") << 8);
            if (crc16 != expected) {
                throw new InputFault("corrupt gzip data: wrong header CRC (FHCRC) at byte offset " + offset
                        + " of the input");
            }
        }
        if ((flags & 0xe0) != 0) {
            throw new InputFault("corrupt gzip data: reserved header flags set");
        }
        crc.reset();
        memberSize = 0;
    }

    private int headerByte() throws IOException {
        int b = nextByte("gzip header");
        headerCrc.update(b);
        return b;
    }

    private void skipZeroTerminated() throws IOException {
        int count = 0;
        while (headerByte() != 0) {
            if (++count > 65_536) {
                throw new InputFault("corrupt gzip data: a header field longer than 64 KiB");
            }
        }
    }

    private void readMemberTrailer() throws IOException {
        long expectedCrc = 0;
        for (int i = 0; i < 4; i++) {
            expectedCrc |= (long) nextByte("gzip trailer") << (8 * i);
        }
        long expectedSize = 0;
        for (int i = 0; i < 4; i++) {
            expectedSize |= (long) nextByte("gzip trailer") << (8 * i);
        }
        if (expectedCrc != crc.getValue()) {
            throw new InputFault("corrupt gzip data: CRC mismatch");
        }
        if (expectedSize != (memberSize & 0xffffffffL)) {
            throw new InputFault("corrupt gzip data: length mismatch");
        }
    }
}
