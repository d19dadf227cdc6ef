package dev.tlsrpt.mail;

import static dev.tlsrpt.mail.MailCheckKind.DATE_UNREADABLE;
import static dev.tlsrpt.mail.MailCheckKind.FILE_NAME_MISMATCH;
import static dev.tlsrpt.mail.MailCheckKind.MEDIA_TYPE_MISMATCH;
import static dev.tlsrpt.mail.MailCheckKind.MEDIA_TYPE_NOT_RFC;
import static dev.tlsrpt.mail.MailCheckKind.MIME_MALFORMED;
import static dev.tlsrpt.mail.MailCheckKind.NOT_MULTIPART_REPORT;
import static dev.tlsrpt.mail.MailCheckKind.POLICY_DOMAIN_MISMATCH;
import static dev.tlsrpt.mail.MailCheckKind.SUBJECT_NOT_RFC;
import static dev.tlsrpt.mail.MailCheckKind.SUBMITTER_MISMATCH;
import static dev.tlsrpt.mail.MailCheckKind.SUBMITTER_SUBDOMAIN;
import static dev.tlsrpt.mail.TestMessages.REPORT;
import static dev.tlsrpt.mail.TestMessages.base64;
import static dev.tlsrpt.mail.TestMessages.gzip;
import static dev.tlsrpt.mail.TestMessages.gzipPart;
import static dev.tlsrpt.mail.TestMessages.reportMessage;
import static dev.tlsrpt.mail.TestMessages.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole messages in, reports with envelope and checks out. */
class TlsRptMailTest {

    static List<Corpus.Message> messages() {
        return Corpus.messages();
    }

    /** The mail checks each corpus message must give, worked out by hand from the files. */
    static final Map<String, Set<MailCheckKind>> CHECKS = Map.ofEntries(
            Map.entry("mox/microsoft.eml", Set.of(SUBJECT_NOT_RFC)),
            Map.entry("tlsrpt-digest/tlsrpt_success_microsoft.eml", Set.of(SUBJECT_NOT_RFC)),
            // the RFC 8460 section 5.3.1 example: its Date, file name and domains disagree with each other
            Map.entry("mail-auth/rpt01.eml", Set.of(DATE_UNREADABLE, FILE_NAME_MISMATCH, SUBMITTER_MISMATCH,
                    POLICY_DOMAIN_MISMATCH)),
            Map.entry("mail-auth/rpt02.eml", Set.of(MEDIA_TYPE_NOT_RFC, DATE_UNREADABLE, FILE_NAME_MISMATCH,
                    SUBMITTER_MISMATCH, POLICY_DOMAIN_MISMATCH)),
            // synthetic: the file name says 2026-05-12, the report 2026-02-08
            Map.entry("tlsrpt-digest/tlsrpt_failure.eml", Set.of(FILE_NAME_MISMATCH)));

    @ParameterizedTest
    @MethodSource("messages")
    void readsEveryCorpusMessageWithItsEnvelopeAndReport(Corpus.Message m) throws IOException {
        List<MailReport> reports;
        try (InputStream in = Corpus.open(m.message())) {
            reports = TlsRptMail.parse(in);
        }
        assertThat(reports).hasSize(1);
        MailReport r = reports.get(0);
        Envelope e = r.envelope();
        assertThat(e.tlsReportDomain()).isEqualTo(m.domain());
        assertThat(e.tlsReportSubmitter()).isEqualTo(m.submitter());
        assertThat(e.subject()).isEqualTo(m.subject());
        assertThat(e.from()).isEqualTo(m.from());
        assertThat(e.date()).isEqualTo(m.date());
        assertThat(e.messageId()).isEqualTo(m.messageId());
        assertThat(r.fileName()).isEqualTo(m.fileName());
        assertThat(r.mediaType()).isEqualTo(m.mediaType());
        assertThat(r.report().organizationName()).isEqualTo(m.organization());
        assertThat(r.report().reportId()).isEqualTo(m.reportId());
        assertThat(r.report().policies()).hasSize(m.policies());
        assertThat(r.report().totalSuccessfulSessions()).isEqualTo(m.successes());
        assertThat(r.report().totalFailureSessions()).isEqualTo(m.failures());
        // a kind may occur more than once: one check per disagreeing part (sender, domain, each timestamp)
        assertThat(r.checks().stream().map(MailCheck::kind).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(CHECKS.getOrDefault(m.message(), Set.of()));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void readsEveryCorpusMessageFromAFileAndAsAnMbox(Corpus.Message m, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("message.eml");
        Files.write(file, Corpus.bytes(m.message()));
        assertThat(TlsRptMail.parse(file)).singleElement().extracting(r -> r.report().reportId())
                .isEqualTo(m.reportId());
        try (InputStream in = Corpus.open(m.message())) {
            assertThat(TlsRptMail.parseMbox(in)).singleElement().extracting(r -> r.envelope().messageId())
                    .isEqualTo(m.messageId());
        }
    }

    @Test
    void microsoftsZonelessDatesArriveAsCoreDeviations() throws IOException {
        MailReport r = TlsRptMail.parse(Corpus.open("mox/microsoft.eml")).get(0);
        assertThat(r.deviations()).extracting(d -> d.kind()).containsOnly(DeviationKind.DATE_TIME_WITHOUT_ZONE);
        assertThat(r.report().dateRange().start()).isEqualTo(Instant.parse("2023-01-10T00:00:00Z"));
        assertThat(r.checks()).singleElement().extracting(MailCheck::message).asString()
                .contains("\"133198585438131172+test.xmox.nl\"", "without angle brackets");
    }

    @Test
    void strictOptionsPassThroughToTheReport() {
        assertThatThrownBy(() -> TlsRptMail.parse(Corpus.open("mox/microsoft.eml"), MailOptions.strict()))
                .isInstanceOfSatisfying(MalformedReportException.class,
                        e -> assertThat(e.deviationKind()).isEqualTo(DeviationKind.DATE_TIME_WITHOUT_ZONE));
    }

    @Test
    void readsAnMboxOfSeveralMessagesSkippingThoseWithoutAReport() throws IOException {
        String mbox = "From MAILER-DAEMON Sat Nov 28 10:00:00 2026\n"
                + new String(Corpus.bytes("mox/google-example.eml"), StandardCharsets.UTF_8)
                + "\nFrom someone@example.com Sat Nov 28 10:05:00 2026\nSubject: lunch?\n\n>From the canteen\n"
                + "\nFrom MAILER-DAEMON Sat Nov 28 11:00:00 2026\n"
                + new String(Corpus.bytes("mox/microsoft.eml"), StandardCharsets.UTF_8)
                + "\nFrom MAILER-DAEMON Sat Nov 28 12:00:00 2026\n"
                + reportMessage(gzipPart("application/tlsrpt+gzip", TestMessages.FILE_NAME), base64(gzip(REPORT)));
        List<MailReport> reports = TlsRptMail.parse(stream(mbox));
        assertThat(reports).extracting(r -> r.report().reportId()).containsExactly(
                "2022-09-15T00:00:00Z_test.xmox.nl", "133198585438131172+test.xmox.nl", "r-1");
        assertThat(reports).extracting(r -> r.envelope().tlsReportSubmitter())
                .containsExactly("google.com", "microsoft.com", "sender.example");
        assertThat(TlsRptMail.parseMbox(stream(mbox))).hasSize(3);
    }

    @Test
    void anMboxWithoutReportsNamesEachMessagesParts() {
        String mbox = "From a Sat\nSubject: one\n\nhello\nFrom b Sat\nContent-Type: text/html\n\n<p>hi</p>\n";
        assertThatThrownBy(() -> TlsRptMail.parse(stream(mbox)))
                .isInstanceOfSatisfying(NoReportException.class, e -> assertThat(e.partsFound())
                        .containsExactly("message 1: text/plain", "message 2: text/html"));
    }

    @Test
    void readsTheConstructedRfcMessageWithoutChecks() throws IOException {
        MailReport r = TlsRptMail.parse(stream(reportMessage(gzipPart("application/tlsrpt+gzip",
                TestMessages.FILE_NAME), base64(gzip(REPORT))))).get(0);
        assertThat(r.checks()).isEmpty();
        assertThat(r.deviations()).isEmpty();
        assertThat(r.report().reportId()).isEqualTo("r-1");
        assertThat(r.report().totalFailureSessions()).isEqualTo(1);
        assertThat(r.envelope().fromAddress()).isEqualTo("tlsrpt@sender.example");
        assertThat(r.envelope().dateTime()).hasToString("2026-11-28T03:00Z");
    }

    @Test
    void recordsAGzipReportFoundByContentUnderAnotherType() throws IOException {
        MailReport r = TlsRptMail.parse(stream(reportMessage(gzipPart("application/octet-stream",
                TestMessages.FILE_NAME), base64(gzip(REPORT))))).get(0);
        assertThat(r.report().reportId()).isEqualTo("r-1");
        assertThat(r.mediaType()).isEqualTo("application/octet-stream");
        assertThat(r.checks()).extracting(MailCheck::kind).containsExactly(MEDIA_TYPE_NOT_RFC);
    }

    @Test
    void readsAZipAttachmentWithOneJsonFile() throws IOException {
        byte[] zip = TestMessages.zip("sender.example!example.com!1795737600!1795823999!001.json",
                REPORT.getBytes(StandardCharsets.UTF_8));
        MailReport r = TlsRptMail.parse(stream(reportMessage(gzipPart("application/zip", "report.zip"),
                base64(zip)))).get(0);
        assertThat(r.report().organizationName()).isEqualTo("Example Sender");
        assertThat(r.checks()).extracting(MailCheck::kind).containsExactly(MEDIA_TYPE_NOT_RFC,
                MailCheckKind.FILE_NAME_NOT_RFC);
    }

    @Test
    void boundsAZipBombByTheCoresDecompressedLimit() {
        byte[] zip = TestMessages.zip("bomb.json", ("{\"x\":\"" + "a".repeat(2_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        MailOptions options = MailOptions.lenient().withReportOptions(ParseOptions.lenient()
                .withMaxDecompressedBytes(100_000));
        assertThatThrownBy(() -> TlsRptMail.parse(stream(reportMessage(gzipPart("application/zip", "r.zip"),
                base64(zip))), options))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxDecompressedBytes"));
    }

    @Test
    void readsAQuotedPrintableJsonReport() throws IOException {
        String qp = REPORT.replace("=", "=3D").replaceAll("(.{70})", "$1=\n");
        MailReport r = TlsRptMail.parse(stream(reportMessage("Content-Type: application/tlsrpt+json\n"
                + "Content-Transfer-Encoding: quoted-printable\nContent-Disposition: attachment; filename="
                + TestMessages.FILE_NAME.replace(".gz", "") + "\n", qp))).get(0);
        assertThat(r.report().reportId()).isEqualTo("r-1");
        assertThat(r.checks()).isEmpty();
    }

    @Test
    void readsAMessageWhoseWholeBodyIsTheReport() throws IOException {
        MailReport r = TlsRptMail.parse(stream(TestMessages.HEADERS + "Content-Type: application/tlsrpt+json\n\n"
                + REPORT)).get(0);
        assertThat(r.report().reportId()).isEqualTo("r-1");
        assertThat(r.fileName()).isNull();
        assertThat(r.checks()).extracting(MailCheck::kind).containsExactly(NOT_MULTIPART_REPORT);
    }

    @Test
    void readsTheMailRuShapeWithItsSubmitterSubdomainAndMissingBoundary() throws IOException {
        String message = """
                From: noreply-smtp-tls-reporting@corp.mail.ru
                Subject: Report Domain: example.com
                 Submitter: mail.ru
                 Report-ID: <b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru>
                TLS-Report-Domain: example.com
                TLS-Report-Submitter: mail.ru
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="----=_NextPart_000_0000"; report-type=tlsrpt

                ------=_NextPart_000_0000
                Content-Type: text/plain; charset=utf-8

                This is an aggregate TLS report from mail.ru

                ------=_NextPart_000_0000
                Content-Type: application/tlsrpt+gzip;
                 name="mail.ru!example.com!1708560000!1708646400.json.gz"
                Content-Transfer-Encoding: base64

                """ + base64(gzip(new String(Corpus.bytes("parsedmarc/mail.ru.json"), StandardCharsets.UTF_8)))
                + "\n------=_NextPart_000_0000\n\n\n";
        MailReport r = TlsRptMail.parse(stream(message.replace("\n", "\r\n"))).get(0);
        assertThat(r.report().organizationName()).isEqualTo("Mail.ru");
        assertThat(r.report().policies().get(0).failureDetails()).hasSize(2);
        assertThat(r.checks()).extracting(MailCheck::kind).containsExactly(SUBMITTER_SUBDOMAIN, MIME_MALFORMED);
    }

    @Test
    void aBrokenReportPartIsTheCoresError() {
        assertThatThrownBy(() -> TlsRptMail.parse(stream(reportMessage(
                "Content-Type: application/tlsrpt+json\n", "{\"organization-name\": 5}"))))
                .isInstanceOf(MalformedReportException.class);
    }

    @Test
    void readsABareReportFileWithAnEmptyEnvelope(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json.gz");
        Files.write(file, gzip(REPORT));
        MailReport r = TlsRptMail.parse(file).get(0);
        assertThat(r.envelope()).isEqualTo(Envelope.none());
        assertThat(r.report().reportId()).isEqualTo("r-1");
        assertThat(TlsRptMail.parse(stream("\n  " + REPORT)).get(0).report().reportId()).isEqualTo("r-1");
    }

    @Test
    void readsHttpsBodiesAndSaysWhenTheContentTypeLies() throws IOException {
        MailReport gz = TlsRptMail.parseHttpBody(new ByteArrayInputStream(gzip(REPORT)), "application/tlsrpt+gzip");
        assertThat(gz.report().reportId()).isEqualTo("r-1");
        assertThat(gz.checks()).isEmpty();
        assertThat(gz.mediaType()).isEqualTo("application/tlsrpt+gzip");
        MailReport json = TlsRptMail.parseHttpBody(stream(REPORT), "application/tlsrpt+json; charset=utf-8");
        assertThat(json.checks()).isEmpty();
        MailReport lying = TlsRptMail.parseHttpBody(stream(REPORT), "application/tlsrpt+gzip");
        assertThat(lying.report().reportId()).isEqualTo("r-1");
        assertThat(lying.checks()).extracting(MailCheck::toString).containsExactly(
                "MEDIA_TYPE_MISMATCH: the report is typed application/tlsrpt+gzip but its content is plain JSON");
        MailReport untyped = TlsRptMail.parseHttpBody(new ByteArrayInputStream(gzip(REPORT)), null);
        assertThat(untyped.checks()).extracting(MailCheck::kind).containsExactly(MEDIA_TYPE_NOT_RFC);
        assertThat(TlsRptMail.parseHttpBody(new ByteArrayInputStream(gzip(REPORT)), "application/json").checks())
                .extracting(MailCheck::kind).containsExactly(MEDIA_TYPE_NOT_RFC);
        assertThat(lying.has(MEDIA_TYPE_MISMATCH)).isTrue();
    }

    @Test
    void boundsAnHttpsBody() {
        InputStream endless = new SequenceInputStream(stream("{\"organization-name\":\""),
                new HostileMessageTest.Generated("", 'a', 1L << 30, ""));
        assertThatThrownBy(() -> TlsRptMail.parseHttpBody(endless, "application/tlsrpt+json",
                MailOptions.lenient().withMaxMessageBytes(256 * 1024)))
                .isInstanceOfSatisfying(MessageLimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxMessageBytes"));
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new java.io.FilterInputStream(Corpus.open("mox/google-example.eml")) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertThat(TlsRptMail.parse(in)).hasSize(1);
        assertThat(closed[0]).isFalse();
        in.close();
    }
}
