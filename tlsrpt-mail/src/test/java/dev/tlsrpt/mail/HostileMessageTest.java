package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.hostile.HostileStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile messages fail with the library's own exception, early, in bounded memory; bad content is always a
 * {@link TlsRptException}, through every entry point, and an {@link IOException} only ever the caller's own.
 */
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

    // ---------------------------------------------------------------- bad content through every entry point

    /** The four ways in: a bare file, an HTTPS POST body, an attachment of a message, a message in an mbox. */
    enum EntryPoint {
        BARE, HTTP_BODY, MESSAGE, MBOX;

        /** Runs this entry point on {@code report}, the bytes of a report file (gzip, zip or JSON). */
        Object read(byte[] report, InputStream caller) throws IOException {
            return switch (this) {
                case BARE, MESSAGE -> TlsRptMail.parse(caller);
                case HTTP_BODY -> TlsRptMail.parseHttpBody(caller, "application/zip");
                case MBOX -> TlsRptMail.parseMbox(caller);
            };
        }

        /** The bytes the caller's stream serves for {@code report} at this entry point. */
        byte[] input(byte[] report) {
            String message = TestMessages.reportMessage(TestMessages.gzipPart("application/zip", "report.zip"),
                    TestMessages.base64(report));
            return switch (this) {
                case BARE, HTTP_BODY -> report;
                case MESSAGE -> message.getBytes(StandardCharsets.UTF_8);
                case MBOX -> ("From tlsrpt@sender.example Sat Nov 28 03:00:00 2026\n" + message)
                        .getBytes(StandardCharsets.UTF_8);
            };
        }

        Object read(byte[] report) throws IOException {
            return read(report, new ByteArrayInputStream(input(report)));
        }
    }

    /**
     * A broken report file and what the error must say.
     *
     * @param name what it is
     * @param report the file's bytes
     * @param type the exception expected
     * @param fragment a fragment of its message
     */
    record BadContent(String name, byte[] report, Class<? extends TlsRptException> type, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] validZip() {
        return TestMessages.zip("report.json", TestMessages.REPORT.getBytes(StandardCharsets.UTF_8));
    }

    /** A zip whose entry's file name holds bytes that are not UTF-8 (0xff 0xfe). */
    static byte[] zipWithNonUtf8Name() {
        byte[] zip = validZip();
        zip[30] = (byte) 0xff; // the local header is 30 bytes, then the name
        zip[31] = (byte) 0xfe;
        return zip;
    }

    /** A zip whose deflate stream starts with a block of the reserved type 3. */
    static byte[] zipWithCorruptDeflate() {
        byte[] zip = validZip();
        zip[30 + "report.json".length()] = (byte) 0xff;
        return zip;
    }

    /** Where the zip's data descriptor (signature {@code PK 7 8}) begins. */
    static int dataDescriptor(byte[] zip) {
        for (int i = 30; i + 8 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 7 && zip[i + 3] == 8) {
                return i;
            }
        }
        throw new AssertionError("no data descriptor");
    }

    /** A zip whose data descriptor states a wrong CRC-32. */
    static byte[] zipWithWrongCrc() {
        byte[] zip = validZip();
        zip[dataDescriptor(zip) + 4] ^= 0x55;
        return zip;
    }

    /**
     * A zip whose report file comes after a directory entry with a long name, so that its local header lies
     * past the bytes the entry points look at to tell gzip, zip and JSON apart.
     */
    static byte[] zipWithADirectoryFirst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("d".repeat(1100) + "/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("report.json"));
            zip.write(TestMessages.REPORT.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Stream<BadContent> badContent() {
        byte[] zip = validZip();
        int dataStart = 30 + "report.json".length();
        List<BadContent> t = new ArrayList<>();
        t.add(new BadContent("a zip entry name that is not UTF-8", zipWithNonUtf8Name(),
                MalformedMessageException.class, "entry name"));
        t.add(new BadContent("a zip cut after 40 bytes (inside the entry name)", HostileStreams.head(zip, 40),
                MalformedMessageException.class, "truncated"));
        t.add(new BadContent("a zip cut inside its deflate stream",
                HostileStreams.head(zip, (dataStart + dataDescriptor(zip)) / 2), MalformedMessageException.class,
                "truncated"));
        t.add(new BadContent("a zip whose deflate stream is corrupt", zipWithCorruptDeflate(),
                MalformedMessageException.class, "invalid"));
        t.add(new BadContent("a zip entry with a wrong CRC", zipWithWrongCrc(), MalformedMessageException.class,
                "CRC"));
        t.add(new BadContent("a gzip cut after 40 bytes", HostileStreams.head(TestMessages.gzip(TestMessages.REPORT), 40),
                MalformedReportException.class, "gzip"));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badContent")
    void badContentIsATypedErrorThroughEveryEntryPoint(BadContent c) {
        for (EntryPoint way : EntryPoint.values()) {
            assertThatThrownBy(() -> way.read(c.report())).as("%s via %s", c.name(), way)
                    .isInstanceOf(c.type())
                    .hasMessageContaining(c.fragment())
                    .satisfies(e -> {
                        if (c.type() == MalformedMessageException.class) {
                            assertThat(e.getMessage()).contains(way == EntryPoint.MESSAGE || way == EntryPoint.MBOX
                                    ? "the zip attachment \"report.zip\"" : "the zip archive");
                        }
                    });
        }
    }

    /**
     * A message whose report part's transfer encoding is damaged, and what the error must say: mime4j's
     * base64 and quoted-printable decoders are told never to throw (they drop or keep what they cannot
     * decode), so the damage reaches the report reader as broken content, never as an {@link IOException}.
     *
     * @param name what it is
     * @param message the message
     * @param fragment a fragment of the {@link MalformedReportException}'s message
     */
    record BadEncoding(String name, String message, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadEncoding> badEncodings() {
        String gzipPart = TestMessages.gzipPart("application/tlsrpt+gzip", TestMessages.FILE_NAME);
        String base64 = TestMessages.base64(TestMessages.gzip(TestMessages.REPORT));
        String qpPart = "Content-Type: application/tlsrpt+json\nContent-Transfer-Encoding: quoted-printable\n";
        List<BadEncoding> t = new ArrayList<>();
        t.add(new BadEncoding("base64 cut inside a quantum",
                TestMessages.reportMessage(gzipPart, base64.substring(0, base64.length() / 2 - 1)), "truncated gzip"));
        t.add(new BadEncoding("base64 with padding in the middle",
                TestMessages.reportMessage(gzipPart, base64.substring(0, 41) + "=" + base64.substring(41)), "gzip"));
        t.add(new BadEncoding("base64 of nothing but junk", TestMessages.reportMessage(
                gzipPart.replace("tlsrpt+gzip", "tlsrpt"), "!!!!*#*#\n"), "empty"));
        t.add(new BadEncoding("quoted-printable with a broken escape outside a string",
                TestMessages.reportMessage(qpPart, TestMessages.REPORT.replace("{\"organization-name\"",
                        "{=ZZ\"organization-name\"")), "line 1"));
        t.add(new BadEncoding("quoted-printable cut by a soft line break at the end",
                TestMessages.reportMessage(qpPart, TestMessages.REPORT.substring(0, 100) + "="), "line 1"));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEncodings")
    void aDamagedTransferEncodingIsABrokenReport(BadEncoding c) {
        assertThatThrownBy(() -> TlsRptMail.parse(TestMessages.stream(c.message()))).as(c.name())
                .isInstanceOf(MalformedReportException.class).hasMessageContaining(c.fragment());
        assertThatThrownBy(() -> TlsRptMail.parseMbox(TestMessages.stream("From x\n" + c.message()))).as(c.name())
                .isInstanceOf(MalformedReportException.class).hasMessageContaining(c.fragment());
    }

    /**
     * Serves {@code data}, then throws {@code failure} at the first read of a byte at or past {@code at}, and
     * says whether it did.
     */
    static final class FailingStream extends InputStream {
        private final byte[] data;
        private final int at;
        private final IOException failure;
        private int pos;
        boolean failed;

        FailingStream(byte[] data, int at, IOException failure) {
            this.data = data;
            this.at = at;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= at) {
                failed = true;
                throw failure;
            }
            int n = Math.min(len, Math.min(at, data.length) - pos);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aFailingCallerStreamStaysTheCallersIOExceptionWhereverItFails(IOException failure) {
        byte[] zip = zipWithADirectoryFirst();
        for (EntryPoint way : EntryPoint.values()) {
            byte[] input = way.input(zip);
            for (int at = 0; at < input.length; at += 7) {
                FailingStream caller = new FailingStream(input, at, failure);
                Throwable thrown = catchThrowable(way, zip, caller);
                if (caller.failed) {
                    assertThat(thrown).as("%s failing at byte %d of %d", way, at, input.length).isSameAs(failure);
                } else {
                    // the report was read before the failing byte, and nothing after it was needed
                    assertThat(thrown).as("%s never reading byte %d of %d", way, at, input.length).isNull();
                }
            }
        }
    }

    static Stream<IOException> failures() {
        // an EOFException of the caller's is a failure too, not the end of a zip's entries
        return Stream.of(new IOException("the disk is on fire"), new EOFException("the peer went away"));
    }

    private static Throwable catchThrowable(EntryPoint way, byte[] report, InputStream caller) {
        try {
            way.read(report, caller);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
