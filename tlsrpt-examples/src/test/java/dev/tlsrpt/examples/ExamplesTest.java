package dev.tlsrpt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExamplesTest {

    @Test
    void parseReportPrintsTheSamplesPolicyAndFailures() throws Exception {
        String out = Capture.output(o -> ParseReport.run(Capture.sample(), o));
        assertThat(out).isEqualTo("""
                Example Mail Provider, 2026-11-26T00:00:00Z to 2026-11-26T23:59:59Z
                sts example.com: 4821 successful, 3 failed
                  certificate-expired at mail.example.com (192.0.2.25): 2 sessions
                  certificate-expired at mail.example.com (2001:db8:25::25): 1 sessions
                """);
    }

    @Test
    void streamLargeReportAddsUpFailedSessionsPerResultType() throws Exception {
        String out = Capture.output(o -> StreamLargeReport.run(Capture.sample(), o));
        assertThat(out).isEqualTo("""
                report 2026-11-26T00:00:00Z_example.com from Example Mail Provider
                certificate-expired: 3 failed sessions
                """);
    }

    @Test
    void diagnoseReportPrintsTheVerdictAndWhatToDo() throws Exception {
        String out = Capture.output(o -> DiagnoseReport.run(Capture.sample(), o));
        assertThat(out).startsWith("WARNING: 3 of 4824 sessions failed (0.06%)")
                .contains("\nWARNING The certificate of mail.example.com has expired (3 sessions, 0.06%)\n")
                .contains("  what to do: Renew the certificate of mail.example.com");
    }

    @Test
    void parseRecordListsTheAddressesAndWarnsAboutHttp() throws Exception {
        String out = Capture.output(o -> ParseRecord.run(
                "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,http://reports.example.com/tlsrpt", o));
        assertThat(out).startsWith("reports go to mailto:tlsrpt@example.com\n"
                + "reports go to http://reports.example.com/tlsrpt\n"
                + "warning at offset 42: ");
    }

    @Test
    void parseRecordNamesTheOffsetOfAMalformedRecord() throws Exception {
        String out = Capture.output(o -> ParseRecord.run("v=TLSRPTv1; rua=postmaster@example.com", o));
        assertThat(out).startsWith("not a TLSRPT record, at offset 16: missing mailto: scheme");
    }

    @Test
    void writeReportWritesWhatParsesBackWithTheSameValues() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        WriteReport.run(bytes);
        dev.tlsrpt.model.TlsReport report = dev.tlsrpt.TlsRpt.parse(bytes.toByteArray(), dev.tlsrpt.ParseOptions.strict());
        assertThat(report.organizationName()).isEqualTo("Example Mail");
        assertThat(report.reportId()).isEqualTo("2026-11-27_example.com");
        assertThat(report.dateRange().start()).hasToString("2026-11-27T00:00:00Z");
        assertThat(report.policies()).singleElement().satisfies(p -> {
            assertThat(p.policy().policyDomain()).isEqualTo("example.com");
            assertThat(p.policy().mxHosts()).containsExactly("mx1.example.com");
            assertThat(p.summary().totalSuccessfulSessionCount()).isEqualTo(4821);
            assertThat(p.summary().totalFailureSessionCount()).isEqualTo(3);
            assertThat(p.failureDetails()).singleElement().satisfies(d -> {
                assertThat(d.resultTypeName()).isEqualTo("certificate-expired");
                assertThat(d.sendingMtaIp()).isEqualTo("192.0.2.10");
                assertThat(d.failedSessionCount()).isEqualTo(3);
            });
        });
    }
}
