package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The JSON the writer produces, byte for byte, and how it treats the caller's stream. */
class WriterTest {

    /**
     * Lenient reading leaves a missing report-id null; writing one needs it (RFC 8460 section 4.4), so a report
     * read without one cannot be written back until it gets one, and no entry point invents it.
     */
    @Test
    void writingRefusesAReportWithoutReportIdAtEveryEntryPoint() {
        DateRange range = new DateRange(Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-26T23:59:59Z"));
        TlsReport report = new TlsReport("Org", range, null, null, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> TlsRpt.write(report, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report-id is missing: RFC 8460 requires it in a report written (header.reportId is null)");
        assertThatThrownBy(() -> TlsRpt.writer(out).header(report.header()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("report-id is missing");
        assertThat(out.size()).as("nothing written").isZero();
        assertThatThrownBy(() -> new ReportBuilder().organization("Org").day(LocalDate.of(2026, 11, 26))
                .contact("mailto:tls@example.org").build())
                .isInstanceOf(IllegalStateException.class).hasMessage("report-id not set: call reportId(...)");
    }

    static final String EXPECTED = "{\"organization-name\":\"Example Mail\",\"date-range\":{"
            + "\"start-datetime\":\"2026-11-27T00:00:00Z\",\"end-datetime\":\"2026-11-27T23:59:59Z\"},"
            + "\"contact-info\":\"tlsrpt@mail.example\",\"report-id\":\"2026-11-27_example.com\",\"policies\":["
            + "{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\",\"mode: enforce\","
            + "\"mx: mx1.example.com\",\"max_age: 86400\"],\"policy-domain\":\"example.com\","
            + "\"mx-host\":[\"mx1.example.com\"]},\"summary\":{\"total-successful-session-count\":4821,"
            + "\"total-failure-session-count\":3},\"failure-details\":[{\"result-type\":\"certificate-expired\","
            + "\"sending-mta-ip\":\"192.0.2.10\",\"receiving-mx-hostname\":\"mx1.example.com\","
            + "\"failed-session-count\":3}]},"
            + "{\"policy\":{\"policy-type\":\"no-policy-found\",\"policy-string\":[],"
            + "\"policy-domain\":\"example.org\"},\"summary\":{\"total-successful-session-count\":17,"
            + "\"total-failure-session-count\":0},\"failure-details\":[]}]}";

    static TlsReport sample() {
        return new ReportBuilder()
                .organization("Example Mail")
                .contact("tlsrpt@mail.example")
                .reportId("2026-11-27_example.com")
                .day(LocalDate.of(2026, 11, 27))
                .stsPolicy("example.com", "version: STSv1", "mode: enforce", "mx: mx1.example.com", "max_age: 86400")
                .success(4821)
                .failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.10", "mx1.example.com", 3)
                .noPolicyFound("example.org")
                .success(17)
                .build();
    }

    static String write(TlsReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TlsRpt.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesMembersInRfcOrderWithMxHostAsArrayAndCountsAsIntegers() throws IOException {
        assertThat(write(sample())).isEqualTo(EXPECTED);
    }

    @Test
    void leavesNullOptionalMembersOut() throws IOException {
        TlsReport report = new TlsReport("o", new DateRange(Instant.EPOCH, Instant.EPOCH), null, "id",
                List.of(new PolicyResult(new Policy(PolicyType.UNKNOWN, "future-type", List.of(), null, List.of()),
                        new Summary(0, 1), List.of(new FailureDetail(ResultType.UNKNOWN, "new-result", null, null,
                                null, null, 1, null, null)))));
        assertThat(write(report)).isEqualTo("{\"organization-name\":\"o\",\"date-range\":{"
                + "\"start-datetime\":\"1970-01-01T00:00:00Z\",\"end-datetime\":\"1970-01-01T00:00:00Z\"},"
                + "\"report-id\":\"id\",\"policies\":[{\"policy\":{\"policy-type\":\"future-type\","
                + "\"policy-string\":[]},\"summary\":{\"total-successful-session-count\":0,"
                + "\"total-failure-session-count\":1},\"failure-details\":[{\"result-type\":\"new-result\","
                + "\"failed-session-count\":1}]}]}");
    }

    @Test
    void writesEveryOptionalFailureMemberInRfcOrder() throws IOException {
        TlsReport report = new ReportBuilder().organization("o").contact("c@example.com").reportId("r")
                .day(LocalDate.of(2016, 4, 1))
                .tlsaPolicy("mx.example.com", "3 1 1 ABCD")
                .failure(ResultType.VALIDATION_FAILURE, "2001:db8::1", "mx.example.com", 2,
                        d -> d.receivingMxHelo("mx.example.com ESMTP").receivingIp("2001:db8::25")
                                .additionalInformation("https://example.com/x?id=1").failureReasonCode("alert-70"))
                .build();
        assertThat(write(report)).contains("\"failure-details\":[{\"result-type\":\"validation-failure\","
                + "\"sending-mta-ip\":\"2001:db8::1\",\"receiving-mx-hostname\":\"mx.example.com\","
                + "\"receiving-mx-helo\":\"mx.example.com ESMTP\",\"receiving-ip\":\"2001:db8::25\","
                + "\"failed-session-count\":2,\"additional-information\":\"https://example.com/x?id=1\","
                + "\"failure-reason-code\":\"alert-70\"}]");
    }

    @Test
    void writesSecondsAlwaysAndAFractionOnlyWhenNotZero() throws IOException {
        TlsReport report = new TlsReport("o", new DateRange(Instant.parse("2016-04-01T00:00:00Z"),
                Instant.parse("2016-04-01T23:59:59.5Z")), "c", "id", List.of());
        assertThat(write(report)).contains("\"start-datetime\":\"2016-04-01T00:00:00Z\"",
                "\"end-datetime\":\"2016-04-01T23:59:59.500Z\"");
    }

    @Test
    void refusesDatesRfc3339CannotWrite() {
        TlsReport report = new TlsReport("o", new DateRange(Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.EPOCH), "c", "id", List.of());
        assertThatThrownBy(() -> write(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dateRange.start").hasMessageContaining("0000-9999");
    }

    @Test
    void refusesUnpairedSurrogatesWhichIJsonForbids() {
        TlsReport report = new TlsReport("o\ud800", new DateRange(Instant.EPOCH, Instant.EPOCH), "c", "id",
                List.of());
        assertThatThrownBy(() -> write(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organizationName: unpaired surrogate at index 1");
    }

    @Test
    void namesTheListElementWithAnUnpairedSurrogate() {
        TlsReport report = new TlsReport("o", new DateRange(Instant.EPOCH, Instant.EPOCH), "c", "id",
                List.of(new PolicyResult(new Policy(PolicyType.STS, "sts", List.of("version: STSv1"), "example.com",
                        List.of("mx.example.com", "mx\udc00x.example.com")), new Summary(1, 0), List.of())));
        assertThatThrownBy(() -> write(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mxHosts[1]: unpaired surrogate at index 2");
    }

    @Test
    void writesUnicodeAsUtf8AndEscapesControlCharacters() throws IOException {
        TlsReport report = new TlsReport("Ex\u00e4mple \ud83d\udce7 \"q\"\n", new DateRange(Instant.EPOCH,
                Instant.EPOCH), "c", "id", List.of());
        assertThat(write(report)).startsWith("{\"organization-name\":\"Ex\u00e4mple \ud83d\udce7 \\\"q\\\"\\n\"");
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        CountingStream out = new CountingStream();
        TlsRpt.write(sample(), out);
        TlsRpt.write(sample(), out, WriteOptions.defaults().withGzip(true));
        assertThat(out.closed).isFalse();
        assertThat(out.flushed).isPositive();
    }

    @Test
    void gzipHoldsTheSameJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TlsRpt.write(sample(), out, WriteOptions.defaults().withGzip(true));
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0x1f);
        assertThat(bytes[1]).isEqualTo((byte) 0x8b);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
        }
    }

    @Test
    void prettyOutputIsTheSameDocumentIndented() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TlsRpt.write(sample(), out, WriteOptions.defaults().withPretty(true));
        String pretty = out.toString(StandardCharsets.UTF_8);
        assertThat(pretty).contains("\n  \"organization-name\" : \"Example Mail\",\n");
        assertThat(squeeze(pretty)).isEqualTo(EXPECTED);
    }

    @Test
    void incrementalWriterWritesWhatWriteWrites() throws IOException {
        TlsReport report = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter w = TlsRpt.writer(out)) {
            w.header(report.header());
            for (PolicyResult p : report.policies()) {
                w.policy(p.policy(), p.summary());
                for (FailureDetail d : p.failureDetails()) {
                    w.failureDetail(d);
                }
            }
            w.finish();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
    }

    @Test
    void visitorWritesWhatItIsGiven() throws IOException {
        TlsReport report = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter w = TlsRpt.writer(out)) {
            ReportVisitor v = w.visitor();
            v.header(report.header());
            for (PolicyResult p : report.policies()) {
                v.policy(p.policy(), p.summary());
                for (FailureDetail d : p.failureDetails()) {
                    v.failureDetail(p.policy(), d);
                }
            }
            w.finish();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
    }

    @Test
    void incrementalWriterInsistsOnTheOrder() throws IOException {
        ReportWriter w = TlsRpt.writer(new ByteArrayOutputStream());
        Policy p = sample().policies().get(0).policy();
        FailureDetail d = sample().policies().get(0).failureDetails().get(0);
        assertThatThrownBy(() -> w.policy(p, new Summary(1, 0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("header() first");
        assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
        w.header(sample().header());
        assertThatThrownBy(() -> w.header(sample().header())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.failureDetail(d)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policy() first");
        w.policy(p, new Summary(1, 0));
        w.finish();
        assertThatThrownBy(() -> w.policy(p, new Summary(1, 0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already finished");
        w.close();
        w.close();
    }

    @Test
    void closingWithoutFinishLeavesTheDocumentUnterminated() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter w = TlsRpt.writer(out)) {
            w.header(sample().header());
            w.policy(sample().policies().get(0).policy(), new Summary(1, 0));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\"failure-details\":[");
    }

    @Test
    void aFailingStreamStaysAnIoException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> TlsRpt.write(sample(), broken)).isInstanceOf(IOException.class)
                .hasMessage("disk full");
    }

    @Test
    void writesAMillionFailureDetailsStraightToTheStream() throws IOException {
        int n = 1_000_000;
        FailureDetail detail = new FailureDetail(ResultType.STARTTLS_NOT_SUPPORTED, "starttls-not-supported",
                "192.0.2.1", "mx.example.com", null, "198.51.100.7", 1, null, null);
        TlsReport one = withDetails(Collections.nCopies(1, detail));
        TlsReport million = withDetails(Collections.nCopies(n, detail));
        CountingStream small = new CountingStream();
        TlsRpt.write(one, small);
        String detailJson = "{\"result-type\":\"starttls-not-supported\",\"sending-mta-ip\":\"192.0.2.1\","
                + "\"receiving-mx-hostname\":\"mx.example.com\",\"receiving-ip\":\"198.51.100.7\","
                + "\"failed-session-count\":1}";
        CountingStream big = new CountingStream();
        TlsRpt.write(million, big);
        // every further detail adds a comma and the detail's bytes; the failure total grows from 1 to 1000000
        assertThat(big.bytes).isEqualTo(small.bytes + (long) (n - 1) * (detailJson.length() + 1) + 6);
        assertThat(big.openBraces).isEqualTo(small.openBraces + n - 1);
        assertThat(big.openBraces).isEqualTo(big.closeBraces);
        // the stream saw the document in many writes, not in one buffer-sized copy of the whole
        assertThat(big.writes).isGreaterThan(1000);
        assertThat(big.largestWrite).isLessThan(1 << 20);
    }

    /** Removes the white space outside JSON strings. */
    static String squeeze(String json) {
        StringBuilder b = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') {
                    b.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!Character.isWhitespace(c)) {
                b.append(c);
                inString = c == '"';
            }
        }
        return b.toString();
    }

    private static TlsReport withDetails(List<FailureDetail> details) {
        return new TlsReport("o", new DateRange(Instant.EPOCH, Instant.EPOCH), "c@example.com", "id",
                List.of(new PolicyResult(Policy.of(PolicyType.STS, List.of("mode: testing"), "example.com",
                        List.of()), new Summary(0, details.size()), details)));
    }

    /** Counts what passes through, and whether it was closed. */
    static final class CountingStream extends OutputStream {
        long bytes;
        long openBraces;
        long closeBraces;
        long writes;
        int largestWrite;
        int flushed;
        boolean closed;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            writes++;
            largestWrite = Math.max(largestWrite, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '{') {
                    openBraces++;
                } else if (b[i] == '}') {
                    closeBraces++;
                }
            }
        }

        @Override
        public void flush() {
            flushed++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
