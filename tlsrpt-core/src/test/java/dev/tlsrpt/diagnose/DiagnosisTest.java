package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static dev.tlsrpt.diagnose.Reports.stsPolicy;
import static dev.tlsrpt.diagnose.Reports.tlsaPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

    @Test
    void theSeedSampleIsOneIntermittentExpiredCertificateOnMailExampleCom() {
        Diagnosis d = TlsRpt.diagnose(Reports.sample());

        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.organizationName()).isEqualTo("Example Mail Provider");
        assertThat(d.reportId()).isEqualTo("2026-11-26T00:00:00Z_example.com");
        assertThat(d.dateRange()).isEqualTo(Reports.ONE_DAY);
        assertThat(d.totalSessions()).isEqualTo(4824);
        assertThat(d.failedSessions()).isEqualTo(3);
        assertThat(d.verdict()).isEqualTo(
                "WARNING: 3 of 4824 sessions failed (0.06%); findings: 0 critical, 1 warning, 0 info.");
        assertThat(d.findings()).hasSize(1);
        Finding f = d.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.impact()).isEqualTo(Impact.NOT_DELIVERED);
        assertThat(f.kind()).isEqualTo(FindingKind.FAILURE);
        assertThat(f.resultType()).isEqualTo(ResultType.CERTIFICATE_EXPIRED);
        assertThat(f.resultTypeName()).isEqualTo("certificate-expired");
        assertThat(f.policyIndex()).isZero();
        assertThat(f.policyType()).isEqualTo(PolicyType.STS);
        assertThat(f.policyDomain()).isEqualTo("example.com");
        assertThat(f.stsMode()).isEqualTo(StsMode.ENFORCE);
        assertThat(f.mxHost()).isEqualTo("mail.example.com");
        assertThat(f.mxHostSource()).isEqualTo(MxHostSource.RECEIVING_MX_HOSTNAME);
        assertThat(f.mxHostOutsidePolicy()).isFalse();
        assertThat(f.failedSessions()).isEqualTo(3);
        assertThat(f.policySessions()).isEqualTo(4824);
        assertThat(f.share()).isCloseTo(3.0 / 4824, within(1e-12));
        assertThat(f.shareText()).isEqualTo("0.06%");
        assertThat(f.sendingIps()).containsExactly("198.51.100.23", "2001:db8:100::17");
        assertThat(f.receivingIps()).containsExactly("192.0.2.25", "2001:db8:25::25");
        assertThat(f.failureReasonCodes()).containsExactly("X509_V_ERR_CERT_HAS_EXPIRED");
        assertThat(f.receivingMxHelos()).isEmpty();
        assertThat(f.policyStrings()).containsExactly("version: STSv1", "mode: enforce", "mx: mail.example.com",
                "mx: backup.example.com", "max_age: 604800");
        assertThat(f.title()).isEqualTo("The certificate of mail.example.com has expired");
        assertThat(f.explanation()).startsWith("3 of 4824 sessions (0.06%) failed with certificate-expired.")
                .contains("mode enforce: the senders did not deliver these messages to mail.example.com")
                .contains("Only 3 of 4824 sessions failed and the others succeeded, so the fault is intermittent")
                .contains("Check the receiving IPs 192.0.2.25, 2001:db8:25::25.");
        assertThat(f.action()).startsWith("Renew the certificate of mail.example.com now")
                .contains("openssl s_client -starttls smtp -connect mail.example.com:25 -servername mail.example.com"
                        + " | openssl x509 -noout -enddate (it prints the end date of the certificate served).");
        assertThat(f.reference()).isEqualTo("RFC 8460 §4.3.1, RFC 8461 §4.2");
        assertThat(f.pointer()).isNull();
    }

    @Test
    void aReportWithoutFailuresHasOneOkFinding() {
        Diagnosis d = TlsRpt.diagnose(report(result(stsPolicy("enforce", "mail.example.com"), 100, 0)));

        assertThat(d.severity()).isEqualTo(Severity.OK);
        assertThat(d.verdict()).isEqualTo("OK: all 100 sessions negotiated TLS as required.");
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.OK);
            assertThat(f.kind()).isEqualTo(FindingKind.ALL_CLEAR);
            assertThat(f.title()).isEqualTo("All sessions negotiated TLS as required");
            assertThat(f.explanation()).isEqualTo(
                    "100 sessions under 1 policy were reported by Example Mail Provider, and none failed.");
            assertThat(f.policyIndex()).isEqualTo(-1);
            assertThat(f.mxHost()).isNull();
            assertThat(f.mxHostSource()).isEqualTo(MxHostSource.ABSENT);
        });
        assertThat(d.count(Severity.OK)).isEqualTo(1);
    }

    @Test
    void failureDetailsOfOneTypePolicyAndMxHostAreMergedInFirstSeenOrder() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com", "backup.example.com"), 100, 9,
                failure(ResultType.CERTIFICATE_NOT_TRUSTED, "mail.example.com", 2, "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
                        "198.51.100.2", "192.0.2.25"),
                failure(ResultType.CERTIFICATE_NOT_TRUSTED, "backup.example.com", 4, null, "198.51.100.2", "192.0.2.26"),
                failure(ResultType.CERTIFICATE_NOT_TRUSTED, "MAIL.example.com.", 1,
                        "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "198.51.100.1", "192.0.2.25"),
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 1, null, "198.51.100.3", "192.0.2.25"),
                failure(ResultType.CERTIFICATE_NOT_TRUSTED, "mail.example.com", 1,
                        "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN", "198.51.100.2", "192.0.2.27")));

        List<Finding> failures = failures(TlsRpt.diagnose(r));

        assertThat(failures).extracting(Finding::resultType, Finding::mxHost, Finding::failedSessions)
                .containsExactly(
                        tuple(ResultType.CERTIFICATE_NOT_TRUSTED, "mail.example.com", 4L),
                        tuple(ResultType.CERTIFICATE_NOT_TRUSTED, "backup.example.com", 4L),
                        tuple(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 1L));
        Finding merged = failures.get(0); // ties in failed sessions keep the report's order
        assertThat(merged.sendingIps()).containsExactly("198.51.100.2", "198.51.100.1");
        assertThat(merged.receivingIps()).containsExactly("192.0.2.25", "192.0.2.27");
        assertThat(merged.failureReasonCodes()).containsExactly("X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
                "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY");
        assertThat(merged.policySessions()).isEqualTo(109);
        assertThat(merged.explanation()).startsWith("4 of 109 sessions (3.67%) failed with certificate-not-trusted.");
        assertThat(merged.action())
                .contains("configure the server to send the server certificate and intermediates only")
                .contains("Configure mail.example.com to send the full chain");
    }

    @Test
    void theMxHostFallsBackToThePolicyPatternsWhenTheReportNamesNone() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com", "*.backup.example.com"), 10, 1,
                failure(ResultType.STARTTLS_NOT_SUPPORTED, null, 1)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.mxHost()).isEqualTo("mail.example.com, *.backup.example.com");
        assertThat(f.mxHostSource()).isEqualTo(MxHostSource.POLICY_MX_PATTERNS);
        assertThat(f.explanation()).contains(
                "The report names no receiving MX host; mail.example.com, *.backup.example.com are the MX patterns");
    }

    @Test
    void theMxHostFallsBackToTheMxLinesWhenMxHostIsMissing() {
        Policy microsoftStyle = Policy.of(PolicyType.STS, List.of("version: STSv1", "mode: testing",
                "mx: mx1.example.com", "max_age: 86400"), "example.com", List.of());
        TlsReport r = report(result(microsoftStyle, 10, 1, failure(ResultType.STARTTLS_NOT_SUPPORTED, null, 1)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.mxHost()).isEqualTo("mx1.example.com");
        assertThat(f.mxHostSource()).isEqualTo(MxHostSource.POLICY_MX_PATTERNS);
        assertThat(f.action()).contains("STARTTLS on the SMTP service of mx1.example.com");
    }

    @Test
    void anAbsentMxHostIsSaidSoAndTheActionUsesAPlaceholder() {
        TlsReport r = report(result(tlsaPolicy(), 10, 1, failure(ResultType.TLSA_INVALID, null, 1)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.mxHost()).isNull();
        assertThat(f.mxHostSource()).isEqualTo(MxHostSource.ABSENT);
        assertThat(f.explanation()).contains(
                "The report names no MX host (no receiving-mx-hostname, and the policy lists no mx patterns).");
        assertThat(f.action()).contains("_25._tcp.<mx-host>");
    }

    @Test
    void anUnknownResultTypeKeepsItsRawName() {
        FailureDetail detail = new FailureDetail(ResultType.UNKNOWN, "certificate-revoked", "198.51.100.23",
                "mail.example.com", null, null, 5, null, "OCSP says revoked");
        TlsReport r = report(result(stsPolicy("testing", "mail.example.com"), 10, 5, detail));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.resultType()).isEqualTo(ResultType.UNKNOWN);
        assertThat(f.resultTypeName()).isEqualTo("certificate-revoked");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).isEqualTo("Unknown result type \"certificate-revoked\" for mail.example.com");
        assertThat(f.explanation()).contains("which RFC 8460 does not define")
                .contains("The sender gave the reason \"OCSP says revoked\".");
        assertThat(f.action()).contains("check mail.example.com for TLS problems");
        assertThat(f.reference()).isEqualTo("RFC 8460 §4.3, §6.6");
    }

    @Test
    void findingsAreOrderedMostSevereFirstThenMostFailedSessions() {
        TlsReport r = report(
                result(stsPolicy("testing", "mail.example.com"), 100, 50,
                        failure(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com", 50)),
                result(tlsaPolicy(), 100, 3,
                        failure(ResultType.TLSA_INVALID, "mail.example.com", 1),
                        failure(ResultType.DNSSEC_INVALID, "mail.example.com", 2)),
                result(Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.org", List.of()), 10, 0));

        Diagnosis d = TlsRpt.diagnose(r);

        assertThat(d.findings()).extracting(Finding::severity, Finding::kind, Finding::resultType).containsExactly(
                tuple(Severity.CRITICAL, FindingKind.FAILURE, ResultType.DNSSEC_INVALID), // 2 of 103: 1.94%
                tuple(Severity.WARNING, FindingKind.FAILURE, ResultType.STARTTLS_NOT_SUPPORTED), // testing
                tuple(Severity.WARNING, FindingKind.FAILURE, ResultType.TLSA_INVALID), // 1 of 103: 0.97%
                tuple(Severity.INFO, FindingKind.NO_POLICY_FOUND, null));
        assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(d.verdict()).isEqualTo(
                "CRITICAL: 53 of 263 sessions failed (20.15%); findings: 1 critical, 2 warning, 1 info.");
    }

    @Test
    void noPolicyFoundAdvisesPublishingMtaStsOrDaneAndIsInfo() {
        TlsReport r = report(result(Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.org", List.of()),
                120, 0));

        Diagnosis d = TlsRpt.diagnose(r);

        assertThat(d.severity()).isEqualTo(Severity.INFO);
        Finding f = d.findings().get(0);
        assertThat(d.findings()).hasSize(1);
        assertThat(f.kind()).isEqualTo(FindingKind.NO_POLICY_FOUND);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.policyType()).isEqualTo(PolicyType.NO_POLICY_FOUND);
        assertThat(f.title()).isEqualTo("example.org publishes neither MTA-STS nor DANE");
        assertThat(f.explanation()).contains("120 sessions succeeded without a policy");
        assertThat(f.action()).contains("a TXT record _mta-sts.example.org")
                .contains("https://mta-sts.example.org/.well-known/mta-sts.txt")
                .contains("TLSA records at _25._tcp.<mx-host>")
                .contains("Keep the _smtp._tls.example.org TXT record");
        assertThat(f.reference()).contains("RFC 8461 §3.1").contains("RFC 7672 §2.2.3");
    }

    @Test
    void noPolicyFoundWithoutPolicyDomainUsesAPlaceholder() {
        TlsReport r = report(result(Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), null, List.of()), 1, 0));

        Finding f = TlsRpt.diagnose(r).findings().get(0);

        assertThat(f.policyDomain()).isNull();
        assertThat(f.action()).contains("_mta-sts.<policy-domain>");
    }

    @Test
    void failureCountsThatDoNotAddUpGiveAnInfoFindingExplainingOverlap() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 0, 1,
                failure(ResultType.STS_POLICY_FETCH_ERROR, null, 1, "bad https response code: 404", null, null),
                failure(ResultType.STS_POLICY_FETCH_ERROR, null, 1, "bad https response code: 500", null, null)));

        Diagnosis d = TlsRpt.diagnose(r);

        Finding mismatch = only(d, FindingKind.FAILURE_COUNT_MISMATCH);
        assertThat(mismatch.severity()).isEqualTo(Severity.INFO);
        assertThat(mismatch.failedSessions()).isEqualTo(1);
        assertThat(mismatch.explanation()).contains("add up to 2 sessions, while its summary gives total-failure-session-count 1.")
                .contains("RFC 8460 §4 lets one session count under several result types");
        assertThat(mismatch.reference()).isEqualTo("RFC 8460 §4, §4.3.4");
        Finding fetch = failures(d).get(0);
        assertThat(fetch.failedSessions()).isEqualTo(2);
        assertThat(fetch.policySessions()).isEqualTo(2);
        assertThat(fetch.share()).isEqualTo(1.0);
    }

    @Test
    void summaryFailuresWithoutFailureDetailsAreAWarning() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 90, 10));

        Finding f = only(TlsRpt.diagnose(r), FindingKind.FAILURE_COUNT_MISMATCH);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).isEqualTo("10 sessions to example.com failed without failure details");
        assertThat(f.explanation()).contains("counts 10 of 100 sessions (10%) as failed");
    }

    @Test
    void anMxHostOutsideThePolicyPatternsIsTheCauseSaidOnTheFailureItself() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com", "*.backup.example.com"), 10, 3,
                failure(ResultType.CERTIFICATE_HOST_MISMATCH, "old-mx.example.net", 2),
                failure(ResultType.CERTIFICATE_HOST_MISMATCH, "b1.backup.example.com", 1)));

        Diagnosis d = TlsRpt.diagnose(r);

        assertThat(d.findings()).extracting(Finding::kind).containsOnly(FindingKind.FAILURE);
        Finding f = failures(d).get(0);
        assertThat(f.mxHost()).isEqualTo("old-mx.example.net");
        assertThat(f.mxHostOutsidePolicy()).isTrue();
        assertThat(f.failedSessions()).isEqualTo(2);
        assertThat(f.explanation()).contains("The cause: old-mx.example.net matches none of the mx patterns of the "
                + "policy (mail.example.com, *.backup.example.com), and a sender applying MTA-STS does not accept an "
                + "MX host that matches no pattern, whatever its certificate (RFC 8461 §4.1).")
                .doesNotContain("does not cover");
        assertThat(f.action()).startsWith("If old-mx.example.net is an MX host of example.com, add the line "
                + "\"mx: old-mx.example.net\" to https://mta-sts.example.com/.well-known/mta-sts.txt first, then change "
                + "the id= of the _mta-sts.example.com TXT record (RFC 8461 §8.1): senders fetch the policy again when "
                + "they see a new id, or once their cached copy is older than its max_age (RFC 8461 §3.1, §5.1). "
                + "If it is not yours, someone may have put it in place of your MX hosts: check the MX records of "
                + "example.com.");
        assertThat(f.reference()).isEqualTo("RFC 8460 §4.3.1, RFC 8461 §4.2, RFC 8461 §3.1, §4.1, §5.1, §8.1");
        Finding inside = failures(d).get(1);
        assertThat(inside.mxHost()).isEqualTo("b1.backup.example.com");
        assertThat(inside.mxHostOutsidePolicy()).isFalse();
        assertThat(inside.explanation()).doesNotContain("The cause");
    }

    @Test
    void aTwoLabelHostUnderAWildcardIsExplainedByTheOneLabelRule() {
        TlsReport r = report(result(stsPolicy("enforce", "*.mx.microsoft"), 0, 40,
                failure(ResultType.VALIDATION_FAILURE, "example-li.h-v1.mx.microsoft", 40)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.mxHostOutsidePolicy()).isTrue();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.explanation()).contains("A *. pattern stands for exactly one label: *.mx.microsoft does not "
                + "cover example-li.h-v1.mx.microsoft, which has more than one label before mx.microsoft.");
        assertThat(f.action()).contains("add the line \"mx: example-li.h-v1.mx.microsoft\" to "
                + "https://mta-sts.example.com/.well-known/mta-sts.txt first");
    }

    @Test
    void anMxHostThatIsNoValidNameGetsNoMxLine() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 10, 1,
                failure(ResultType.STARTTLS_NOT_SUPPORTED, "mx.example.com; reboot", 1)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.mxHostOutsidePolicy()).isTrue();
        assertThat(f.explanation()).contains("The cause: \"mx.example.com; reboot\" matches none of the mx patterns");
        assertThat(f.action()).doesNotContain("add the line").doesNotContain("reboot\"\" is an MX host")
                .contains("which is not a valid host name, so no command is built from it");
    }

    @Test
    void aPolicyFailureIsNeverOutsideThePolicyEvenWithAnMxHostNamed() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 10, 1,
                failure(ResultType.STS_POLICY_FETCH_ERROR, "elsewhere.example.net", 1)));

        assertThat(failures(TlsRpt.diagnose(r)).get(0).mxHostOutsidePolicy()).isFalse();
    }

    @Test
    void aDateRangeOfSevenDaysGivesAnInfoFinding() {
        TlsReport r = new TlsReport("Google Inc.", new DateRange(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-07T23:59:59Z")), null, "x", List.of());

        Diagnosis d = TlsRpt.diagnose(r);

        Finding f = only(d, FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY);
        assertThat(d.findings()).extracting(Finding::kind)
                .containsExactly(FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY, FindingKind.ALL_CLEAR);
        assertThat(d.severity()).as("a note leaves the all-clear verdict all-clear").isEqualTo(Severity.OK);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.impact()).isEqualTo(Impact.NO_EFFECT);
        assertThat(f.explanation()).isEqualTo("The report covers 2020-01-01T00:00:00Z to 2020-01-07T23:59:59Z "
                + "(6 d 23 h 59 min 59 s); RFC 8460 §4.1 asks for one full UTC day, 00:00 to 24:00, so its counts "
                + "do not line up with other senders' daily reports.");
        assertThat(f.reference()).isEqualTo("RFC 8460 §4.1");
    }

    @Test
    void theNextMidnightAsEndIsOneUtcDay() {
        TlsReport r = new TlsReport("Mail.ru", new DateRange(Instant.parse("2024-02-22T00:00:00Z"),
                Instant.parse("2024-02-23T00:00:00Z")), null, "x", List.of());

        assertThat(TlsRpt.diagnose(r).findings()).extracting(Finding::kind).containsExactly(FindingKind.ALL_CLEAR);
    }

    @Test
    void toleratedDeviationsCollapseIntoOneInfoFindingAndLeaveTheVerdictAllClear() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 10, 0));
        List<Deviation> deviations = List.of(
                new Deviation(DeviationKind.DATE_TIME_WITHOUT_ZONE, "/date-range/start-datetime", 3, 23,
                        "\"2023-01-10T00:00:00\" has no time zone; read as UTC"),
                new Deviation(DeviationKind.MISSING_SENDING_MTA_IP, "/policies/0/failure-details/0/sending-mta-ip",
                        -1, -1, "sending-mta-ip is missing"),
                new Deviation(DeviationKind.DATE_TIME_WITHOUT_ZONE, "/date-range/end-datetime", 4, 21,
                        "\"2023-01-10T23:59:59\" has no time zone; read as UTC"));

        Diagnosis d = TlsRpt.diagnose(new dev.tlsrpt.ParseResult(r, deviations));

        assertThat(d.severity()).isEqualTo(Severity.OK);
        assertThat(d.verdict()).isEqualTo("OK: all 10 sessions negotiated TLS as required.");
        assertThat(d.findings()).extracting(Finding::kind)
                .containsExactly(FindingKind.PARSE_DEVIATION, FindingKind.ALL_CLEAR);
        Finding f = d.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.pointer()).isEqualTo("/date-range/start-datetime");
        assertThat(f.policyIndex()).isEqualTo(-1);
        assertThat(f.title()).isEqualTo("The report deviates from RFC 8460 in 3 places, tolerated by lenient parsing");
        assertThat(f.explanation()).isEqualTo("Lenient parsing tolerated: DATE_TIME_WITHOUT_ZONE (2×, first at "
                + "/date-range/start-datetime (line 3, column 23)): \"2023-01-10T00:00:00\" has no time zone; read as "
                + "UTC. A date-time without a time zone was read as UTC. MISSING_SENDING_MTA_IP (1×, first at "
                + "/policies/0/failure-details/0/sending-mta-ip): sending-mta-ip is missing. A failure detail has no "
                + "sending-mta-ip.");
        assertThat(f.action()).contains("Example Mail Provider deviates from RFC 8460 here");
    }

    @Test
    void oneDeviationIsOnePlace() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 1, 0));
        Diagnosis d = TlsRpt.diagnose(new dev.tlsrpt.ParseResult(r, List.of(new Deviation(
                DeviationKind.MISSING_CONTACT_INFO, "", -1, -1, "contact-info is missing"))));

        assertThat(only(d, FindingKind.PARSE_DEVIATION).title())
                .isEqualTo("The report deviates from RFC 8460 in 1 place, tolerated by lenient parsing");
        assertThat(only(d, FindingKind.PARSE_DEVIATION).explanation()).contains("first at (whole document)");
        assertThat(only(d, FindingKind.ALL_CLEAR).explanation())
                .isEqualTo("1 session under 1 policy was reported by Example Mail Provider, and none failed.");
        assertThat(d.verdict()).isEqualTo("OK: all 1 session negotiated TLS as required.");
    }

    @Test
    void theVerdictAndTheFindingsCountOverTheSameDenominator() {
        // the summary says 1 failed session, the failure details 3: both count 3 of 13
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 10, 1,
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 3)));

        Diagnosis d = TlsRpt.diagnose(r);

        assertThat(d.totalSessions()).isEqualTo(13);
        assertThat(d.failedSessions()).isEqualTo(3);
        assertThat(d.verdict()).startsWith("CRITICAL: 3 of 13 sessions failed (23.08%)");
        Finding f = failures(d).get(0);
        assertThat(f.policySessions()).isEqualTo(13);
        assertThat(f.explanation()).startsWith("3 of 13 sessions (23.08%) failed with certificate-expired.");
        assertThat(only(d, FindingKind.FAILURE_COUNT_MISMATCH).policySessions()).isEqualTo(13);
    }

    @Test
    void withFindingsKeepsTheVerdictOfTheWholeReportAndIsAValue() {
        Diagnosis whole = TlsRpt.diagnose(report(result(stsPolicy("enforce", "mx1.example.com", "mx2.example.com"),
                90, 10, failure(ResultType.CERTIFICATE_EXPIRED, "mx1.example.com", 7),
                failure(ResultType.VALIDATION_FAILURE, "mx2.example.com", 3))));
        assertThat(whole.findings()).hasSizeGreaterThan(1);
        Finding last = whole.findings().get(whole.findings().size() - 1);

        Diagnosis one = whole.withFindings(List.of(last));

        assertThat(one.findings()).containsExactly(last);
        assertThat(one.verdict()).isEqualTo(whole.verdict());
        assertThat(one.severity()).isEqualTo(whole.severity());
        assertThat(one.failedSessions()).isEqualTo(10);
        assertThat(one).isNotEqualTo(whole).isEqualTo(whole.withFindings(List.of(last)))
                .hasSameHashCodeAs(whole.withFindings(List.of(last)));
        assertThat(whole.withFindings(whole.findings())).isEqualTo(whole);
        assertThat(one.toString()).isEqualTo("Diagnosis[" + whole.verdict() + ", 1 findings]");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> whole.withFindings(List.of()));
    }

    @Test
    void aNullReportIdIsShownAsAbsent() {
        Diagnosis d = new Diagnosis("Org", null, null, Reports.ONE_DAY, Severity.OK, "OK", 0, 0,
                TlsRpt.diagnose(report()).findings(), Locale.ROOT);

        assertThat(d.reportId()).isNull();
        assertThat(d.toText()).startsWith("TLS-RPT report (no report-id)\n");
        assertThat(RenderingTest.readObject(d.toJson())).containsEntry("report-id", null);
    }

    @Test
    void aLocaleWithoutTranslationGivesEnglish() {
        Diagnosis english = TlsRpt.diagnose(Reports.sample());
        Diagnosis german = TlsRpt.diagnose(Reports.sample(), DiagnosisOptions.defaults().withLocale(Locale.GERMANY));

        assertThat(german.locale()).isEqualTo(Locale.GERMANY);
        assertThat(german.findings()).isEqualTo(english.findings());
        assertThat(german.toText()).isEqualTo(english.toText());
    }

    @Test
    void aTranslationOverridesItsKeysAndEnglishFillsTheRest() {
        // src/test/resources/dev/tlsrpt/diagnose/Advice_qaa.properties: "qaa" is a private-use language code
        Diagnosis d = TlsRpt.diagnose(Reports.sample(), DiagnosisOptions.defaults().withLocale(Locale.forLanguageTag("qaa")));

        Finding f = d.findings().get(0);
        assertThat(f.title()).isEqualTo("Zertifikat von mail.example.com abgelaufen");
        assertThat(f.action()).startsWith("Renew the certificate of mail.example.com now");
    }

    @Test
    void diagnosingTwiceGivesEqualValues() {
        assertThat(TlsRpt.diagnose(Reports.sample())).isEqualTo(TlsRpt.diagnose(Reports.sample()));
    }

    @Test
    void hugeCountsSaturateInsteadOfOverflowing() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), Long.MAX_VALUE, Long.MAX_VALUE,
                failure(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com", Long.MAX_VALUE),
                failure(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com", Long.MAX_VALUE)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.failedSessions()).isEqualTo(Long.MAX_VALUE);
        assertThat(f.policySessions()).isEqualTo(Long.MAX_VALUE);
        assertThat(f.share()).isEqualTo(1.0);
    }

    static List<Finding> failures(Diagnosis d) {
        return d.findings().stream().filter(f -> f.kind() == FindingKind.FAILURE).toList();
    }

    static Finding only(Diagnosis d, FindingKind kind) {
        List<Finding> matching = d.findings().stream().filter(f -> f.kind() == kind).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
