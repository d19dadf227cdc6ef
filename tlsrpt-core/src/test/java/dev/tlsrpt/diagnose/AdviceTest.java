package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.DiagnosisTest.failures;
import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static dev.tlsrpt.diagnose.Reports.stsPolicy;
import static dev.tlsrpt.diagnose.Reports.tlsaPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AdviceTest {

    private static Finding diagnoseOne(Policy policy, ResultType type, @Nullable String code) {
        return failures(Diagnosis.of(report(result(policy, 997, 3, failure(type, "mail.example.com", 3, code)))))
                .get(0);
    }

    static Stream<Arguments> everyResultTypeUnderEnforce() {
        return Stream.of(
                Arguments.of(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com does not offer STARTTLS",
                        "openssl s_client -starttls smtp -connect mail.example.com:25", "RFC 8460 §4.3.1"),
                Arguments.of(ResultType.CERTIFICATE_HOST_MISMATCH, "The certificate of mail.example.com does not name "
                        + "mail.example.com", "a DNS subject alternative name for mail.example.com", "RFC 8461 §4.2"),
                Arguments.of(ResultType.CERTIFICATE_EXPIRED, "The certificate of mail.example.com has expired",
                        "Renew the certificate of mail.example.com now", "RFC 8460 §4.3.1"),
                Arguments.of(ResultType.CERTIFICATE_NOT_TRUSTED, "The certificate of mail.example.com is not trusted",
                        "Serve on mail.example.com a certificate from a publicly trusted CA", "RFC 8460 §4.3.1"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "TLS negotiation with mail.example.com failed",
                        "TLS logs of mail.example.com", "RFC 8460 §4.3.1, §4.3.3"),
                Arguments.of(ResultType.TLSA_INVALID, "No TLSA record at _25._tcp.mail.example.com matches "
                        + "mail.example.com", "Compare the TLSA records at _25._tcp.mail.example.com",
                        "RFC 8460 §4.3.2.1"),
                Arguments.of(ResultType.DNSSEC_INVALID, "DNSSEC validation failed for the TLSA records of "
                        + "mail.example.com", "Check the DNSSEC chain of _25._tcp.mail.example.com",
                        "RFC 7672 §2.1.1"),
                Arguments.of(ResultType.DANE_REQUIRED, "Example Mail Provider requires DANE for example.com, but "
                        + "mail.example.com has no validated TLSA records",
                        "publish TLSA records at _25._tcp.mail.example.com", "RFC 7672 §6"),
                Arguments.of(ResultType.STS_POLICY_FETCH_ERROR, "The MTA-STS policy of example.com could not be "
                        + "fetched", "serves https://mta-sts.example.com/.well-known/mta-sts.txt over HTTPS with "
                        + "status 200", "RFC 8461 §3.1, §3.2, §3.3"),
                Arguments.of(ResultType.STS_POLICY_INVALID, "The MTA-STS policy of example.com is invalid",
                        "change the id in the _mta-sts.example.com TXT record", "RFC 8461 §3.1, §3.2, §4.1"),
                Arguments.of(ResultType.STS_WEBPKI_INVALID, "The certificate of the MTA-STS policy host "
                        + "mta-sts.example.com is not valid", "openssl s_client -connect mta-sts.example.com:443",
                        "RFC 8460 §4.3.2.2, RFC 8461 §3.3"));
    }

    @ParameterizedTest
    @MethodSource
    void everyResultTypeUnderEnforce(ResultType type, String title, String action, String reference) {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), type, null);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.resultType()).isEqualTo(type);
        assertThat(f.mxHost()).isEqualTo("mail.example.com");
        assertThat(f.stsMode()).isEqualTo(StsMode.ENFORCE);
        assertThat(f.title()).isEqualTo(title);
        assertThat(f.action()).contains(action);
        assertThat(f.reference()).contains(reference);
        assertThat(f.explanation()).startsWith("3 of 1000 sessions (0.3%) failed with " + type.wireName() + ".");
    }

    static Stream<Arguments> everyResultTypeUnderTesting() {
        return everyResultTypeUnderEnforce();
    }

    @ParameterizedTest
    @MethodSource
    void everyResultTypeUnderTesting(ResultType type, String title, String action, String reference) {
        Finding f = diagnoseOne(stsPolicy("testing", "mail.example.com"), type, null);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.stsMode()).isEqualTo(StsMode.TESTING);
        assertThat(f.mxHost()).isEqualTo("mail.example.com");
        assertThat(f.title()).isEqualTo(title);
        assertThat(f.action()).contains(action);
        assertThat(f.reference()).contains(reference);
    }

    @ParameterizedTest
    @EnumSource(ResultType.class)
    void everyResultTypeHasATitleExplanationActionAndReference(ResultType type) {
        AdviceCatalog advice = AdviceCatalog.forLocale(Locale.ROOT);
        String id = Diagnoser.adviceId(type);

        assertThat(id).isEqualTo(type == ResultType.UNKNOWN ? "unknown" : type.wireName());
        for (String field : List.of("title", "explanation", "action", "reference")) {
            assertThat(advice.has("type." + id + "." + field)).as(id + "." + field).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(dev.tlsrpt.DeviationKind.class)
    void everyDeviationKindIsDescribed(dev.tlsrpt.DeviationKind kind) {
        assertThat(AdviceCatalog.forLocale(Locale.ROOT).has("deviation." + kind.name())).isTrue();
    }

    @Test
    void everyResultTypeHasItsOwnAdvice() {
        assertThat(Stream.of(ResultType.values()).filter(t -> t != ResultType.UNKNOWN)
                .map(t -> diagnoseOne(stsPolicy("enforce", "mail.example.com"), t, null).action()).distinct())
                .hasSize(11);
    }

    @ParameterizedTest
    @CsvSource({
        "enforce, CRITICAL, 'mode enforce: the senders did not deliver these messages to mail.example.com'",
        "testing, WARNING, 'mode testing: the senders delivered these messages anyway, without TLS or to a host'",
        "none, WARNING, 'mode none: senders treat example.com as having no policy'",
        "sideways, WARNING, 'does not say which MTA-STS mode applied'",
    })
    void theMtaStsModeDecidesTheSeverity(String mode, Severity severity, String consequence) {
        Finding f = diagnoseOne(stsPolicy(mode, "mail.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, null);

        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.stsMode()).isEqualTo(StsMode.fromWireName(mode));
        assertThat(f.explanation()).contains(consequence);
        assertThat(f.action()).contains("mail.example.com:25");
    }

    @Test
    void aPolicyStringWithoutModeIsAWarningSayingTheModeIsUnknown() {
        Finding f = diagnoseOne(stsPolicy(null, "mail.example.com"), ResultType.CERTIFICATE_EXPIRED, null);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.stsMode()).isNull();
        assertThat(f.explanation()).contains("under enforce these messages were not delivered, under testing "
                + "they were delivered anyway");
    }

    @Test
    void aPolicyFetchErrorUnderEnforceExplainsCachedPolicies() {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), ResultType.STS_POLICY_FETCH_ERROR, null);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.explanation()).contains("senders holding a cached copy keep applying it until its max_age "
                + "runs out, senders without one deliver as if example.com had no MTA-STS (RFC 8461 §3.3)");
    }

    @ParameterizedTest
    @EnumSource(value = ResultType.class, names = {"UNKNOWN"}, mode = EnumSource.Mode.EXCLUDE)
    void everyFailureUnderDaneIsCritical(ResultType type) {
        Finding f = diagnoseOne(tlsaPolicy(), type, null);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.policyType()).isEqualTo(PolicyType.TLSA);
        assertThat(f.stsMode()).isNull();
        assertThat(f.mxHost()).isEqualTo("mail.example.com");
        assertThat(f.explanation()).contains("mail.example.com is protected by DANE: senders that validate DANE "
                + "did not deliver these messages");
        String host = type.category() == dev.tlsrpt.model.ResultCategory.STS_POLICY
                ? "mta-sts.example.com" : "mail.example.com";
        assertThat(f.action()).contains(host);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TLSA_INVALID      | Compare the TLSA records at _25._tcp.mail.example.com | RFC 7672 §3.1, §4, RFC 7671 §8.1",
        "DNSSEC_INVALID    | make the DS record at the parent match the current DNSKEY | RFC 7672 §2.1.1",
        "DANE_REQUIRED     | ask Example Mail Provider to drop its mandatory-DANE rule for example.com | RFC 7672 §6",
        "CERTIFICATE_EXPIRED | publish its TLSA record at _25._tcp.mail.example.com next to the old one | RFC 7672 §3.1.1, §4, RFC 7671 §5.1, §8.1",
        "CERTIFICATE_NOT_TRUSTED | Make the chain mail.example.com sends match the TLSA records at _25._tcp.mail.example.com | RFC 7672 §3.1.1, §3.1.2, RFC 7671 §5.2.2",
        "CERTIFICATE_HOST_MISMATCH | publish a DANE-EE(3) record (3 1 1 with the SHA-256 of its public key) at _25._tcp.mail.example.com | RFC 7672 §3.2",
    })
    void daneFailuresNameTheTlsaRecord(ResultType type, String action, String reference) {
        Finding f = diagnoseOne(tlsaPolicy(), type, null);

        assertThat(f.action()).contains(action);
        assertThat(f.reference()).contains(reference);
    }

    @Test
    void daneRequiredIsExplainedAsASenderSideRequirement() {
        Finding f = diagnoseOne(tlsaPolicy(), ResultType.DANE_REQUIRED, null);

        assertThat(f.explanation()).contains("dane-required is a sender-side setting")
                .contains("It does not mean that your domain requires DANE");
    }

    @Test
    void validationFailureIsExplainedAsTheCatchAll() {
        Finding f = diagnoseOne(stsPolicy("testing", "mail.example.com"), ResultType.VALIDATION_FAILURE, null);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.explanation()).contains("validation-failure is the catch-all of RFC 8460")
                .contains("it is not specifically a certificate error");
    }

    @Test
    void failuresUnderNoPolicyFoundAreWarnings() {
        Policy none = Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.com", List.of());
        Finding f = diagnoseOne(none, ResultType.STARTTLS_NOT_SUPPORTED, null);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.explanation()).contains("No policy applied, so the senders delivered these messages anyway");
    }

    @Test
    void failuresUnderAnUnknownPolicyTypeAreWarnings() {
        Policy odd = new Policy(PolicyType.UNKNOWN, "smtp-sts-v2", List.of(), "example.com", List.of());
        Finding f = diagnoseOne(odd, ResultType.STARTTLS_NOT_SUPPORTED, null);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.policyTypeName()).isEqualTo("smtp-sts-v2");
        assertThat(f.explanation()).contains("The policy type \"smtp-sts-v2\" is not defined by RFC 8460");
    }

    static Stream<Arguments> wellKnownReasonCodes() {
        return Stream.of(
                Arguments.of(ResultType.VALIDATION_FAILURE, "X509_V_ERR_CERT_HAS_EXPIRED",
                        "says the certificate of mail.example.com has expired",
                        "Renew the certificate of mail.example.com and check its end date"),
                Arguments.of(ResultType.CERTIFICATE_NOT_TRUSTED, "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT",
                        "mail.example.com presents a self-signed certificate",
                        "Replace the self-signed certificate of mail.example.com"),
                Arguments.of(ResultType.CERTIFICATE_NOT_TRUSTED, "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
                        "ends in a self-signed root the senders do not trust",
                        "send the server certificate and intermediates only"),
                Arguments.of(ResultType.CERTIFICATE_NOT_TRUSTED, "x509_v_err_unable_to_get_issuer_cert_locally",
                        "could not find the issuer of the certificate of mail.example.com",
                        "Configure mail.example.com to send the full chain"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "X509_V_ERR_HOSTNAME_MISMATCH",
                        "the certificate of mail.example.com does not name mail.example.com",
                        "Add mail.example.com as a DNS subject alternative name"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "X509_V_ERR_CERT_NOT_YET_VALID",
                        "is not valid yet", "Check the notBefore date of the certificate of mail.example.com"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION",
                        "carries a critical CRL extension", "without unusual critical extensions"),
                Arguments.of(ResultType.STS_POLICY_FETCH_ERROR, "bad https response code: 404",
                        "mta-sts.example.com answered 404 Not Found",
                        "Publish the policy at exactly https://mta-sts.example.com/.well-known/mta-sts.txt"),
                Arguments.of(ResultType.STS_POLICY_FETCH_ERROR, "bad https response code: 500",
                        "mta-sts.example.com answered HTTP status 500 instead of 200",
                        "for a 5xx status fix the web server of mta-sts.example.com"),
                Arguments.of(ResultType.STS_POLICY_FETCH_ERROR, "unable to do http request: Get "
                        + "\"https://mta-sts.example.com/.well-known/mta-sts.txt\": context deadline exceeded "
                        + "(Client.Timeout exceeded while awaiting headers)",
                        "fetching https://mta-sts.example.com/.well-known/mta-sts.txt timed out",
                        "Check that mta-sts.example.com answers on port 443"),
                Arguments.of(ResultType.STS_POLICY_FETCH_ERROR, "dial tcp: lookup mta-sts.example.com: no such host",
                        "mta-sts.example.com does not resolve",
                        "Create the A and AAAA (or CNAME) records of mta-sts.example.com"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "connection timed out",
                        "the session with mail.example.com timed out",
                        "Check that mail.example.com answers on port 25"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "tls-remote-alert-70-protocol-version-not-supported",
                        "mail.example.com refused the TLS protocol version",
                        "Enable TLS 1.2 and TLS 1.3 on mail.example.com"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "io-timeout-during-handshake",
                        "the TLS handshake with mail.example.com timed out",
                        "completes the TLS handshake on port 25 within seconds"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "tls-remote-alert-40-handshake-failure",
                        "aborted the TLS handshake with alert 40 (handshake-failure)",
                        "Look in the TLS logs of mail.example.com"),
                Arguments.of(ResultType.CERTIFICATE_NOT_TRUSTED, "x509: certificate signed by unknown authority",
                        "signed by an authority the senders do not know",
                        "Serve on mail.example.com a certificate from a publicly trusted CA"),
                Arguments.of(ResultType.VALIDATION_FAILURE, "self-signed_certificate",
                        "presents a self-signed certificate", "Replace the self-signed certificate"));
    }

    @ParameterizedTest
    @MethodSource
    void wellKnownReasonCodes(ResultType type, String code, String explanation, String action) {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), type, code);

        assertThat(f.failureReasonCodes()).containsExactly(code);
        assertThat(f.explanation()).containsIgnoringCase(explanation);
        assertThat(f.action()).contains(action);
    }

    @Test
    void anUnknownReasonCodeIsQuotedShortWithoutControlCharacters() {
        String code = "weird\nfailure " + String.join("", Collections.nCopies(50, "xy"));
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), ResultType.VALIDATION_FAILURE, code);

        // the line feed shows as a visible escape; 80 characters in all
        String quoted = "The sender gave the reason \"weird\\u000afailure " + "xy".repeat(30) + "x…\".";
        assertThat(f.explanation()).contains(quoted).doesNotContain("\n");
        assertThat(f.failureReasonCodes()).containsExactly(code);
    }

    @Test
    void theCodeAdviceThatRepeatsTheTypeAdviceIsLeftOut() {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), ResultType.CERTIFICATE_EXPIRED,
                "X509_V_ERR_CERT_HAS_EXPIRED");

        assertThat(f.action()).doesNotContain("check its end date (openssl x509");
        assertThat(f.explanation()).contains("The reason \"X509_V_ERR_CERT_HAS_EXPIRED\" says the certificate of "
                + "mail.example.com has expired.");
    }

    @Test
    void atMostFiveReasonCodesAreQuoted() {
        var details = new java.util.ArrayList<dev.tlsrpt.model.FailureDetail>();
        for (int i = 0; i < 8; i++) {
            details.add(failure(ResultType.VALIDATION_FAILURE, "mail.example.com", 1, "code-" + i));
        }
        Finding f = failures(Diagnosis.of(report(result(stsPolicy("enforce", "mail.example.com"), 10, 8,
                details.toArray(new dev.tlsrpt.model.FailureDetail[0]))))).get(0);

        assertThat(f.failureReasonCodes()).hasSize(8);
        assertThat(f.explanation()).contains("\"code-4\"").doesNotContain("\"code-5\"")
                .contains("The sender gave 3 more reason codes.");
    }

    @Test
    void everyAdviceTextFormatsWithoutLeftoverPlaceholders() {
        AdviceCatalog advice = AdviceCatalog.forLocale(Locale.ROOT);
        Object[] args = new Object[19];
        for (int i = 0; i < args.length; i++) {
            args[i] = "arg" + i;
        }
        List<String> keys = Collections.list(advice.bundle().getKeys());
        assertThat(keys).hasSizeGreaterThan(100);
        for (String key : keys) {
            String text = advice.format(key, args);
            assertThat(text).as(key).doesNotContain("{").doesNotContain("}").isNotBlank();
            assertThat(text).as(key + " has an unescaped apostrophe").doesNotContain("''");
        }
    }
}
