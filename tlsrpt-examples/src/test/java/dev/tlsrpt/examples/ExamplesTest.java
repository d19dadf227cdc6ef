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
        assertThat(out).startsWith("CRITICAL: 3 of 4824 sessions failed (0.06%)")
                .contains("\nCRITICAL The certificate of mail.example.com has expired (3 sessions, 0.06%)\n")
                .contains("  what to do: Renew the certificate of mail.example.com");
    }
}
