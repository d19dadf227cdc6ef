package dev.tlsrpt.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * The checks every decompressed byte passes before the JSON parser sees it: the {@code maxDecompressedBytes}
 * count and UTF-8 validation (overlong forms, encoded surrogates and code points above U+10FFFF refused).
 * Runs on the thread that produces the bytes: the calling thread, or the inflater thread for large gzip input.
 *
 * <p>A fault is placed at its byte (for invalid UTF-8, at the first byte of the broken character): every byte
 * before it is delivered, the fault itself is thrown by the read that would deliver that byte. So the first
 * fault in document order wins whatever the reads' sizes, the parser reports a JSON error that lies before
 * it, and the inflater thread gives the same errors as the calling thread.
 */
final class JsonCheck {
    /** Eight bytes at a time from a byte array, for the ASCII run. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final long maxDecompressed;
    private final boolean gzip;
    /** The offset in the JSON (after decompression, before a byte order mark is skipped) of the next byte. */
    private long offset;
    private int pending; // continuation bytes still expected
    private int min; // the smallest code point the sequence may encode
    private int code;
    private @Nullable InputFault fault;

    JsonCheck(long maxDecompressed, boolean gzip) {
        this.maxDecompressed = maxDecompressed;
        this.gzip = gzip;
    }

    /**
     * Checks {@code b[off..off+n)}, the next bytes of the JSON.
     *
     * @return how many of them may be delivered: all of them, or those before the first fault, which
     *     {@link #fault()} then holds
     */
    int check(byte[] b, int off, int n) {
        if (fault != null) {
            return 0;
        }
        int m = n;
        boolean cut = false;
        if (n > maxDecompressed - offset) {
            m = (int) Math.max(0, maxDecompressed - offset);
            cut = true;
        }
        int end = off + m;
        int i = off;
        int sequence = off; // where the character being read began, or off when it began before this call
        while (i < end) {
            if (pending == 0) {
                i = skipAscii(b, i, end);
                if (i == end) {
                    break;
                }
                sequence = i;
            }
            InputFault f = validate(b[i], offset + (i - off));
            if (f != null) {
                // the parser sees none of a broken character: it would report it in words of its own
                fault = f;
                offset += sequence - off;
                return sequence - off;
            }
            i++;
        }
        offset += m;
        if (cut) {
            fault = new InputFault("the report is larger than " + maxDecompressed + " bytes"
                    + (gzip ? " once decompressed" : ""), "maxDecompressedBytes", maxDecompressed);
        }
        return m;
    }

    /** The offset in the JSON of the next byte. */
    long offset() {
        return offset;
    }

    /** The fault found, or null. */
    @Nullable InputFault fault() {
        return fault;
    }

    /** At the end of the input: the fault found before, or one for a multi-byte character cut off, or null. */
    @Nullable InputFault atEnd() {
        if (fault == null && pending != 0) {
            fault = new InputFault("invalid UTF-8: the input ends inside a multi-byte character");
        }
        return fault;
    }

    /** The index of the first byte in {@code b[i..end)} that is not ASCII, or {@code end}. */
    private static int skipAscii(byte[] b, int i, int end) {
        while (end - i >= 16 && (((long) LONGS.get(b, i) | (long) LONGS.get(b, i + 8)) & HIGH_BITS) == 0) {
            i += 16;
        }
        while (end - i >= 8 && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        while (i < end && b[i] >= 0) {
            i++;
        }
        return i;
    }

    /** Takes one byte at {@code position}; returns the fault it makes, or null. */
    private @Nullable InputFault validate(byte x, long position) {
        int v = x & 0xff;
        if (pending == 0) {
            if (v < 0x80) {
                return null;
            }
            if (v >= 0xc2 && v <= 0xdf) {
                pending = 1;
                min = 0x80;
                code = v & 0x1f;
            } else if (v >= 0xe0 && v <= 0xef) {
                pending = 2;
                min = 0x800;
                code = v & 0x0f;
            } else if (v >= 0xf0 && v <= 0xf4) {
                pending = 3;
                min = 0x10000;
                code = v & 0x07;
            } else {
                return InputFault.atByte(String.format("invalid UTF-8: byte 0x%02x cannot start a character%s%s", v,
                        v == 0xc0 || v == 0xc1 ? " (an overlong encoding)" : "", at(position)), position);
            }
            return null;
        }
        if ((v & 0xc0) != 0x80) {
            return InputFault.atByte(String.format("invalid UTF-8: byte 0x%02x where a continuation byte belongs%s", v,
                    at(position)), position);
        }
        code = (code << 6) | (v & 0x3f);
        if (--pending == 0) {
            if (code < min) {
                return InputFault.atByte("invalid UTF-8: an overlong encoding of U+" + Integer.toHexString(code)
                        + at(position), position);
            }
            if (code >= 0xd800 && code <= 0xdfff) {
                return InputFault.atByte("invalid UTF-8: an encoded surrogate U+" + Integer.toHexString(code)
                        + at(position), position);
            }
            if (code > 0x10ffff) {
                return InputFault.atByte("invalid UTF-8: a code point above U+10FFFF" + at(position), position);
            }
        }
        return null;
    }

    private static String at(long position) {
        return " at byte offset " + position + " of the JSON";
    }
}
