package dev.tlsrpt.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Splits an mbox file into messages, streaming: a line starting {@code "From "} begins a message, and
 * {@code >From } lines (any number of {@code >}) lose one {@code >} (mboxrd; for mboxo this restores what
 * the writer escaped). Content-Length headers (mboxcl) are not trusted. A file that does not begin with a
 * {@code From } line is read as one message.
 */
final class MboxReader {
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_QUOTES = 64;

    private final InputStream in;
    private final int maxFromLine;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private @Nullable MessageStream current;

    MboxReader(InputStream in, int maxFromLine) {
        this.in = in;
        this.maxFromLine = maxFromLine;
    }

    /** Whether the input begins with a {@code From } line. */
    boolean startsWithFromLine() throws IOException {
        return fill(FROM.length) && startsWith(pos, FROM);
    }

    /** The next message, or null at the end of the file. The previous message's stream is drained. */
    @Nullable InputStream next() throws IOException {
        if (current != null) {
            current.skipToEnd();
            current = null;
        }
        if (!started) {
            started = true;
            if (!startsWithFromLine()) {
                if (!fill(1)) {
                    return null;
                }
                current = new MessageStream();
                return current;
            }
        }
        if (!fill(1)) {
            return null;
        }
        skipFromLine();
        if (!fill(1)) {
            return null; // a From line at the very end: no message after it
        }
        current = new MessageStream();
        return current;
    }

    private void skipFromLine() throws IOException {
        long length = 0;
        while (fill(1)) {
            byte b = buf[pos++];
            if (b == '\n') {
                return;
            }
            if (++length > maxFromLine) {
                throw new LimitedInput.LimitSignal(new MessageLimitExceededException("maxLineLength", maxFromLine,
                        "an mbox From line is longer than maxLineLength (" + maxFromLine + " bytes)"));
            }
        }
    }

    /** Makes at least {@code n} bytes available unless the input ends first; returns whether it did. */
    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    private boolean startsWith(int at, byte[] prefix) {
        if (limit - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** One message: ends before the next {@code From } line. */
    private final class MessageStream extends InputStream {
        private boolean lineStart = true;
        private boolean ended;

        /** At a line start: ends the message at a From line, unescapes a quoted one. */
        private void atLineStart() throws IOException {
            lineStart = false;
            fill(MAX_QUOTES + FROM.length);
            int quotes = 0;
            while (quotes < MAX_QUOTES && pos + quotes < limit && buf[pos + quotes] == '>') {
                quotes++;
            }
            if (startsWith(pos + quotes, FROM)) {
                if (quotes == 0) {
                    ended = true;
                } else {
                    pos++; // drop one '>'
                }
            }
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            if (lineStart) {
                atLineStart();
                if (ended) {
                    return -1;
                }
            }
            if (!fill(1)) {
                ended = true;
                return -1;
            }
            byte b = buf[pos++];
            lineStart = b == '\n';
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (ended) {
                    break;
                }
                if (lineStart) {
                    atLineStart();
                    if (ended) {
                        break;
                    }
                }
                if (!fill(1)) {
                    ended = true;
                    break;
                }
                // copy up to and including the next line feed
                int end = pos;
                int max = Math.min(limit, pos + (len - n));
                while (end < max && buf[end] != '\n') {
                    end++;
                }
                if (end < max) {
                    end++;
                    lineStart = true;
                }
                System.arraycopy(buf, pos, b, off + n, end - pos);
                n += end - pos;
                pos = end;
            }
            return n == 0 && ended ? -1 : n;
        }

        void skipToEnd() throws IOException {
            byte[] scratch = new byte[8192];
            while (read(scratch, 0, scratch.length) >= 0) {
                // drain
            }
        }
    }
}
