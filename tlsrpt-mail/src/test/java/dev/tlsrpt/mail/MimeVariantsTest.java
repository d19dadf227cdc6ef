package dev.tlsrpt.mail;

import static dev.tlsrpt.mail.TestMessages.REPORT;
import static dev.tlsrpt.mail.TestMessages.base64;
import static dev.tlsrpt.mail.TestMessages.gzip;
import static dev.tlsrpt.mail.TestMessages.gzipPart;
import static dev.tlsrpt.mail.TestMessages.reportMessage;
import static dev.tlsrpt.mail.TestMessages.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MIME shapes a report arrives in, checked on the bytes handed to the report parser. */
class MimeVariantsTest {

    static MessageWalker.Result<MessageWalkerTest.Extracted> walk(String message) throws IOException {
        return MessageWalkerTest.walk(stream(message));
    }

    static MessageWalkerTest.Extracted only(String message) throws IOException {
        List<MessageWalkerTest.Extracted> results = walk(message).results();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/gzip", "application/x-gzip", "application/octet-stream", "text/plain",
            "application/json", "image/png"})
    void findsAGzipReportByItsContentWhateverItIsTyped(String mediaType) throws IOException {
        var x = only(reportMessage(gzipPart(mediaType, TestMessages.FILE_NAME), base64(gzip(REPORT))));
        assertThat(x.bytes()).isEqualTo(gzip(REPORT));
        assertThat(x.part().content()).isEqualTo(ContentKind.GZIP);
        assertThat(x.part().mediaType()).isEqualTo(mediaType);
        assertThat(x.part().fileName()).isEqualTo(TestMessages.FILE_NAME);
    }

    @Test
    void findsAZipReportByItsContent() throws IOException {
        byte[] zip = TestMessages.zip("report.json", REPORT.getBytes(StandardCharsets.UTF_8));
        var x = only(reportMessage(gzipPart("application/zip", "report.zip"), base64(zip)));
        assertThat(x.part().content()).isEqualTo(ContentKind.ZIP);
        assertThat(x.bytes()).isEqualTo(zip);
    }

    @Test
    void decodesQuotedPrintable() throws IOException {
        String qp = REPORT.replace("=", "=3D").replaceAll("(.{70})", "$1=\n");
        var x = only(reportMessage("Content-Type: application/tlsrpt+json\nContent-Transfer-Encoding: quoted-printable\n",
                qp));
        assertThat(new String(x.bytes(), StandardCharsets.UTF_8).strip()).isEqualTo(REPORT);
        assertThat(x.part().content()).isEqualTo(ContentKind.JSON);
    }

    @Test
    void readsAMessageWhoseWholeBodyIsTheReport() throws IOException {
        var x = only(TestMessages.HEADERS + "Content-Type: application/tlsrpt+gzip\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=" + TestMessages.FILE_NAME + "\n\n" + base64(gzip(REPORT)));
        assertThat(x.bytes()).isEqualTo(gzip(REPORT));
        assertThat(x.part().wholeBody()).isTrue();
        assertThat(x.part().fileName()).isEqualTo(TestMessages.FILE_NAME);
        assertThat(x.part().envelope().tlsReportDomain()).isEqualTo("example.com");
    }

    @Test
    void findsTheReportInNestedMultiparts() throws IOException {
        String message = TestMessages.HEADERS + """
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=alt

                --alt
                Content-Type: text/plain

                plain
                --alt
                Content-Type: text/html

                <p>{html}</p>
                --alt--
                --outer
                Content-Type: multipart/related; boundary=inner

                --inner
                """ + gzipPart("application/tlsrpt+gzip", TestMessages.FILE_NAME) + "\n" + base64(gzip(REPORT)) + """

                --inner--
                --outer--
                """;
        var result = walk(message);
        assertThat(result.results()).hasSize(1);
        assertThat(result.results().get(0).bytes()).isEqualTo(gzip(REPORT));
        assertThat(result.results().get(0).part().messageType().value()).isEqualTo("multipart/mixed");
        assertThat(result.partsFound()).containsExactly("text/plain", "text/html");
    }

    @Test
    void takesTheEnvelopeOfTheForwardedMessage() throws IOException {
        String inner = reportMessage(gzipPart("application/tlsrpt+gzip", TestMessages.FILE_NAME), base64(gzip(REPORT)));
        String message = """
                From: postmaster@example.com
                To: admin@example.com
                Subject: Fwd: a TLS report
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=fwd

                --fwd
                Content-Type: text/plain

                See the attached report.
                --fwd
                Content-Type: message/rfc822

                """ + inner + "\n--fwd--\n";
        var x = only(message);
        assertThat(x.part().envelope().subject())
                .isEqualTo("Report Domain: example.com Submitter: sender.example Report-ID: <r-1@sender.example>");
        assertThat(x.part().envelope().tlsReportSubmitter()).isEqualTo("sender.example");
        assertThat(x.part().messageType().param("report-type")).isEqualTo("tlsrpt");
        assertThat(x.bytes()).isEqualTo(gzip(REPORT));
    }

    @Test
    void readsMailRusMultipartWithoutItsClosingBoundary() throws IOException {
        // shaped like Mail.ru's message (quirks.md): folded Subject, name parameter, a bare delimiter at the end
        String message = """
                From: noreply-smtp-tls-reporting@corp.mail.ru
                To: tlsrpt@example.com
                Subject: Report Domain: example.com
                 Submitter: mail.ru
                 Report-ID: <b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru>
                TLS-Report-Domain: example.com
                TLS-Report-Submitter: mail.ru
                Auto-Submitted: auto-generated
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
        var result = walk(message.replace("\n", "\r\n"));
        assertThat(result.results()).hasSize(1);
        var x = result.results().get(0);
        assertThat(x.part().fileName()).isEqualTo("mail.ru!example.com!1708560000!1708646400.json.gz");
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(x.bytes()))
                .readAllBytes(), StandardCharsets.UTF_8)).contains("\"contact-info\": \"tls_support@corp.mail.ru\"");
        assertThat(x.part().envelope().subject()).isEqualTo(
                "Report Domain: example.com Submitter: mail.ru Report-ID: <b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru>");
        assertThat(result.mimeWarnings()).singleElement().asString().contains("ended prematurely");
    }

    @Test
    void decodesRfc2231AndEncodedWordFileNamesAndSubjects() throws IOException {
        String message = TestMessages.HEADERS.replace("Subject: Report",
                "Subject: =?UTF-8?Q?Report_Domain:_example.com?= Submitter: sender.example\n Report") + """
                Content-Type: multipart/report; report-type=tlsrpt; boundary=b

                --b
                Content-Type: application/tlsrpt+gzip
                Content-Disposition: attachment;
                 filename*0*=UTF-8''sender.example%21example.com%21;
                 filename*1=1795737600!1795823999.json.gz
                Content-Transfer-Encoding: base64

                """ + base64(gzip(REPORT)) + "\n--b--\n";
        var x = only(message);
        assertThat(x.part().fileName()).isEqualTo("sender.example!example.com!1795737600!1795823999.json.gz");
        assertThat(x.part().envelope().subject()).startsWith("Report Domain: example.com Submitter: sender.example");
    }

    @Test
    void aMessageWithoutAReportNamesWhatItHolds() {
        String message = """
                From: billing@example.com
                Subject: your invoice
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                Please find the invoice attached.
                --m
                Content-Type: application/pdf; name=invoice.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --m--
                """;
        assertThatThrownBy(() -> TlsRptMail.parse(stream(message)))
                .isInstanceOfSatisfying(NoReportException.class, e -> {
                    assertThat(e.partsFound()).containsExactly("text/plain", "application/pdf \"invoice.pdf\"");
                    assertThat(e).hasMessage("no TLS report found; the parts are: text/plain, application/pdf \"invoice.pdf\"");
                });
    }

    @Test
    void anEmptyInputHoldsNoReport() {
        assertThatThrownBy(() -> TlsRptMail.parse(stream("")))
                .isInstanceOfSatisfying(NoReportException.class, e -> assertThat(e.partsFound()).containsExactly("text/plain"));
    }
}
