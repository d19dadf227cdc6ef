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

    private static dev.tlsrpt.model.TlsReport report(String org, String day, long ok, long expired) {
        dev.tlsrpt.ReportBuilder b = new dev.tlsrpt.ReportBuilder().organization(org)
                .contact("tlsrpt@" + org.replace(' ', '-').toLowerCase(java.util.Locale.ROOT) + ".example")
                .reportId(day + "@" + org).day(java.time.LocalDate.parse(day))
                .stsPolicy("example.com", "version: STSv1", "mode: enforce", "mx: mx.example.com", "max_age: 86400")
                .success(ok);
        if (expired > 0) {
            b.failure(dev.tlsrpt.model.ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", expired);
        }
        return b.build();
    }

    private static java.nio.file.Path write(java.nio.file.Path dir, String name, dev.tlsrpt.model.TlsReport r)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve(name);
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            dev.tlsrpt.TlsRpt.write(r, out);
        }
        return file;
    }

    @Test
    void summarizeReportsKeepsItsStateFromOneRunToTheNextAndPrintsProblemsAndSilentReporters(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var expired = report("Example Mail", "2026-11-01", 100, 3);
        var other = report("Mailer Two", "2026-11-01", 50, 0);
        var fixed = report("Example Mail", "2026-11-02", 90, 0);
        var later = report("Example Mail", "2026-11-03", 80, 0);
        java.nio.file.Path state = dir.resolve("state.json");

        SummarizeReports.add(state, java.util.List.of(write(dir, "a.json", expired), write(dir, "b.json", other)));
        var aggregate = SummarizeReports.add(state, java.util.List.of(write(dir, "c.json", fixed),
                write(dir, "d.json", later), write(dir, "a-copy.json", expired)));
        String out = Capture.output(o -> SummarizeReports.print(aggregate.summary(), o));

        assertThat(out).isEqualTo("""
                4 reports (1 duplicates dropped), 2026-11-01 to 2026-11-03
                example.com: 3 of 323 sessions failed
                  CRITICAL resolved: The certificate of mx.example.com has expired, 2026-11-01 to 2026-11-01, seen by Example Mail
                silent: Mailer Two, nothing since 2026-11-01
                """);
        var all = java.util.List.of(expired, other, fixed, later);
        String once = dev.tlsrpt.analysis.ReportAggregate.create().merge(SummarizeReports.parallel(all)).summary().toJson();
        assertThat(SummarizeReports.merged(all.subList(0, 1), all.subList(1, 4)).toJson()).isEqualTo(once);
        assertThat(SummarizeReports.parallel(all).reports()).isEqualTo(4);
        assertThat(aggregate.summary().toJson().replace("\"duplicates\" : 1,", "\"duplicates\" : 0,")).isEqualTo(once);
    }
}
