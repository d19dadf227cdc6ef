package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.ResultType;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The blog post this project grew from, "How to read a TLS-RPT report", shows a shortened report without
 * {@code report-id} and {@code contact-info}. A reader who pastes it gets the diagnosis the post walks
 * through: the summary first, then the expired certificate of mail.example.com.
 */
class BlogPostExampleTest {

    static byte[] shortenedReport() throws IOException {
        try (InputStream in = BlogPostExampleTest.class.getResourceAsStream("/reports/lenient/blog-post-shortened.json")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theShortenedReportWithoutReportIdIsDiagnosedSummaryFirstThenTheExpiredCertificate() throws IOException {
        ParseResult parsed = TlsRpt.parseWithDeviations(shortenedReport(), ParseOptions.lenient());
        assertThat(parsed.report().reportId()).isNull();
        assertThat(parsed.report().contactInfo()).isNull();

        Diagnosis d = TlsRpt.diagnose(parsed);

        assertThat(d.reportId()).isNull();
        assertThat(d.organizationName()).isEqualTo("Company-X");
        assertThat(d.totalSessions()).isEqualTo(5326 + 303);
        assertThat(d.failedSessions()).isEqualTo(303);
        assertThat(d.verdict()).contains("303 of 5629 sessions failed");
        Finding first = d.findings().get(0);
        assertThat(first.kind()).isEqualTo(FindingKind.FAILURE);
        assertThat(first.resultType()).isEqualTo(ResultType.CERTIFICATE_EXPIRED);
        assertThat(first.mxHost()).isEqualTo("mail.example.com");
        assertThat(first.policyDomain()).isEqualTo("example.com");
        assertThat(first.failedSessions()).isEqualTo(100);
        assertThat(first.title()).isEqualTo("The certificate of mail.example.com has expired");
        assertThat(d.findings()).filteredOn(f -> f.kind() == FindingKind.PARSE_DEVIATION).singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("MISSING_REPORT_ID", "/report-id",
                        "MISSING_CONTACT_INFO", "/contact-info"));

        String text = d.toText();
        int verdict = text.indexOf("303 of 5629 sessions failed");
        int certificate = text.indexOf("The certificate of mail.example.com has expired");
        assertThat(verdict).as(text).isPositive();
        assertThat(certificate).as(text).isGreaterThan(verdict);
        assertThat(text).doesNotContain("null");
        assertThat(d.toJson()).contains("\"report-id\" : null");
    }
}
