package dev.tlsrpt.diagnose;

import static dev.tlsrpt.diagnose.Reports.failure;
import static dev.tlsrpt.diagnose.Reports.report;
import static dev.tlsrpt.diagnose.Reports.result;
import static dev.tlsrpt.diagnose.Reports.stsPolicy;
import static dev.tlsrpt.diagnose.Reports.tlsaPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The text and JSON renderings. The golden files under {@code src/test/resources/diagnose/} are
 * rewritten by running with {@code -Dgolden.update=true} (then review the diff).
 */
class RenderingTest {

    /**
     * An sts policy in testing with two failing MX hosts (one greeting by another name) and a tlsa policy
     * with a bad TLSA record on 50 of 850 sessions.
     */
    static TlsReport twoPolicies() {
        return report(
                result(stsPolicy("testing", "mail.example.com", "backup.example.com"), 1200, 40,
                        failure(ResultType.STARTTLS_NOT_SUPPORTED, "backup.example.com", 30, null,
                                "209.85.220.41", "192.0.2.26"),
                        failure(ResultType.CERTIFICATE_HOST_MISMATCH, "mail.example.com", 6,
                                "X509_V_ERR_HOSTNAME_MISMATCH", "209.85.220.41", "192.0.2.25"),
                        failure(ResultType.STARTTLS_NOT_SUPPORTED, "backup.example.com", 4, null,
                                "209.85.220.42", "192.0.2.26")),
                result(tlsaPolicy(), 800, 50,
                        new FailureDetail(ResultType.TLSA_INVALID, "tlsa-invalid", "209.85.220.41",
                                "mail.example.com", "mx7.hosting.example ESMTP", "192.0.2.25", 50,
                                "https://reports.mail-provider.example/tlsa?id=17", null)));
    }

    @Test
    void theTextOfATwoPolicyReportMatchesTheGoldenFile() throws IOException {
        assertGolden("diagnose/two-policies.txt", TlsRpt.diagnose(twoPolicies()).toText());
    }

    @Test
    void theJsonOfATwoPolicyReportMatchesTheGoldenFile() throws IOException {
        assertGolden("diagnose/two-policies.json", TlsRpt.diagnose(twoPolicies()).toJson());
    }

    @Test
    void theTextGroupsFindingsPerPolicyDomainAndMxHost() {
        String text = TlsRpt.diagnose(twoPolicies()).toText();

        List<String> headings = text.lines().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
        assertThat(headings).containsExactly(
                "TLS-RPT report 2026-11-26T00:00:00Z_example.com",
                "From:    Example Mail Provider <smtp-tls-reporting@mail-provider.example>",
                "Period:  2026-11-26T00:00:00Z to 2026-11-26T23:59:59Z",
                "Verdict: CRITICAL: 90 of 2090 sessions failed (4.31%); findings: 1 critical, 2 warning, 0 info.",
                "example.com, MX mail.example.com",
                "example.com, MX backup.example.com");
        assertThat(text.lines().filter(l -> l.startsWith("  [")).toList()).containsExactly(
                "  [CRITICAL] No TLSA record at _25._tcp.mail.example.com matches mail.example.com",
                "  [WARNING] The certificate of mail.example.com does not name mail.example.com",
                "  [WARNING] backup.example.com does not offer STARTTLS");
    }

    @Test
    void theTextIsDeterministicWrappedAndFreeOfEscapeCodes() {
        String first = TlsRpt.diagnose(twoPolicies()).toText();

        assertThat(TlsRpt.diagnose(twoPolicies()).toText()).isEqualTo(first);
        assertThat(first).doesNotContain("\u001b").endsWith("\n");
        assertThat(first.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(TextRenderer.WIDTH));
    }

    @Test
    void ansiColoursOnlyAddEscapeCodesToThePlainText() {
        Diagnosis d = TlsRpt.diagnose(twoPolicies());

        String coloured = d.toText(TextStyle.ANSI);

        assertThat(coloured).contains("  \u001b[1;31m[CRITICAL]\u001b[0m No TLSA record")
                .contains("  \u001b[33m[WARNING]\u001b[0m backup.example.com does not offer STARTTLS")
                .contains("\u001b[1mexample.com, MX mail.example.com\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(d.toText());
    }

    @Test
    void findingsAboutTheWholeReportComeLastUnderTheirOwnHeading() {
        TlsReport r = new TlsReport("Example", new dev.tlsrpt.model.DateRange(
                java.time.Instant.parse("2026-11-26T00:00:00Z"), java.time.Instant.parse("2026-11-28T00:00:00Z")),
                null, "r1", List.of(result(stsPolicy("enforce", "mail.example.com"), 10, 1,
                        failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 1))));

        String text = TlsRpt.diagnose(r).toText();

        assertThat(text).contains("From:    Example\n");
        assertThat(text.indexOf("example.com, MX mail.example.com")).isLessThan(text.indexOf("The report itself"));
        assertThat(text).contains("  [INFO] The report does not cover one UTC day");
    }

    @Test
    void theJsonHasTheDocumentedMembersAndValues() {
        Map<String, Object> top = readObject(TlsRpt.diagnose(Reports.sample()).toJson());

        assertThat(top).containsOnlyKeys("organization-name", "report-id", "contact-info", "start-datetime",
                "end-datetime", "severity", "verdict", "total-sessions", "failed-sessions", "findings");
        assertThat(top).containsEntry("severity", "warning").containsEntry("total-sessions", "4824")
                .containsEntry("failed-sessions", "3").containsEntry("start-datetime", "2026-11-26T00:00:00Z");
        @SuppressWarnings("unchecked")
        List<Object> findings = (List<Object>) top.get("findings");
        assertThat(findings).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) findings.get(0);
        assertThat(f).containsOnlyKeys("severity", "impact", "kind", "result-type", "policy-index", "policy-type",
                "policy-domain", "sts-mode", "mx-host", "mx-host-source", "mx-host-outside-policy", "failed-sessions",
                "policy-sessions", "share", "sending-ips", "receiving-ips", "receiving-mx-helos", "failure-reason-codes",
                "additional-information", "policy-strings", "title", "explanation", "action", "reference", "pointer");
        assertThat(f).containsEntry("severity", "warning").containsEntry("impact", "not-delivered")
                .containsEntry("kind", "failure").containsEntry("mx-host-outside-policy", "false")
                .containsEntry("receiving-mx-helos", List.of())
                .containsEntry("policy-strings", List.of("version: STSv1", "mode: enforce", "mx: mail.example.com",
                        "mx: backup.example.com", "max_age: 604800"))
                .containsEntry("result-type", "certificate-expired").containsEntry("policy-index", "0")
                .containsEntry("policy-type", "sts").containsEntry("sts-mode", "enforce")
                .containsEntry("mx-host", "mail.example.com").containsEntry("mx-host-source", "receiving-mx-hostname")
                .containsEntry("failed-sessions", "3").containsEntry("policy-sessions", "4824")
                .containsEntry("share", "0.000622").containsEntry("pointer", null)
                .containsEntry("sending-ips", List.of("198.51.100.23", "2001:db8:100::17"))
                .containsEntry("failure-reason-codes", List.of("X509_V_ERR_CERT_HAS_EXPIRED"));
    }

    @Test
    void theJsonEscapesSenderData() {
        TlsReport r = report(result(stsPolicy("enforce", "mail.example.com"), 10, 1,
                failure(ResultType.VALIDATION_FAILURE, "mail.example.com", 1, "quote \" and\nnewline")));

        Map<String, Object> top = readObject(TlsRpt.diagnose(r).toJson());

        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) ((List<Object>) top.get("findings")).get(0);
        assertThat(f).containsEntry("failure-reason-codes", List.of("quote \" and\nnewline"));
    }

    // ---------------------------------------------------------------- helpers

    static void assertGolden(String resource, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path source = Path.of("src/test/resources").resolve(resource);
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = RenderingTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden file " + resource).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Reads JSON into maps, lists, strings (numbers as their text) and nulls. */
    static Map<String, Object> readObject(String json) {
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            p.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value(p);
            return map;
        }
    }

    private static Object value(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                map.put(name, value(p));
            }
            return map;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(p));
            }
            return list;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getString();
    }
}
