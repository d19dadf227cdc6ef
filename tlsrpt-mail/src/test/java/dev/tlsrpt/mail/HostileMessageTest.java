package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile messages fail with the library's own exception, early, in bounded memory. */
class HostileMessageTest {

    /** A message generated on the fly: a prefix, then {@code count} repetitions of one byte, then a suffix. */
    static final class Generated extends InputStream {
        private final byte[] prefix;
        private final byte fill;
        private final long count;
        private final byte[] suffix;
        private long pos;
        long served;

        Generated(String prefix, char fill, long count, String suffix) {
            this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
            this.fill = (byte) fill;
            this.count = count;
            this.suffix = suffix.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = prefix.length + count + suffix.length;
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos);
            for (int i = 0; i < n; i++, pos++) {
                if (pos < prefix.length) {
                    b[off + i] = prefix[(int) pos];
                } else if (pos < prefix.length + count) {
                    b[off + i] = fill;
                } else {
                    b[off + i] = suffix[(int) (pos - prefix.length - count)];
                }
            }
            served += n;
            return n;
        }
    }

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void aOneGigabyteHeaderLineStopsAtMaxLineLength() {
        Generated in = new Generated("From: a@example.com\nSubject: ", 'a', GIB, "\n\nbody\n");
        assertThatThrownBy(() -> TlsRptMail.parse(in))
                .isInstanceOfSatisfying(MessageLimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("maxLineLength");
                    assertThat(e.limit()).isEqualTo(MailOptions.DEFAULT_MAX_LINE_LENGTH);
                });
        assertThat(in.served).isLessThan(128L * 1024);
    }

    @Test
    void aOneGigabyteFoldedHeaderFieldStopsAtMaxHeaderFieldLength() {
        Generated in = new Generated("Subject: x\n", ' ', GIB, "");
        // one field of endless continuation lines: "\n x" repeated
        InputStream folded = new InputStream() {
            private final byte[] head = "From: a@example.com\nReceived: x".getBytes(StandardCharsets.US_ASCII);
            private long pos;

            @Override
            public int read() {
                long p = pos++;
                if (p < head.length) {
                    return head[(int) p];
                }
                if (p > GIB) {
                    return -1;
                }
                return (p - head.length) % 3 == 0 ? '\n' : (p - head.length) % 3 == 1 ? ' ' : 'x';
            }
        };
        assertThatThrownBy(() -> TlsRptMail.parse(folded))
                .isInstanceOfSatisfying(MessageLimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxHeaderFieldLength"));
        assertThat(in.served).isZero();
    }

    @Test
    void tenThousandNestedMultipartsStopAtMaxNestingDepth() {
        StringBuilder b = new StringBuilder("From: a@example.com\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        b.append("Content-Type: text/plain\n\nbottom\n");
        assertThatThrownBy(() -> TlsRptMail.parse(TestMessages.stream(b.toString())))
                .isInstanceOfSatisfying(MessageLimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("maxNestingDepth");
                    assertThat(e.limit()).isEqualTo(MailOptions.DEFAULT_MAX_NESTING_DEPTH);
                    assertThat(e).hasMessageContaining("nested deeper than maxNestingDepth (20)");
                });
    }

    @Test
    void tenThousandNestedEmbeddedMessagesStopAtMaxNestingDepth() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append("From: a@example.com\nContent-Type: message/rfc822\n\n");
        }
        b.append("Content-Type: text/plain\n\nbottom\n");
        assertThatThrownBy(() -> TlsRptMail.parse(TestMessages.stream(b.toString())))
                .isInstanceOfSatisfying(MessageLimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxNestingDepth"));
    }

    @Test
    void tenThousandSiblingPartsStopAtMaxParts() {
        StringBuilder b = new StringBuilder("From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("--x\nContent-Type: text/plain\n\n").append(i).append('\n');
        }
        b.append("--x--\n");
        assertThatThrownBy(() -> TlsRptMail.parse(TestMessages.stream(b.toString())))
                .isInstanceOfSatisfying(MessageLimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("maxParts");
                    assertThat(e.limit()).isEqualTo(1000);
                });
    }

    @Test
    void tooManyHeaderFieldsStopAtMaxHeaderFields() {
        String message = "From: a@example.com\n" + "X-Spam: 1\n".repeat(200) + "\nbody\n";
        MailOptions options = MailOptions.lenient().withMaxHeaderFields(100);
        assertThatThrownBy(() -> TlsRptMail.parse(TestMessages.stream(message), options))
                .isInstanceOfSatisfying(MessageLimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxHeaderFields"));
    }

    @Test
    void aOneGigabyteBodyThatIsNoReportIsNotReadAtAll() {
        Generated in = new Generated("From: a@example.com\nContent-Type: application/octet-stream\n\n", 'a', GIB, "");
        assertThatThrownBy(() -> TlsRptMail.parse(in))
                .isInstanceOfSatisfying(NoReportException.class,
                        e -> assertThat(e.partsFound()).containsExactly("application/octet-stream"));
        assertThat(in.served).isLessThan(1024L * 1024);
    }

    @Test
    void aOneGigabytePartBeforeTheReportStopsAtMaxMessageBytes() {
        String head = TestMessages.HEADERS + """
                Content-Type: multipart/report; report-type=tlsrpt; boundary="b1"

                --b1
                Content-Type: text/plain

                """;
        Generated in = new Generated(head, 'a', GIB, "\n--b1\nContent-Type: application/tlsrpt+json\n\n{}\n--b1--\n");
        MailOptions options = MailOptions.lenient().withMaxMessageBytes(4 * 1024 * 1024);
        assertThatThrownBy(() -> TlsRptMail.parse(in, options))
                .isInstanceOfSatisfying(MessageLimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("maxMessageBytes");
                    assertThat(e.limit()).isEqualTo(4L * 1024 * 1024);
                    assertThat(e).hasMessage("the message is longer than maxMessageBytes (4194304 bytes)");
                });
        assertThat(in.served).isLessThan(5L * 1024 * 1024);
    }

    @Test
    void anMboxFromLineOfOneGigabyteStopsAtMaxLineLength() {
        Generated in = new Generated("From ", 'a', GIB, "\n");
        assertThatThrownBy(() -> TlsRptMail.parseMbox(in))
                .isInstanceOfSatisfying(MessageLimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxLineLength"));
        assertThat(in.served).isLessThan(1024L * 1024);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> MailOptions.lenient().withMaxParts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxParts");
    }
}
