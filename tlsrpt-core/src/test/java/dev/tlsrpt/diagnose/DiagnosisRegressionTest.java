package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.DiagnosisTest.failures;
import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static dev.tlsrpt.diagnose.Reports.stsPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by a review of the diagnosis by a mail-security reader: wrong statements about what
 * happened to the mail, severities that cry wolf, texts that repeat themselves or run sentences together,
 * and counts over two denominators.
 */
class DiagnosisRegressionTest {

    @Test
    void daneRequiredUnderNoPolicyFoundWasNotDelivered() {
        Policy none = Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.com", List.of());
        Finding f = failures(TlsRpt.diagnose(report(result(none, 90, 10,
                failure(ResultType.DANE_REQUIRED, "mail.example.com", 10))))).get(0);

        assertThat(f.explanation()).doesNotContain("delivered these messages anyway")
                .contains("did not deliver these messages");
    }

    @Test
    void oneFailedSessionOfAMillionIsNotCritical() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 1_000_000, 1,
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 1)));

        assertThat(failures(TlsRpt.diagnose(r)).get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aPolicyFetchErrorUnderEnforceDoesNotBlockMailSoIsNotCritical() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 0, 10,
                failure(ResultType.STS_POLICY_FETCH_ERROR, null, 10)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.explanation()).contains("do not block mail");
    }

    @Test
    void onePolicyIsSingular() {
        Diagnosis d = TlsRpt.diagnose(report(result(stsPolicy("enforce", "mail.example.com"), 1, 0)));

        assertThat(d.findings().get(0).explanation()).doesNotContain("1 policies").doesNotContain("1 sessions");
        assertThat(d.verdict()).doesNotContain("1 sessions");
    }

    @Test
    void theUnknownAuthorityActionIsGivenOnce() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 90, 10,
                failure(ResultType.CERTIFICATE_NOT_TRUSTED, "mail.example.com", 10,
                        "x509: certificate signed by unknown authority")));

        String action = failures(TlsRpt.diagnose(r)).get(0).action();

        assertThat(action.split("publicly trusted CA", -1)).as(action).hasSize(2);
    }

    @Test
    void aCheckCommandDoesNotRunIntoTheNextSentence() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 90, 10,
                failure(ResultType.STS_WEBPKI_INVALID, null, 10, "x509: certificate has expired")));

        String action = failures(TlsRpt.diagnose(r)).get(0).action();

        assertThat(action).contains("openssl s_client -connect mta-sts.example.com:443")
                .doesNotContainPattern("-servername \\S+ [A-Z]");
    }

    @Test
    void theVerdictAndTheFindingCountOverTheSameDenominator() {
        // the summary counts 1 failed session, the failure details 3
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 10, 1,
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 3)));

        Diagnosis d = TlsRpt.diagnose(r);

        assertThat(d.totalSessions()).isEqualTo(failures(d).get(0).policySessions());
    }
}
