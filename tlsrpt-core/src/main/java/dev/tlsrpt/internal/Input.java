package dev.tlsrpt.internal;

import dev.tlsrpt.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bytes under the JSON parser: gzip sniffed from the first two bytes and inflated member by member
 * (the header CRC checked when FHCRC is set, trailing garbage is an error, several members are one
 * stream), a UTF-8 byte order mark skipped, UTF-16 and UTF-32 refused, UTF-8 validated (overlong forms and
 * encoded surrogates refused), and both byte limits counted as the bytes go by. Never closes the caller's
 * stream.
 */
final class Input extends InputStream {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final long maxCompressed;
    private final long maxDecompressed;
    private final byte[] cbuf = new byte[BUFFER];
    private int cpos;
    private int clim;
    private long compressedRead;

    private final boolean gzip;
    private @org.jspecify.annotations.Nullable Inflater inflater;
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private long memberSize;
    private boolean finished;

    private long decompressed;
    private int utf8Pending; // continuation bytes still expected
    private int utf8Min; // the smallest code point the sequence may encode
    private int utf8Code;
    private long position;
    private byte[] head = new byte[0];
    private int headPos;

    /** Whether to keep the line and column of the JSON delivered, to locate a UTF-8 fault. */
    private final boolean locating;
    private int line = 1;
    private long column = 1;
    private boolean afterCr;

    private Input(InputStream in, ParseOptions options, boolean locating) throws IOException {
        this.in = in;
        this.locating = locating;
        this.maxCompressed = options.maxCompressedBytes();
        this.maxDecompressed = options.maxDecompressedBytes();
        fill(2);
        this.gzip = clim - cpos >= 2 && (cbuf[cpos] & 0xff) == 0x1f && (cbuf[cpos + 1] & 0xff) == 0x8b;
        if (gzip) {
            inflater = new Inflater(true);
            readMemberHeader();
        }
    }

    /** Opens the decompressed, validated JSON bytes of {@code in}. */
    static Input open(InputStream in, ParseOptions options) throws IOException {
        return open(in, options, false);
    }

    /**
     * Opens the decompressed, validated JSON bytes of {@code in}; when {@code locating}, a UTF-8 fault carries
     * the line and column (bytes, 1-based, after a byte order mark) of the byte found wrong, at the cost of
     * looking at every byte delivered for line breaks (the parser, which reads ahead, does without).
     */
    static Input open(InputStream in, ParseOptions options, boolean locating) throws IOException {
        Input input = new Input(in, options, locating);
        input.sniffText();
        return input;
    }

    boolean isGzip() {
        return gzip;
    }

    /** Reads the first bytes of text: skips a UTF-8 BOM, refuses UTF-16/32. */
    private void sniffText() throws IOException {
        byte[] first = new byte[6];
        int n = 0;
        while (n < first.length) {
            int r = rawRead(first, n, first.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
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
        head = java.util.Arrays.copyOfRange(first, skip, Math.max(skip, n));
        for (int i = 0; i < head.length; i++) {
            position = skip + i;
            try {
                validate(head[i]);
            } catch (InputFault f) {
                throw located(f, head, 0, i);
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (headPos < head.length) {
            int n = Math.min(len, head.length - headPos);
            System.arraycopy(head, headPos, b, off, n);
            headPos += n;
            if (locating) {
                advance(b, off, off + n);
            }
            return n;
        }
        int n = rawRead(b, off, len);
        if (n > 0) {
            long base = decompressed - n - off;
            int i = off;
            int end = off + n;
            if (utf8Pending == 0) {
                while (i < end && b[i] >= 0) {
                    i++;
                }
            }
            for (; i < end; i++) {
                byte x = b[i];
                if (x < 0 || utf8Pending != 0) {
                    position = base + i;
                    try {
                        validate(x);
                    } catch (InputFault f) {
                        throw located(f, b, off, i);
                    }
                }
            }
            if (locating) {
                advance(b, off, end);
            }
        } else if (n < 0 && utf8Pending != 0) {
            throw new InputFault("invalid UTF-8: the input ends inside a multi-byte character");
        }
        return n;
    }

    /** The fault located at {@code b[at]}, when locating: {@code b[from..at)} follow the bytes delivered. */
    private InputFault located(InputFault f, byte[] b, int from, int at) {
        if (!locating) {
            return f;
        }
        int l = line;
        long c = column;
        boolean cr = afterCr;
        for (int i = from; i < at; i++) {
            byte x = b[i];
            if (x == '\n' && cr) {
                cr = false; // CRLF: one line break, counted at the CR
            } else if (x == '\n' || x == '\r') {
                l++;
                c = 1;
                cr = x == '\r';
            } else {
                c++;
                cr = false;
            }
        }
        return new InputFault(String.valueOf(f.getMessage()), l, (int) Math.min(c, Integer.MAX_VALUE));
    }

    /** Moves the line and column past {@code b[from..to)}, delivered. */
    private void advance(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte x = b[i];
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

    /** Decompressed bytes, counted against the limit, before UTF-8 validation. */
    private int rawRead(byte[] b, int off, int len) throws IOException {
        int n = gzip ? inflate(b, off, len) : plain(b, off, len);
        if (n > 0) {
            decompressed += n;
            if (decompressed > maxDecompressed) {
                throw new InputFault("the report is larger than " + maxDecompressed + " bytes"
                        + (gzip ? " once decompressed" : ""), "maxDecompressedBytes", maxDecompressed);
            }
        }
        return n;
    }

    private int plain(byte[] b, int off, int len) throws IOException {
        if (cpos == clim && !fill(1)) {
            return -1;
        }
        int n = Math.min(len, clim - cpos);
        System.arraycopy(cbuf, cpos, b, off, n);
        cpos += n;
        return n;
    }

    private void validate(byte x) {
        int b = x & 0xff;
        if (utf8Pending == 0) {
            if (b < 0x80) {
                return;
            }
            if (b >= 0xc2 && b <= 0xdf) {
                utf8Pending = 1;
                utf8Min = 0x80;
                utf8Code = b & 0x1f;
            } else if (b >= 0xe0 && b <= 0xef) {
                utf8Pending = 2;
                utf8Min = 0x800;
                utf8Code = b & 0x0f;
            } else if (b >= 0xf0 && b <= 0xf4) {
                utf8Pending = 3;
                utf8Min = 0x10000;
                utf8Code = b & 0x07;
            } else {
                throw new InputFault(String.format("invalid UTF-8: byte 0x%02x cannot start a character%s%s", b,
                        b == 0xc0 || b == 0xc1 ? " (an overlong encoding)" : "", at()));
            }
            return;
        }
        if ((b & 0xc0) != 0x80) {
            throw new InputFault(String.format("invalid UTF-8: byte 0x%02x where a continuation byte belongs%s", b, at()));
        }
        utf8Code = (utf8Code << 6) | (b & 0x3f);
        if (--utf8Pending == 0) {
            if (utf8Code < utf8Min) {
                throw new InputFault("invalid UTF-8: an overlong encoding of U+" + Integer.toHexString(utf8Code) + at());
            }
            if (utf8Code >= 0xd800 && utf8Code <= 0xdfff) {
                throw new InputFault("invalid UTF-8: an encoded surrogate U+" + Integer.toHexString(utf8Code) + at());
            }
            if (utf8Code > 0x10ffff) {
                throw new InputFault("invalid UTF-8: a code point above U+10FFFF" + at());
            }
        }
    }

    private String at() {
        return " at byte offset " + position + " of the JSON";
    }

    /** Makes at least {@code need} compressed bytes available if the input has them; false at its end. */
    private boolean fill(int need) throws IOException {
        if (clim - cpos >= need) {
            return true;
        }
        if (cpos > 0) {
            System.arraycopy(cbuf, cpos, cbuf, 0, clim - cpos);
            clim -= cpos;
            cpos = 0;
        }
        while (clim < need) {
            int r = in.read(cbuf, clim, cbuf.length - clim);
            if (r < 0) {
                return false;
            }
            compressedRead += r;
            if (compressedRead > maxCompressed) {
                throw new InputFault("the input is larger than " + maxCompressed + " bytes",
                        "maxCompressedBytes", maxCompressed);
            }
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
            long offset = compressedOffset();
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

    /** The offset in the caller's input of the next compressed byte to be read. */
    private long compressedOffset() {
        return compressedRead - (clim - cpos);
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

    private int inflate(byte[] b, int off, int len) throws IOException {
        Inflater inf = inflater;
        if (finished || inf == null) {
            return -1;
        }
        while (true) {
            int n;
            try {
                n = inf.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new InputFault("corrupt gzip data: " + shortText(e.getMessage()));
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

    private void end() {
        Inflater inf = inflater;
        if (inf != null) {
            inf.end();
            inflater = null;
        }
    }

    /** Frees the inflater; leaves the caller's stream open. */
    @Override
    public void close() {
        end();
    }

    static String shortText(@org.jspecify.annotations.Nullable String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
