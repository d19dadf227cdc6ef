package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.DiagnosisTest.failures;
import static dev.tlsrpt.diagnose.DiagnosisTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real reports from the shared corpus, parsed leniently and diagnosed. */
class CorpusDiagnosisTest {

    static ParseResult parse(String resource) {
        try (InputStream in = CorpusDiagnosisTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return TlsRpt.parseWithDeviations(in, ParseOptions.lenient());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Diagnosis diagnose(String resource) {
        return TlsRpt.diagnose(parse(resource));
    }

    @Test
    void theSeedSampleParsedFromJsonDiagnosesAsBuiltInCode() {
        Diagnosis parsed = diagnose("reports/valid/sample.json");

        assertThat(parsed.findings()).isEqualTo(TlsRpt.diagnose(Reports.sample()).findings());
        assertThat(parsed.toText()).isEqualTo(TlsRpt.diagnose(Reports.sample()).toText());
    }

    @Test
    void mailRuFetchErrorsAreMergedAndTheCountMismatchIsExplained() {
        Diagnosis d = diagnose("corpus/parsedmarc/mail.ru.json");

        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.organizationName()).isEqualTo("Mail.ru");
        Finding fetch = failures(d).get(0);
        assertThat(failures(d)).hasSize(1);
        assertThat(fetch.severity()).isEqualTo(Severity.WARNING);
        assertThat(fetch.resultType()).isEqualTo(ResultType.STS_POLICY_FETCH_ERROR);
        assertThat(fetch.stsMode()).isNull();
        assertThat(fetch.mxHost()).isNull();
        assertThat(fetch.mxHostSource()).isEqualTo(MxHostSource.ABSENT);
        assertThat(fetch.failedSessions()).isEqualTo(2);
        assertThat(fetch.sendingIps()).isEmpty();
        assertThat(fetch.failureReasonCodes()).containsExactly("bad https response code: 404",
                "bad https response code: 500");
        assertThat(fetch.explanation())
                .contains("mta-sts.example.com answered 404 Not Found")
                .contains("mta-sts.example.com answered HTTP status 500 instead of 200")
                .contains("These failures do not block mail")
                .contains("senders without one deliver as if example.com had no MTA-STS (RFC 8461 §3.3)");
        assertThat(fetch.action())
                .contains("Publish the policy at exactly https://mta-sts.example.com/.well-known/mta-sts.txt")
                .contains("fix the web server of mta-sts.example.com")
                .contains("_mta-sts.example.com has exactly one TXT record");
        Finding mismatch = only(d, FindingKind.FAILURE_COUNT_MISMATCH);
        assertThat(mismatch.severity()).isEqualTo(Severity.INFO);
        assertThat(mismatch.explanation()).contains("add up to 2 sessions, while its summary gives total-failure-session-count 1.");
        assertThat(d.findings()).extracting(Finding::kind).doesNotContain(FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY);
        assertThat(only(d, FindingKind.PARSE_DEVIATION).explanation()).contains("MISSING_POLICY_STRING (1×",
                "MISSING_SENDING_MTA_IP (2×");
    }

    @Test
    void tlsrptDigestFailureIsAnIntermittentExpiredCertificateOnMailExampleCom() {
        Diagnosis d = diagnose("corpus/tlsrpt-digest/tlsrpt_failure.attachment.json.gz");

        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.findings()).hasSize(1);
        Finding f = d.findings().get(0);
        assertThat(f.resultType()).isEqualTo(ResultType.CERTIFICATE_EXPIRED);
        assertThat(f.severity()).as("2 of 4525 sessions: a handful among many").isEqualTo(Severity.WARNING);
        assertThat(f.impact()).isEqualTo(Impact.NOT_DELIVERED);
        assertThat(f.stsMode()).isEqualTo(dev.tlsrpt.model.StsMode.ENFORCE);
        assertThat(f.mxHost()).isEqualTo("mail.example.com");
        assertThat(f.failedSessions()).isEqualTo(2);
        assertThat(f.policySessions()).isEqualTo(4525);
        assertThat(f.sendingIps()).containsExactly("192.0.2.1");
        assertThat(f.explanation()).startsWith("2 of 4525 sessions (0.04%) failed with certificate-expired.");
        assertThat(f.action()).contains("Renew the certificate of mail.example.com now");
        assertThat(f.explanation()).contains("so the fault is intermittent")
                .contains("All these failures come from one sending IP, 192.0.2.1");
    }

    @Test
    void theRfcExampleHasThreeWarningsUnderTestingAndQuotesTheUnknownReasonCode() {
        Diagnosis d = diagnose("corpus/parsedmarc/rfc8460.json");

        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(failures(d)).extracting(Finding::resultType, Finding::mxHost, Finding::failedSessions)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ResultType.STARTTLS_NOT_SUPPORTED,
                                "mx2.mail.company-y.example", 200L),
                        org.assertj.core.groups.Tuple.tuple(ResultType.CERTIFICATE_EXPIRED,
                                "mx1.mail.company-y.example", 100L),
                        org.assertj.core.groups.Tuple.tuple(ResultType.VALIDATION_FAILURE,
                                "mx-backup.mail.company-y.example", 3L));
        assertThat(failures(d)).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(failures(d).get(2).explanation())
                .contains("The sender gave the reason \"X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED\".");
        assertThat(failures(d).get(0).additionalInformation()).containsExactly(
                "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported");
        assertThat(failures(d)).noneMatch(Finding::mxHostOutsidePolicy);
    }

    @Test
    void microsoftFetchErrorWithoutPolicyStringIsAWarningWithoutMxHost() {
        Diagnosis d = diagnose("corpus/github-issues/dmarc-report-viewer-57-microsoft-sts-fetch-error.json");

        Finding f = failures(d).get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.policyDomain()).isEqualTo("xxxxxxxx.xx");
        assertThat(f.mxHost()).isNull();
        assertThat(f.failedSessions()).isEqualTo(3);
        assertThat(f.share()).isEqualTo(1.0);
        assertThat(f.action()).contains("https://mta-sts.xxxxxxxx.xx/.well-known/mta-sts.txt");
    }

    @Test
    void aSevenDayReportGetsADateRangeFinding() {
        Diagnosis d = diagnose("corpus/mail-auth/rpt02.json");

        assertThat(only(d, FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY).explanation())
                .contains("(6 d 23 h 59 min 59 s)");
        assertThat(failures(d)).extracting(Finding::resultType).containsExactly(ResultType.CERTIFICATE_HOST_MISMATCH);
    }

    @Test
    void noPolicyFoundWithFailuresButNoDetailsIsAWarningAndAnInfo() {
        Diagnosis d = diagnose("corpus/tlsrpt-be/synthetic-idn-report.json");

        assertThat(d.findings()).extracting(Finding::severity, Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, FindingKind.FAILURE_COUNT_MISMATCH),
                org.assertj.core.groups.Tuple.tuple(Severity.INFO, FindingKind.NO_POLICY_FOUND));
        assertThat(d.findings().get(1).action()).contains("_mta-sts.xn--gpher-jua.test");
    }

    @Test
    void aCleanGoogleReportIsOk() {
        Diagnosis d = diagnose("corpus/mox/google-example.attachment.json.gz");

        assertThat(d.severity()).isEqualTo(Severity.OK);
        assertThat(d.findings()).extracting(Finding::kind).containsExactly(FindingKind.ALL_CLEAR);
    }

    @Test
    void microsoftsZonelessDatesAreReportedAsDeviations() {
        ParseResult parsed = parse("corpus/mox/microsoft.attachment.json");
        assertThat(parsed.deviations()).extracting(dev.tlsrpt.Deviation::kind)
                .contains(DeviationKind.DATE_TIME_WITHOUT_ZONE);

        Diagnosis d = TlsRpt.diagnose(parsed);

        assertThat(d.severity()).as("tolerated deviations leave the all-clear verdict all-clear")
                .isEqualTo(Severity.OK);
        assertThat(d.findings()).extracting(Finding::kind)
                .containsExactly(FindingKind.PARSE_DEVIATION, FindingKind.ALL_CLEAR);
        assertThat(d.findings().get(0).pointer()).isEqualTo("/date-range/start-datetime");
        assertThat(d.findings().get(0).explanation()).contains("DATE_TIME_WITHOUT_ZONE (2×, first at "
                + "/date-range/start-datetime");
    }

    static Stream<String> corpus() throws IOException {
        try (InputStream in = CorpusDiagnosisTest.class.getClassLoader().getResourceAsStream("corpus/EXPECTED.json")) {
            Map<String, Object> expected = RenderingTest.readObject(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            return expected.keySet().stream().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusReportDiagnosesConsistently(String file) {
        ParseResult parsed;
        try {
            parsed = parse("corpus/" + file);
        } catch (MalformedReportException e) {
            assumeThat(file).as("only invalid reports may fail to parse").contains("invalid");
            return;
        }
        Diagnosis d = TlsRpt.diagnose(parsed);

        assertThat(d.findings()).isNotEmpty();
        boolean allClear = d.findings().stream().anyMatch(f -> f.kind() == FindingKind.ALL_CLEAR);
        assertThat(d.severity()).isEqualTo(allClear ? Severity.OK : d.findings().get(0).severity());
        assertThat(d.findings()).filteredOn(f -> f.kind() == FindingKind.FAILURE)
                .allSatisfy(f -> assertThat(f.policySessions()).isGreaterThanOrEqualTo(f.failedSessions()));
        assertThat(d.totalSessions()).isEqualTo(policiesSessions(parsed));
        assertThat(d.findings()).isSortedAccordingTo(java.util.Comparator.comparing(Finding::severity));
        List<PolicyResult> policies = parsed.report().policies();
        for (int i = 0; i < policies.size(); i++) {
            PolicyResult p = policies.get(i);
            int index = i;
            List<Finding> ofPolicy = failures(d).stream().filter(f -> f.policyIndex() == index).toList();
            Set<String> types = new LinkedHashSet<>();
            p.failureDetails().forEach(fd -> types.add(fd.resultTypeName()));
            assertThat(ofPolicy).extracting(Finding::resultTypeName).containsAll(types);
            assertThat(ofPolicy.stream().mapToLong(Finding::failedSessions).sum()).isEqualTo(p.failedSessionSum());
            assertThat(d.findings().stream().anyMatch(f -> f.policyIndex() == index
                    && f.kind() == FindingKind.FAILURE_COUNT_MISMATCH))
                    .isEqualTo(p.failedSessionSum() != p.summary().totalFailureSessionCount());
            assertThat(d.findings().stream().anyMatch(f -> f.policyIndex() == index
                    && f.kind() == FindingKind.NO_POLICY_FOUND))
                    .isEqualTo(p.policy().policyType() == PolicyType.NO_POLICY_FOUND);
        }
        assertThat(d.findings().stream().anyMatch(f -> f.kind() == FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY))
                .isEqualTo(!parsed.report().dateRange().isOneUtcDay());
        assertThat(d.findings()).filteredOn(f -> f.kind() == FindingKind.PARSE_DEVIATION)
                .hasSize(parsed.deviations().isEmpty() ? 0 : 1);
        assertThat(d.findings()).allSatisfy(f -> {
            assertThat(f.title()).isNotBlank();
            assertThat(f.action()).isNotBlank();
            assertThat(f.reference()).startsWith("RFC ");
        });
        assertThat(d.toText()).isEqualTo(TlsRpt.diagnose(parsed).toText());
        assertThat(RenderingTest.readObject(d.toJson())).containsEntry("severity", d.severity().wireName());
    }

    /** Per policy successful plus the larger of the summary's failures and the failure details' sum. */
    private static long policiesSessions(ParseResult parsed) {
        long total = 0;
        for (PolicyResult p : parsed.report().policies()) {
            long failed = Math.max(p.failedSessionSum(), p.summary().totalFailureSessionCount());
            total = Math.addExact(total, Math.addExact(p.summary().totalSuccessfulSessionCount(), failed));
        }
        return total;
    }
}
