package dev.tlsrpt.mail;

import java.io.IOException;
import java.io.InputStream;

/** What a part holds, seen from its first bytes. */
enum ContentKind {
    GZIP, ZIP, JSON, OTHER;

    /** How far to look for the opening brace of a JSON object past a byte order mark and white space. */
    static final int SNIFF_BYTES = 1024;

    /**
     * Looks at the first bytes of {@code in}, which must support mark and reset, and resets it.
     */
    static ContentKind sniff(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return of(head, head.length);
    }

    static ContentKind of(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return ZIP;
        }
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < length && head[i] == '{' ? JSON : OTHER;
    }
}
