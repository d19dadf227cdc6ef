package dev.tlsrpt.schema;

/** Strict UTF-8 checking (no overlong forms, no surrogates, nothing above U+10FFFF) and byte locations. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The offset of the first byte that does not start a well-formed UTF-8 sequence, or -1.
     *
     * @param b the bytes
     * @param from where to start
     * @return the offset, or -1 when all is well-formed
     */
    static int firstInvalid(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            int max = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = c == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
                max = c == 0xED ? 0x9F : 0xBF;   // no surrogates
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = c == 0xF0 ? 0x90 : 0x80;   // no overlong forms
                max = c == 0xF4 ? 0x8F : 0xBF;   // nothing above U+10FFFF
            } else {
                return i;
            }
            if (i + n >= b.length) {
                return i;
            }
            int second = b[i + 1] & 0xff;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                int cont = b[i + k] & 0xff;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /**
     * The 1-based line and column (bytes) of an offset, counting CR, LF and CRLF as line breaks like Jackson.
     *
     * @param b the bytes
     * @param from the offset of the first JSON byte (after a byte order mark)
     * @param offset the offset to locate
     * @return the location
     */
    static DocumentReader.Location locationOf(byte[] b, int from, int offset) {
        int line = 1;
        int lineStart = from;
        for (int i = from; i < offset; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new DocumentReader.Location(line, offset - lineStart + 1);
    }
}
