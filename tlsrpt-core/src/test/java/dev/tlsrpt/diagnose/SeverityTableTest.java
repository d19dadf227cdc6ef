package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.DiagnosisTest.failures;
import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static dev.tlsrpt.diagnose.Reports.stsPolicy;
import static dev.tlsrpt.diagnose.Reports.tlsaPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Severity and impact of every result type under every kind of policy, for three shares of the policy's
 * sessions, as literal expected values written from the rules of {@link Severity} (not computed by the code
 * under test), with a phrase each explanation must hold, and a second phrase for the share (intermittent, or
 * no session succeeded) that must appear exactly when given.
 *
 * <p>Shares: {@code tiny} is 1 failed of 1,000,001 sessions, {@code substantial} 50 of 1,000 (5%), {@code total}
 * 10 of 10 (no successful session). Policies: {@code enforce}, {@code testing} and {@code none} are MTA-STS
 * modes; {@code tlsa} is DANE; {@code no-policy-found} is no policy.
 */
class SeverityTableTest {

    static final String INTERMITTENT = "so the fault is intermittent";
    static final String NO_SUCCESS = "No session of this policy succeeded";

    static Policy policy(String kind) {
        return switch (kind) {
            case "tlsa" -> tlsaPolicy();
            case "no-policy-found" -> Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.com", List.of());
            default -> stsPolicy(kind, "mail.example.com");
        };
    }

    static Finding diagnose(ResultType type, String policy, String share) {
        long[] counts = switch (share) {
            case "tiny" -> new long[] {1_000_000, 1};
            case "substantial" -> new long[] {950, 50};
            case "total" -> new long[] {0, 10};
            default -> throw new IllegalArgumentException(share);
        };
        FailureDetail detail = type == ResultType.UNKNOWN
                ? new FailureDetail(ResultType.UNKNOWN, "certificate-revoked", "198.51.100.23", "mail.example.com", null,
                        "192.0.2.25", counts[1], null, null)
                : failure(type, "mail.example.com", counts[1]);
        TlsReport r = report(result(policy(policy), counts[0], counts[1], detail));
        return failures(TlsRpt.diagnose(r)).get(0);
    }

    @ParameterizedTest(name = "{0} under {1}, {2} share: {3}, {4}")
    @CsvSource(delimiter = '|', value = {
        "STARTTLS_NOT_SUPPORTED    | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "STARTTLS_NOT_SUPPORTED    | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "STARTTLS_NOT_SUPPORTED    | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "STARTTLS_NOT_SUPPORTED    | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "STARTTLS_NOT_SUPPORTED    | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "STARTTLS_NOT_SUPPORTED    | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "STARTTLS_NOT_SUPPORTED    | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "STARTTLS_NOT_SUPPORTED    | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "STARTTLS_NOT_SUPPORTED    | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "STARTTLS_NOT_SUPPORTED    | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "STARTTLS_NOT_SUPPORTED    | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "STARTTLS_NOT_SUPPORTED    | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "STARTTLS_NOT_SUPPORTED    | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "STARTTLS_NOT_SUPPORTED    | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "STARTTLS_NOT_SUPPORTED    | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_HOST_MISMATCH | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "CERTIFICATE_HOST_MISMATCH | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "CERTIFICATE_HOST_MISMATCH | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "CERTIFICATE_HOST_MISMATCH | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_HOST_MISMATCH | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_HOST_MISMATCH | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_HOST_MISMATCH | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_HOST_MISMATCH | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_HOST_MISMATCH | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_HOST_MISMATCH | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "CERTIFICATE_HOST_MISMATCH | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "CERTIFICATE_HOST_MISMATCH | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "CERTIFICATE_HOST_MISMATCH | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_HOST_MISMATCH | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_HOST_MISMATCH | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_EXPIRED       | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "CERTIFICATE_EXPIRED       | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "CERTIFICATE_EXPIRED       | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "CERTIFICATE_EXPIRED       | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_EXPIRED       | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_EXPIRED       | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_EXPIRED       | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_EXPIRED       | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_EXPIRED       | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_EXPIRED       | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "CERTIFICATE_EXPIRED       | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "CERTIFICATE_EXPIRED       | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "CERTIFICATE_EXPIRED       | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_EXPIRED       | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_EXPIRED       | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_NOT_TRUSTED   | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "CERTIFICATE_NOT_TRUSTED   | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "CERTIFICATE_NOT_TRUSTED   | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "CERTIFICATE_NOT_TRUSTED   | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_NOT_TRUSTED   | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_NOT_TRUSTED   | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "CERTIFICATE_NOT_TRUSTED   | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_NOT_TRUSTED   | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_NOT_TRUSTED   | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "CERTIFICATE_NOT_TRUSTED   | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "CERTIFICATE_NOT_TRUSTED   | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "CERTIFICATE_NOT_TRUSTED   | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "CERTIFICATE_NOT_TRUSTED   | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_NOT_TRUSTED   | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "CERTIFICATE_NOT_TRUSTED   | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "VALIDATION_FAILURE        | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "VALIDATION_FAILURE        | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "VALIDATION_FAILURE        | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "VALIDATION_FAILURE        | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "VALIDATION_FAILURE        | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "VALIDATION_FAILURE        | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "VALIDATION_FAILURE        | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "VALIDATION_FAILURE        | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "VALIDATION_FAILURE        | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "VALIDATION_FAILURE        | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "VALIDATION_FAILURE        | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "VALIDATION_FAILURE        | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "VALIDATION_FAILURE        | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "VALIDATION_FAILURE        | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "VALIDATION_FAILURE        | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "TLSA_INVALID              | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "TLSA_INVALID              | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "TLSA_INVALID              | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "TLSA_INVALID              | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "TLSA_INVALID              | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "TLSA_INVALID              | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "TLSA_INVALID              | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "TLSA_INVALID              | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "TLSA_INVALID              | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "TLSA_INVALID              | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "TLSA_INVALID              | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "TLSA_INVALID              | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "TLSA_INVALID              | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "TLSA_INVALID              | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "TLSA_INVALID              | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "DNSSEC_INVALID            | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "DNSSEC_INVALID            | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "DNSSEC_INVALID            | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "DNSSEC_INVALID            | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "DNSSEC_INVALID            | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "DNSSEC_INVALID            | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "DNSSEC_INVALID            | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "DNSSEC_INVALID            | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "DNSSEC_INVALID            | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "DNSSEC_INVALID            | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "DNSSEC_INVALID            | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "DNSSEC_INVALID            | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "DNSSEC_INVALID            | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "DNSSEC_INVALID            | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "DNSSEC_INVALID            | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "DANE_REQUIRED             | enforce        | tiny       | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | so the fault is intermittent",
        "DANE_REQUIRED             | enforce        | substantial| CRITICAL| not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | enforce        | total      | CRITICAL| not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | No session of this policy succeeded",
        "DANE_REQUIRED             | testing        | tiny       | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | testing        | substantial| WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | testing        | total      | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | none           | tiny       | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | none           | substantial| WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | none           | total      | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | tlsa           | tiny       | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | so the fault is intermittent",
        "DANE_REQUIRED             | tlsa           | substantial| CRITICAL| not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | tlsa           | total      | CRITICAL| not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | No session of this policy succeeded",
        "DANE_REQUIRED             | no-policy-found| tiny       | WARNING | not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | so the fault is intermittent",
        "DANE_REQUIRED             | no-policy-found| substantial| CRITICAL| not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | ",
        "DANE_REQUIRED             | no-policy-found| total      | CRITICAL| not-delivered        | requires DANE for example.com, so its senders did not deliver these messages | No session of this policy succeeded",
        "STS_POLICY_FETCH_ERROR    | enforce        | tiny       | WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | enforce        | substantial| WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | enforce        | total      | WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | testing        | tiny       | WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | testing        | substantial| WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | testing        | total      | WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | none           | tiny       | WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | none           | substantial| WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | none           | total      | WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | tlsa           | tiny       | WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_POLICY_FETCH_ERROR    | tlsa           | substantial| WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_POLICY_FETCH_ERROR    | tlsa           | total      | WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_POLICY_FETCH_ERROR    | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_POLICY_FETCH_ERROR    | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_POLICY_INVALID        | enforce        | tiny       | WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_POLICY_INVALID        | enforce        | substantial| WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_POLICY_INVALID        | enforce        | total      | WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_POLICY_INVALID        | testing        | tiny       | WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_POLICY_INVALID        | testing        | substantial| WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_POLICY_INVALID        | testing        | total      | WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_POLICY_INVALID        | none           | tiny       | WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_POLICY_INVALID        | none           | substantial| WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_POLICY_INVALID        | none           | total      | WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_POLICY_INVALID        | tlsa           | tiny       | WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_POLICY_INVALID        | tlsa           | substantial| WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_POLICY_INVALID        | tlsa           | total      | WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_POLICY_INVALID        | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_POLICY_INVALID        | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_POLICY_INVALID        | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | enforce        | tiny       | WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | enforce        | substantial| WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | enforce        | total      | WARNING | delivered-unprotected| mode enforce, yet these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | testing        | tiny       | WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | testing        | substantial| WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | testing        | total      | WARNING | no-effect            | mode testing: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | none           | tiny       | WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | none           | substantial| WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | none           | total      | WARNING | no-effect            | mode none: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | tlsa           | tiny       | WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_WEBPKI_INVALID        | tlsa           | substantial| WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_WEBPKI_INVALID        | tlsa           | total      | WARNING | unknown              | MTA-STS policy failures do not block mail by themselves | ",
        "STS_WEBPKI_INVALID        | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "STS_WEBPKI_INVALID        | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied: these failures do not block mail | ",
        "UNKNOWN                   | enforce        | tiny       | WARNING | not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | so the fault is intermittent",
        "UNKNOWN                   | enforce        | substantial| CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | ",
        "UNKNOWN                   | enforce        | total      | CRITICAL| not-delivered        | mode enforce: the senders did not deliver these messages to mail.example.com | No session of this policy succeeded",
        "UNKNOWN                   | testing        | tiny       | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "UNKNOWN                   | testing        | substantial| WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "UNKNOWN                   | testing        | total      | WARNING | delivered-unprotected| mode testing: the senders delivered these messages anyway | ",
        "UNKNOWN                   | none           | tiny       | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "UNKNOWN                   | none           | substantial| WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "UNKNOWN                   | none           | total      | WARNING | delivered-unprotected| mode none: senders treat example.com as having no policy | ",
        "UNKNOWN                   | tlsa           | tiny       | WARNING | not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | so the fault is intermittent",
        "UNKNOWN                   | tlsa           | substantial| CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | ",
        "UNKNOWN                   | tlsa           | total      | CRITICAL| not-delivered        | mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages | No session of this policy succeeded",
        "UNKNOWN                   | no-policy-found| tiny       | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "UNKNOWN                   | no-policy-found| substantial| WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | ",
        "UNKNOWN                   | no-policy-found| total      | WARNING | delivered-unprotected| No policy applied, so the senders delivered these messages anyway | "
    })
    void severityAndImpactOfEveryResultTypePolicyAndShare(ResultType type, String policy, String share,
            Severity severity, String impact, String phrase, @Nullable String sharePhrase) {
        Finding f = diagnose(type, policy, share);

        assertThat(f.severity()).as(f.explanation()).isEqualTo(severity);
        assertThat(f.impact().wireName()).isEqualTo(impact);
        assertThat(f.explanation()).contains(phrase);
        for (String p : List.of(INTERMITTENT, NO_SUCCESS)) {
            if (p.equals(sharePhrase)) {
                assertThat(f.explanation()).contains(p);
            } else {
                assertThat(f.explanation()).doesNotContain(p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the corpus report of tlsrpt-digest: 2 of 4,525 sessions
        "2 of 4525 under enforce | enforce | 4523 | 2 | WARNING | not-delivered | Only 2 of 4525 sessions failed and the others succeeded",
        "1% exactly is substantial | enforce | 99 | 1 | CRITICAL | not-delivered | mode enforce: the senders did not deliver",
        "just under 1% | enforce | 100 | 1 | WARNING | not-delivered | one server node behind mail.example.com, one address family (IPv4 or IPv6), or one sender's clock",
        "no mode line | - | 90 | 10 | WARNING | unknown | does not say which MTA-STS mode applied",
        "unknown policy type | ? | 90 | 10 | WARNING | unknown | The policy type \"smtp-sts-v2\" is not defined by RFC 8460",
    })
    void edgesOfTheRules(String name, String policy, long successful, long failed, Severity severity, String impact,
            String phrase) {
        Policy p = switch (policy) {
            case "-" -> stsPolicy(null, "mail.example.com");
            case "?" -> new Policy(PolicyType.UNKNOWN, "smtp-sts-v2", List.of(), "example.com", List.of());
            default -> stsPolicy(policy, "mail.example.com");
        };
        Finding f = failures(TlsRpt.diagnose(report(result(p, successful, failed,
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", failed))))).get(0);

        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.impact().wireName()).isEqualTo(impact);
        assertThat(f.explanation()).contains(phrase);
    }

    @Test
    void aTwoLabelHostUnderAOneLabelWildcardUnderEnforce() {
        TlsReport r = report(result(stsPolicy("enforce", "*.mx.microsoft"), 950, 50,
                failure(ResultType.CERTIFICATE_HOST_MISMATCH, "example-li.h-v1.mx.microsoft", 50)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.impact()).isEqualTo(Impact.NOT_DELIVERED);
        assertThat(f.mxHostOutsidePolicy()).isTrue();
        assertThat(f.explanation()).contains("The cause: example-li.h-v1.mx.microsoft matches none of the mx patterns "
                + "of the policy (*.mx.microsoft)")
                .contains("*.mx.microsoft does not cover example-li.h-v1.mx.microsoft");
        assertThat(f.action()).contains("add the line \"mx: example-li.h-v1.mx.microsoft\"")
                .contains("change the id= of the _mta-sts.example.com TXT record");
    }

    @Test
    void failuresFromOneSendingIpSayTheFaultMayBeTheSenders() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 950, 50,
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 30, null, "198.51.100.23", "192.0.2.25"),
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 20, null, "198.51.100.23", "192.0.2.26")));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.explanation()).contains("All these failures come from one sending IP, 198.51.100.23: the fault "
                + "may be the sender's");
        assertThat(f.action()).as("two receiving IPs: the command connects to the MX host")
                .contains("-connect mail.example.com:25 -servername mail.example.com");
    }

    @Test
    void failuresOnOneReceivingIpAreCheckedAtThatIpWithTheMxNameAsSni() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 950, 50,
                failure(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com", 30, null, "198.51.100.1", "2001:db8::25"),
                failure(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com", 20, null, "198.51.100.2", "2001:db8::25")));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.action()).contains("openssl s_client -starttls smtp -connect '[2001:db8::25]':25 "
                + "-servername mail.example.com (it must show a certificate chain).");
        assertThat(f.explanation()).doesNotContain("one sending IP");
    }

    @Test
    void aGreetingByAnotherNameIsShown() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 950, 50,
                new FailureDetail(ResultType.CERTIFICATE_HOST_MISMATCH, "certificate-host-mismatch", "198.51.100.1",
                        "mail.example.com", "mx.other.example ESMTP", "192.0.2.25", 40, null, null),
                new FailureDetail(ResultType.CERTIFICATE_HOST_MISMATCH, "certificate-host-mismatch", "198.51.100.2",
                        "mail.example.com", "MAIL.example.com. ESMTP ready", "192.0.2.25", 10, null, null)));

        Finding f = failures(TlsRpt.diagnose(r)).get(0);

        assertThat(f.receivingMxHelos()).containsExactly("mx.other.example ESMTP");
        assertThat(f.explanation()).contains("The server greeted the senders as \"mx.other.example ESMTP\" "
                + "(receiving-mx-helo), not as mail.example.com");
    }
}
