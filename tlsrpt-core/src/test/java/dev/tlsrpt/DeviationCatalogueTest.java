package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each catalogued deviation: lenient reports it where it is, strict rejects it at the same place. */
class DeviationCatalogueTest {

    static Stream<Arguments> cases() {
        String d = "/policies/0/failure-details/0/";
        String p = "/policies/0/policy/";
        return Stream.of(
                Arguments.of(DeviationKind.DATE_TIME_WITHOUT_ZONE,
                        ReportJson.with("\"2026-11-26T00:00:00Z\"", "\"2026-11-26T00:00:00\""),
                        "/date-range/start-datetime", 3),
                Arguments.of(DeviationKind.MISSING_CONTACT_INFO,
                        ReportJson.with("\"tls@example.org\"", "null"), "/contact-info", 4),
                Arguments.of(DeviationKind.MISSING_REPORT_ID,
                        ReportJson.with("\"report-id\": \"r1\",", ""), "/report-id", 11),
                Arguments.of(DeviationKind.MISSING_POLICY_DOMAIN,
                        ReportJson.with("\"policy-domain\": \"example.com\", ", ""), p + "policy-domain", 7),
                Arguments.of(DeviationKind.MISSING_POLICY_STRING,
                        ReportJson.with("\"policy-string\": [\"version: STSv1\", \"mode: enforce\", "
                                + "\"mx: mx.example.com\"], ", ""), p + "policy-string", 7),
                Arguments.of(DeviationKind.MISSING_SENDING_MTA_IP,
                        ReportJson.with("\"sending-mta-ip\": \"192.0.2.1\", ", ""), d + "sending-mta-ip", 9),
                Arguments.of(DeviationKind.MISSING_RECEIVING_MX_HOSTNAME,
                        ReportJson.with("\"receiving-mx-hostname\": \"mx.example.com\", ", ""),
                        d + "receiving-mx-hostname", 9),
                Arguments.of(DeviationKind.MISSING_SESSION_COUNT,
                        ReportJson.with(", \"total-failure-session-count\": 1", ""),
                        "/policies/0/summary/total-failure-session-count", 8),
                Arguments.of(DeviationKind.NULL_VALUE,
                        ReportJson.with("\"receiving-ip\": \"198.51.100.1\"", "\"receiving-ip\": null"),
                        d + "receiving-ip", 9),
                Arguments.of(DeviationKind.MX_HOST_STRING,
                        ReportJson.with("\"mx-host\": [\"mx.example.com\"]", "\"mx-host\": \"mx.example.com\""),
                        p + "mx-host", 7),
                Arguments.of(DeviationKind.TLSA_POLICY_STRING_JSON_ARRAY,
                        ReportJson.with("\"policy-type\": \"sts\", \"policy-string\": [\"version: STSv1\", "
                                + "\"mode: enforce\", \"mx: mx.example.com\"]",
                                "\"policy-type\": \"tlsa\", \"policy-string\": [\"[\\\"3 1 1 ABCD\\\",\\\"3 1 1 EF01\\\"]\"]"),
                        p + "policy-string/0", 7),
                Arguments.of(DeviationKind.DRAFT_MEMBER_NAME,
                        ReportJson.with("\"mx-host\":", "\"mx-host-pattern\":"), p + "mx-host-pattern", 7),
                Arguments.of(DeviationKind.UNKNOWN_POLICY_TYPE,
                        ReportJson.with("\"policy-type\": \"sts\"", "\"policy-type\": \"tls\""), p + "policy-type", 7),
                Arguments.of(DeviationKind.UNKNOWN_RESULT_TYPE,
                        ReportJson.with("\"certificate-expired\"", "\"Testing\""), d + "result-type", 9),
                Arguments.of(DeviationKind.INVALID_IP_ADDRESS,
                        ReportJson.with("\"192.0.2.1\"", "\"x.x.x.x\""), d + "sending-mta-ip", 9),
                Arguments.of(DeviationKind.INVALID_URI,
                        ReportJson.with("\"failed-session-count\": 1}", "\"failed-session-count\": 1, "
                                + "\"additional-information\": \"https://x.example/ report 5\"}"),
                        d + "additional-information", 9),
                Arguments.of(DeviationKind.UNKNOWN_MEMBER,
                        ReportJson.with("\"report-id\": \"r1\",", "\"report-id\": \"r1\", \"extra\": {\"a\": [1]},"),
                        "/extra", 5),
                Arguments.of(DeviationKind.DUPLICATE_MEMBER,
                        ReportJson.with("\"report-id\": \"r1\",", "\"report-id\": \"r1\", \"report-id\": \"r2\","),
                        "/report-id", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lenientReportsTheDeviationAndStrictRejectsItAtTheSamePlace(DeviationKind kind, String json,
            String pointer, int line) {
        ParseResult result = TlsRpt.parseWithDeviations(json, ParseOptions.lenient());
        assertThat(result.deviations()).singleElement().satisfies(dev -> {
            assertThat(dev.kind()).isEqualTo(kind);
            assertThat(dev.pointer()).isEqualTo(pointer);
            assertThat(dev.line()).isEqualTo(line);
            assertThat(dev.column()).isPositive();
        });
        Deviation seen = result.deviations().get(0);

        assertThatThrownBy(() -> TlsRpt.parse(json, ParseOptions.strict()))
                .isInstanceOfSatisfying(MalformedReportException.class, e -> {
                    assertThat(e.deviationKind()).isEqualTo(kind);
                    assertThat(e.pointer()).isEqualTo(pointer);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(seen.column());
                    assertThat(e.getMessage()).startsWith(pointer + ": ").contains("strict mode");
                });
    }

    @Test
    void everyDeviationKindHasACase() {
        Set<DeviationKind> covered = EnumSet.noneOf(DeviationKind.class);
        cases().forEach(a -> covered.add((DeviationKind) a.get()[0]));
        assertThat(covered).containsExactlyInAnyOrder(DeviationKind.values());
    }

    @Test
    void theBaseReportHasNoDeviationAndPassesStrictParsing() {
        assertThat(TlsRpt.parseWithDeviations(ReportJson.BASE, ParseOptions.strict()).deviations()).isEmpty();
        assertThat(TlsRpt.parse(ReportJson.BASE, ParseOptions.strict()).reportId()).isEqualTo("r1");
    }

    @Test
    void leniencyKeepsWhatWasSent() {
        var dup = TlsRpt.parse(ReportJson.with("\"report-id\": \"r1\",", "\"report-id\": \"r1\", \"report-id\": \"r2\","));
        assertThat(dup.reportId()).isEqualTo("r1");
        var tlsa = TlsRpt.parse(ReportJson.with("\"policy-type\": \"sts\", \"policy-string\": [\"version: STSv1\", "
                + "\"mode: enforce\", \"mx: mx.example.com\"]",
                "\"policy-type\": \"tlsa\", \"policy-string\": [\"[\\\"3 1 1 ABCD\\\",\\\"3 1 1 EF01\\\"]\"]"));
        assertThat(tlsa.policies().get(0).policy().policyStrings()).containsExactly("[\"3 1 1 ABCD\",\"3 1 1 EF01\"]");
        assertThat(tlsa.policies().get(0).policy().tlsaRecords()).containsExactly("3 1 1 ABCD", "3 1 1 EF01");
        var unknown = TlsRpt.parse(ReportJson.with("\"certificate-expired\"", "\"Testing\""));
        var detail = unknown.policies().get(0).failureDetails().get(0);
        assertThat(detail.resultType()).isEqualTo(dev.tlsrpt.model.ResultType.UNKNOWN);
        assertThat(detail.resultTypeName()).isEqualTo("Testing");
        var zoneless = TlsRpt.parse(ReportJson.with("\"2026-11-26T00:00:00Z\"", "\"2026-11-26T00:00:00\""));
        assertThat(zoneless.dateRange().start()).isEqualTo(java.time.Instant.parse("2026-11-26T00:00:00Z"));
        var count = TlsRpt.parse(ReportJson.with(", \"total-failure-session-count\": 1", ""));
        assertThat(count.policies().get(0).summary().totalFailureSessionCount()).isZero();
        var draft = TlsRpt.parse(ReportJson.with("\"mx-host\":", "\"mx-host-pattern\":"));
        assertThat(draft.policies().get(0).policy().mxHosts()).containsExactly("mx.example.com");
    }

    static Stream<Arguments> memberNames() {
        String d = "/policies/0/failure-details/0/";
        return Stream.of(
                Arguments.of("unknown, report", ReportJson.with("\"report-id\": \"r1\",", "\"report-id\": \"r1\", \"x-extra\": 1,"),
                        DeviationKind.UNKNOWN_MEMBER, "/x-extra", "\"x-extra\""),
                Arguments.of("draft, policy", ReportJson.with("\"mx-host\":", "\"mx-host-pattern\":"),
                        DeviationKind.DRAFT_MEMBER_NAME, "/policies/0/policy/mx-host-pattern", "\"mx-host-pattern\""),
                Arguments.of("unknown, failure detail", ReportJson.with("\"failed-session-count\": 1}",
                        "\"failed-session-count\": 1, \"x-extra\": {\"a\": 1}}"),
                        DeviationKind.UNKNOWN_MEMBER, d + "x-extra", "\"x-extra\""),
                Arguments.of("repeated, failure detail", ReportJson.with("\"failed-session-count\": 1}",
                        "\"failed-session-count\": 1, \"receiving-ip\": 7}"),
                        DeviationKind.DUPLICATE_MEMBER, d + "receiving-ip", "\"receiving-ip\": 7"),
                Arguments.of("draft, failure detail", ReportJson.with("\"failed-session-count\": 1}",
                        "\"failed-session-count\": 1, \"failure-error-code\": \"E\"}"),
                        DeviationKind.DRAFT_MEMBER_NAME, d + "failure-error-code", "\"failure-error-code\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memberNames")
    void aDeviationAboutAMemberNameIsLocatedAtTheNameInEveryObject(String what, String json, DeviationKind kind,
            String pointer, String nameText) {
        String[] lines = json.split("\n", -1);
        int line = 0;
        while (!lines[line].contains(nameText)) {
            line++;
        }
        int column = lines[line].indexOf(nameText) + 1; // the document is ASCII: characters are bytes

        Deviation dev = TlsRpt.parseWithDeviations(json, ParseOptions.lenient()).deviations().get(0);

        assertThat(dev.kind()).isEqualTo(kind);
        assertThat(dev.pointer()).isEqualTo(pointer);
        assertThat(dev.line()).isEqualTo(line + 1);
        assertThat(dev.column()).isEqualTo(column);
    }

    /**
     * The blog post "How to read a TLS-RPT report" shows a shortened report without report-id: lenient
     * reading takes it, with no invented value, and says so; strict reading still rejects it.
     */
    @Test
    void aMissingReportIdIsADeviationLenientlyAndRejectedStrictly() throws java.io.IOException {
        String json = ReportJson.with("\"report-id\": \"r1\",", "");

        ParseResult lenient = TlsRpt.parseWithDeviations(json, ParseOptions.lenient());
        assertThat(lenient.report().reportId()).isNull();
        assertThat(lenient.report().organizationName()).isEqualTo("Org");
        assertThat(lenient.deviations()).singleElement().satisfies(dev -> {
            assertThat(dev.kind().name()).isEqualTo("MISSING_REPORT_ID");
            assertThat(dev.pointer()).isEqualTo("/report-id");
            assertThat(dev.line()).isEqualTo(11); // the end of the report object
            assertThat(dev.message()).isEqualTo("report-id is missing");
        });
        java.util.List<dev.tlsrpt.model.ReportHeader> headers = new java.util.ArrayList<>();
        TlsRpt.stream(new java.io.ByteArrayInputStream(ReportJson.utf8(json)), new ReportVisitor() {
            @Override
            public void header(dev.tlsrpt.model.ReportHeader header) {
                headers.add(header);
            }
        });
        assertThat(headers).singleElement().satisfies(h -> assertThat(h.reportId()).isNull());

        assertThatThrownBy(() -> TlsRpt.parse(json, ParseOptions.strict()))
                .isInstanceOfSatisfying(MalformedReportException.class, e -> {
                    assertThat(e.deviationKind()).isNotNull();
                    assertThat(e.deviationKind().name()).isEqualTo("MISSING_REPORT_ID");
                    assertThat(e.pointer()).isEqualTo("/report-id");
                    assertThat(e.getMessage()).isEqualTo("/report-id: report-id is missing (rejected in strict mode)"
                            + " (line 11, column 1)");
                });
        assertThatThrownBy(() -> TlsRpt.parse(ReportJson.with("\"report-id\": \"r1\"", "\"report-id\": null")))
                .as("null is not a report-id either; only a missing one is tolerated")
                .isInstanceOf(MalformedReportException.class).hasMessageContaining("report-id must be a string, got null");
    }

    @Test
    void aFailureCountThatDoesNotAddUpIsNotADeviation() {
        String json = ReportJson.with("\"total-failure-session-count\": 1", "\"total-failure-session-count\": 7");
        assertThat(TlsRpt.parseWithDeviations(json, ParseOptions.strict()).report().policies().get(0)
                .failedSessionSum()).isEqualTo(1);
    }
}
