package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.DiagnosisTest.failures;
import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static dev.tlsrpt.diagnose.Reports.stsPolicy;
import static dev.tlsrpt.diagnose.Reports.tlsaPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.TlsRpt;
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
import org.junit.jupiter.params.provider.ValueSource;

class AdviceTest {

    private static Finding diagnoseOne(Policy policy, ResultType type, @Nullable String code) {
        // no receiving IP: the check commands connect to the MX host
        return failures(TlsRpt.diagnose(report(result(policy, 997, 3,
                failure(type, "mail.example.com", 3, code, "198.51.100.23", null)))))
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
                        "change the id= of the _mta-sts.example.com TXT record", "RFC 8461 §3.1, §3.2, §4.1, §5.1"),
                Arguments.of(ResultType.STS_WEBPKI_INVALID, "The certificate of the MTA-STS policy host "
                        + "mta-sts.example.com is not valid", "openssl s_client -connect mta-sts.example.com:443",
                        "RFC 8460 §4.3.2.2, RFC 8461 §3.3"));
    }

    @ParameterizedTest
    @MethodSource
    void everyResultTypeUnderEnforce(ResultType type, String title, String action, String reference) {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), type, null);

        assertThat(f.severity()).as("3 of 1000 sessions: a handful among many").isEqualTo(Severity.WARNING);
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
    void theMtaStsModeDecidesTheSeverityOfASubstantialShare(String mode, Severity severity, String consequence) {
        Finding f = failures(TlsRpt.diagnose(report(result(stsPolicy(mode, "mail.example.com"), 90, 10,
                failure(ResultType.STARTTLS_NOT_SUPPORTED, "mail.example.com", 10, null, "198.51.100.23", null))))).get(0);

        assertThat(f.severity()).isEqualTo(severity);
        StsMode parsed = StsMode.fromWireName(mode); // UNKNOWN for sideways: a finding names no mode then
        assertThat(f.stsMode()).isEqualTo(parsed == StsMode.UNKNOWN ? null : parsed);
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
    void aPolicyFetchErrorUnderEnforceExplainsCachedPoliciesAndDoesNotBlockMail() {
        Finding f = failures(TlsRpt.diagnose(report(result(stsPolicy("enforce", "mail.example.com"), 0, 10,
                failure(ResultType.STS_POLICY_FETCH_ERROR, null, 10))))).get(0);

        assertThat(f.severity()).as("all sessions, yet mail is not blocked").isEqualTo(Severity.WARNING);
        assertThat(f.impact()).isEqualTo(Impact.DELIVERED_UNPROTECTED);
        assertThat(f.explanation()).contains("The policy of example.com is in mode enforce, yet these failures do not "
                + "block mail: senders holding a cached copy keep applying it until its max_age runs out, senders "
                + "without one deliver as if example.com had no MTA-STS (RFC 8461 §3.3), open to downgrade attacks. "
                + "Senders may fetch policies asynchronously so as not to hold mail back (RFC 8461 §5.1).")
                .doesNotContain("No session of this policy succeeded");
    }

    @ParameterizedTest
    @EnumSource(value = ResultType.class, names = {"UNKNOWN"}, mode = EnumSource.Mode.EXCLUDE)
    void aSubstantialShareOfFailuresUnderDaneIsCriticalButPolicyFailuresAreNot(ResultType type) {
        Finding f = failures(TlsRpt.diagnose(report(result(tlsaPolicy(), 90, 10,
                failure(type, "mail.example.com", 10))))).get(0);

        boolean policyFailure = type.category() == dev.tlsrpt.model.ResultCategory.STS_POLICY;
        assertThat(f.severity()).isEqualTo(policyFailure ? Severity.WARNING : Severity.CRITICAL);
        assertThat(f.policyType()).isEqualTo(PolicyType.TLSA);
        assertThat(f.stsMode()).isNull();
        assertThat(f.mxHost()).isEqualTo("mail.example.com");
        assertThat(f.policyStrings()).containsExactly(
                "3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
        assertThat(f.explanation()).contains(policyFailure ? "MTA-STS policy failures do not block mail"
                : type == ResultType.DANE_REQUIRED ? "so its senders did not deliver these messages"
                : "mail.example.com is protected by DANE: senders that validate DANE did not deliver these messages");
        String host = policyFailure ? "mta-sts.example.com" : "mail.example.com";
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
        Finding f = failures(TlsRpt.diagnose(report(result(stsPolicy("enforce", "mail.example.com"), 10, 8,
                details.toArray(new dev.tlsrpt.model.FailureDetail[0]))))).get(0);

        assertThat(f.failureReasonCodes()).hasSize(8);
        assertThat(f.explanation()).contains("\"code-4\"").doesNotContain("\"code-5\"")
                .contains("The sender gave 3 more reason codes.");
    }

    @Test
    void everyPlaceholderOfEveryKeyIsKnownAndSuppliedByTheKeysGroup() {
        AdviceCatalog advice = AdviceCatalog.forLocale(Locale.ROOT);
        List<String> keys = List.copyOf(advice.keys());
        assertThat(keys).hasSizeGreaterThan(100);
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Args.Group g : Args.Group.values()) {
            known.addAll(g.names());
        }
        for (String key : keys) {
            Args.Group group = Args.Group.of(key);
            assertThat(group).as("the argument group of " + key).isNotNull();
            java.util.Set<String> names = advice.template(key).names();
            assertThat(known).as("placeholders of " + key).containsAll(names);
            assertThat(group.names()).as("placeholders of " + key + " supplied by " + group).containsAll(names);
            Args args = new Args(group);
            group.names().forEach(n -> args.put(n, "<" + n + ">"));
            assertThat(advice.format(key, args)).as(key).doesNotContain("{").doesNotContain("}").isNotBlank();
        }
    }

    @Test
    void theGroupsOfKeysGoByTheLongestPrefix() {
        assertThat(Args.Group.of("deviation.item")).isEqualTo(Args.Group.DEVIATION_ITEM);
        assertThat(Args.Group.of("deviation.position")).isEqualTo(Args.Group.POSITION);
        assertThat(Args.Group.of("deviation.NULL_VALUE")).isEqualTo(Args.Group.PLAIN);
        assertThat(Args.Group.of("report.countMismatch.noDetails.title")).isEqualTo(Args.Group.FAILURE);
        assertThat(Args.Group.of("report.dateRangeReversed.title")).isEqualTo(Args.Group.DATE_RANGE);
        assertThat(Args.Group.of("report.deviation.title")).isEqualTo(Args.Group.DEVIATIONS);
        assertThat(Args.Group.of("nothing.like.this")).isNull();
    }

    @Test
    void formattingWithTheWrongGroupOrAMissingArgumentFails() {
        AdviceCatalog advice = AdviceCatalog.forLocale(Locale.ROOT);

        assertThatThrownBy(() -> advice.format("allClear.title", new Args(Args.Group.VERDICT)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("allClear.title");
        assertThatThrownBy(() -> advice.format("allClear.explanation", new Args(Args.Group.ALL_CLEAR)
                .put("sessions", 1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("is not set");
        assertThatThrownBy(() -> new Args(Args.Group.ALL_CLEAR).put("mxHost", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mxHost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "{n} {n:session|sessions}                ; 1   ; 1 session",
        "{n} {n:session|sessions}                ; 0   ; 0 sessions",
        "{n} {n:session|sessions}                ; 11  ; 11 sessions",
        "it's {n}'s                              ; 2   ; it's 2's",
        "{n:one|other} and {n}                   ; 1   ; one and 1",
    })
    void namedPlaceholdersAndPluralForms(String text, String n, String expected) {
        Template t = Template.parse("k", text.strip());

        assertThat(t.names()).containsExactly("n");
        assertThat(t.format(java.util.Map.of("n", n))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "a {b", "{1}", "{a b}", "{a:one}", "{a:x|y|z}", "{}", "{a{b}}"})
    void aTextWithABraceThatOpensNoPlaceholderIsRejectedNamingTheKey(String text) {
        assertThatThrownBy(() -> Template.parse("the.key", text)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the.key");
    }

    @Test
    void aTemplateNeedsEveryNameItUses() {
        assertThatThrownBy(() -> Template.parse("k", "{a} and {b}").format(java.util.Map.of("a", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{b} is not supplied");
    }

    @Test
    void theUnknownAuthorityActionIsGivenOnce() {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), ResultType.CERTIFICATE_NOT_TRUSTED,
                "x509: certificate signed by unknown authority");

        assertThat(f.explanation()).contains("signed by an authority the senders do not know");
        assertThat(f.action().split("publicly trusted CA", -1)).as(f.action()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = ResultType.class, names = {"STARTTLS_NOT_SUPPORTED", "CERTIFICATE_EXPIRED", "VALIDATION_FAILURE",
        "STS_WEBPKI_INVALID"})
    void aCheckCommandIsFollowedByTextAndEveryActionEndsWithAFullStop(ResultType type) {
        Finding f = diagnoseOne(stsPolicy("enforce", "mail.example.com"), type, "tls-remote-alert-40-handshake-failure");

        assertThat(f.action()).contains("openssl s_client").endsWith(".");
        // the command ends at a space and an opening parenthesis, never at a full stop glued to a host
        assertThat(f.action()).containsPattern("-servername \\S+ (\\| openssl x509 -noout -enddate )?\\(");
    }
}
