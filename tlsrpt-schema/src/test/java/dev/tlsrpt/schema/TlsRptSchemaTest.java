package dev.tlsrpt.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.hostile.HostileStreams;
import dev.tlsrpt.internal.SenderText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TlsRptSchemaTest {

    /** A valid report; line numbers matter to the tests below. */
    static final String REPORT = """
            {
              "organization-name": "Example Mail Provider",
              "date-range": {
                "start-datetime": "2026-11-26T00:00:00Z",
                "end-datetime": "2026-11-26T23:59:59Z"
              },
              "contact-info": "smtp-tls-reporting@mail-provider.example",
              "report-id": "2026-11-26T00:00:00Z_example.com",
              "policies": [
                {
                  "policy": {
                    "policy-type": "sts",
                    "policy-string": ["version: STSv1", "mode: enforce", "mx: mail.example.com", "max_age: 604800"],
                    "policy-domain": "example.com",
                    "mx-host": ["mail.example.com"]
                  },
                  "summary": {
                    "total-successful-session-count": 4821,
                    "total-failure-session-count": 3
                  },
                  "failure-details": [
                    {
                      "result-type": "certificate-expired",
                      "sending-mta-ip": "198.51.100.23",
                      "receiving-mx-hostname": "mail.example.com",
                      "receiving-ip": "192.0.2.25",
                      "failed-session-count": 3,
                      "additional-information": "https://reports.example/certificate-expired",
                      "failure-reason-code": "X509_V_ERR_CERT_HAS_EXPIRED"
                    }
                  ]
                }
              ]
            }
            """;

    static String with(String from, String to) {
        assertThat(REPORT).contains(from);
        return REPORT.replace(from, to);
    }

    static Violation only(ValidationResult result) {
        assertThat(result.violations()).hasSize(1);
        return result.violations().get(0);
    }

    @Test
    void theValidReportIsValidInBothModes() {
        assertThat(TlsRptSchema.strict().validate(REPORT).isValid()).isTrue();
        assertThat(TlsRptSchema.lenient().validate(REPORT).isValid()).isTrue();
        assertThat(TlsRptSchema.strict().validate(REPORT).violations()).isEmpty();
        assertThat(TlsRptSchema.strict().validate(REPORT)).hasToString("valid");
    }

    @Test
    void theCoreSampleReportIsValid() throws IOException {
        try (InputStream in = TlsRptSchemaTest.class.getResourceAsStream("/reports/valid/sample.json")) {
            assertThat(in).isNotNull();
            assertThat(TlsRptSchema.strict().validate(in).violations()).isEmpty();
        }
    }

    @Test
    void aMissingRequiredMemberPointsWhereItWouldBeAndAtTheEndOfItsParent() {
        String doc = with("  \"contact-info\": \"smtp-tls-reporting@mail-provider.example\",\n", "");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/contact-info");
        assertThat(v.keyword()).isEqualTo("required");
        assertThat(v.message()).isEqualTo("missing required member \"contact-info\"");
        assertThat(v.line()).isEqualTo(33);
        assertThat(v.column()).isEqualTo(1);
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aMissingPolicyStringOnAnStsPolicyIsRequiredOnlyInStrictMode() {
        String doc = with(
                "        \"policy-string\": [\"version: STSv1\", \"mode: enforce\", \"mx: mail.example.com\", \"max_age: 604800\"],\n",
                "");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/policies/0/policy/policy-string");
        assertThat(v.keyword()).isEqualTo("required");
        assertThat(v.message()).isEqualTo("missing required member \"policy-string\" (required for sts and tlsa policies)");
        assertThat(v.line()).isEqualTo(15);
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
        String noPolicy = doc.replace("\"policy-type\": \"sts\"", "\"policy-type\": \"no-policy-found\"");
        assertThat(TlsRptSchema.strict().validate(noPolicy).violations()).isEmpty();
    }

    @Test
    void aNumberWhereAStringBelongsIsATypeViolationInBothModes() {
        String doc = with("\"Example Mail Provider\"", "42");
        for (TlsRptSchema schema : List.of(TlsRptSchema.strict(), TlsRptSchema.lenient())) {
            Violation v = only(schema.validate(doc));
            assertThat(v.pointer()).isEqualTo("/organization-name");
            assertThat(v.keyword()).isEqualTo("type");
            assertThat(v.message()).isEqualTo("expected a string, got 42");
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.column()).isEqualTo(24);
        }
    }

    @Test
    void aNullContactInfoIsATypeViolationInStrictModeOnly() {
        String doc = with("\"smtp-tls-reporting@mail-provider.example\"", "null");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/contact-info");
        assertThat(v.message()).isEqualTo("expected a string, got null");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aWrongTypeInTheLenientSchemaNamesEveryAcceptedType() {
        String doc = with("\"smtp-tls-reporting@mail-provider.example\"", "{\"a\": 1}");
        Violation v = only(TlsRptSchema.lenient().validate(doc));
        assertThat(v.message()).isEqualTo("expected a string or null, got an object");
    }

    @Test
    void anUnknownResultTypeIsAnEnumViolationInStrictModeOnly() {
        String doc = with("\"result-type\": \"certificate-expired\"", "\"result-type\": \"certificate-revoked\"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/policies/0/failure-details/0/result-type");
        assertThat(v.keyword()).isEqualTo("enum");
        assertThat(v.message()).startsWith("expected one of \"starttls-not-supported\", \"certificate-host-mismatch\"")
                .endsWith("\"sts-policy-fetch-error\", got \"certificate-revoked\"");
        assertThat(v.line()).isEqualTo(23);
        assertThat(v.column()).isEqualTo(26);
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void anUnknownPolicyTypeIsAnEnumViolationInStrictModeOnly() {
        String doc = with("\"policy-type\": \"sts\"", "\"policy-type\": \"dane\"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/policies/0/policy/policy-type");
        assertThat(v.message()).isEqualTo("expected one of \"tlsa\", \"sts\", \"no-policy-found\", got \"dane\"");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aDateTimeWithoutZoneIsAPatternViolationInStrictModeOnly() {
        String doc = with("\"2026-11-26T00:00:00Z\"", "\"2026-11-26T00:00:00\"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/date-range/start-datetime");
        assertThat(v.keyword()).isEqualTo("pattern");
        assertThat(v.message()).isEqualTo(
                "expected an RFC 3339 date-time with a zone offset, got \"2026-11-26T00:00:00\"");
        assertThat(v.line()).isEqualTo(4);
        assertThat(v.column()).isEqualTo(23);
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aDayThatIsNotInTheCalendarIsRejectedInBothModes() {
        for (String day : List.of("2026-02-29", "2026-02-30", "2026-04-31", "1900-02-29", "2100-02-29")) {
            String doc = with("\"2026-11-26T00:00:00Z\"", "\"" + day + "T00:00:00Z\"");
            for (TlsRptSchema schema : List.of(TlsRptSchema.strict(), TlsRptSchema.lenient())) {
                Violation v = only(schema.validate(doc));
                assertThat(v.pointer()).isEqualTo("/date-range/start-datetime");
                assertThat(v.message()).startsWith("expected a real calendar day");
            }
        }
        for (String day : List.of("2024-02-29", "2000-02-29", "1600-02-29", "2026-12-31", "2026-04-30")) {
            String doc = with("\"2026-11-26T00:00:00Z\"", "\"" + day + "T00:00:00Z\"");
            assertThat(TlsRptSchema.strict().validate(doc).violations()).as(day).isEmpty();
        }
    }

    @Test
    void leapSecondsAndLongFractionsAreNotDateTimesHere() {
        for (String time : List.of("23:59:60Z", "00:00:00.1234567890Z", "24:00:00Z", "00:00:00+24:00", "00:00:00 Z")) {
            String doc = with("\"2026-11-26T00:00:00Z\"", "\"2026-11-26T" + time + "\"");
            assertThat(TlsRptSchema.lenient().validate(doc).violations()).as(time).hasSize(1);
        }
        for (String time : List.of("23:59:59.123456789Z", "00:00:00+05:30", "00:00:00-00:00", "00:00:00z")) {
            String doc = with("\"2026-11-26T00:00:00Z\"", "\"2026-11-26t" + time + "\"");
            assertThat(TlsRptSchema.strict().validate(doc).violations()).as(time).isEmpty();
        }
    }

    @Test
    void aDateTimeWithATrailingNewlineIsNotADateTime() {
        String doc = with("\"2026-11-26T00:00:00Z\"", "\"2026-11-26T00:00:00Z\\n\"");
        assertThat(only(TlsRptSchema.lenient().validate(doc)).keyword()).isEqualTo("pattern");
    }

    @Test
    void anAddressThatIsNotAnIpLiteralIsAPatternViolationInStrictModeOnly() {
        for (String ip : List.of("198.51.100.023", "256.1.1.1", "mail.example.com", "fe80::1%eth0", "1.2.3.4 ", "::1::")) {
            String doc = with("\"198.51.100.23\"", "\"" + ip + "\"");
            Violation v = only(TlsRptSchema.strict().validate(doc));
            assertThat(v.pointer()).isEqualTo("/policies/0/failure-details/0/sending-mta-ip");
            assertThat(v.message()).isEqualTo("expected an IPv4 or IPv6 address literal, got \"" + ip + "\"");
            assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
        }
        for (String ip : List.of("::", "::1", "2001:db8:abcd:0012::1", "::ffff:192.0.2.1", "2001:DB8::25")) {
            String doc = with("\"192.0.2.25\"", "\"" + ip + "\"");
            assertThat(TlsRptSchema.strict().validate(doc).violations()).as(ip).isEmpty();
        }
    }

    @Test
    void anAdditionalInformationThatIsNotAUriIsAPatternViolationInStrictModeOnly() {
        String doc = with("\"https://reports.example/certificate-expired\"",
                "\"https://reports.company-x.example/\\n report_info ? id = 5065427 c - 23 d3# StarttlsNotSupported \"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/policies/0/failure-details/0/additional-information");
        assertThat(v.message()).startsWith("expected a URI (RFC 3986), got \"https://reports.company-x.example/\\u000a repo")
                .endsWith("…\"");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aNegativeCountIsAMinimumViolationInBothModes() {
        String doc = with("\"total-failure-session-count\": 3", "\"total-failure-session-count\": -3");
        for (TlsRptSchema schema : List.of(TlsRptSchema.strict(), TlsRptSchema.lenient())) {
            Violation v = only(schema.validate(doc));
            assertThat(v.pointer()).isEqualTo("/policies/0/summary/total-failure-session-count");
            assertThat(v.keyword()).isEqualTo("minimum");
            assertThat(v.message()).isEqualTo("expected an integer from 0 to 9223372036854775807, got -3");
            assertThat(v.line()).isEqualTo(19);
            assertThat(v.column()).isEqualTo(40);
            assertThat(v).hasToString("/policies/0/summary/total-failure-session-count (line 19, column 40) [minimum]:"
                    + " expected an integer from 0 to 9223372036854775807, got -3");
        }
    }

    @Test
    void aCountAboveTwoToTheSixtyThreeMinusOneIsAMaximumViolation() {
        for (String count : List.of("9223372036854775808", "1e19", "1e999999999", "99999999999999999999999999999999999999999999")) {
            String doc = with("\"failed-session-count\": 3", "\"failed-session-count\": " + count);
            Violation v = only(TlsRptSchema.strict().validate(doc));
            assertThat(v.keyword()).isEqualTo("maximum");
            assertThat(v.message()).endsWith("got " + SenderText.excerpt(count));
        }
        for (String count : List.of("1e2147483648", "44E444444444444444444")) {
            // an exponent beyond 32 bits, which BigDecimal cannot hold (a fuzz finding)
            String doc = with("\"failed-session-count\": 3", "\"failed-session-count\": " + count);
            Violation v = only(TlsRptSchema.strict().validate(doc));
            assertThat(v.keyword()).as(count).isEqualTo("maximum");
            assertThat(v.message()).isEqualTo("expected an integer from 0 to 9223372036854775807, got " + count);
            assertThat(parsesStrictly(doc)).as(count).isFalse();
        }
        String max = with("\"failed-session-count\": 3", "\"failed-session-count\": 9223372036854775807");
        assertThat(TlsRptSchema.strict().validate(max).violations()).isEmpty();
    }

    @Test
    void countsAreIntegersInTheJsonSchemaSense() {
        for (String count : List.of("5.0", "1e2", "-0", "-0.0", "0e5", "9223372036854775807.0", "1.0E+1",
                "0e99999999999", "-0.000E-99999999999")) {
            String doc = with("\"failed-session-count\": 3", "\"failed-session-count\": " + count);
            assertThat(TlsRptSchema.strict().validate(doc).violations()).as(count).isEmpty();
            assertThat(parsesStrictly(doc)).as(count).isTrue();
        }
        for (String count : List.of("1.5", "1e-999999999", "-0.5", "9223372036854775806.5", "1e400000000.5",
                "1e-2147483649", "0.001E-99999999999")) {
            String doc = with("\"failed-session-count\": 3", "\"failed-session-count\": " + count);
            ValidationResult result = TlsRptSchema.strict().validate(doc);
            assertThat(result.isValid()).as(count).isFalse();
            assertThat(only(result).pointer()).isEqualTo("/policies/0/failure-details/0/failed-session-count");
            assertThat(parsesStrictly(doc)).as(count).isFalse();
        }
        String text = with("\"failed-session-count\": 3", "\"failed-session-count\": \"3\"");
        assertThat(only(TlsRptSchema.lenient().validate(text)).message())
                .isEqualTo("expected an integer or null, got \"3\"");
        String fraction = with("\"failed-session-count\": 3", "\"failed-session-count\": 1.50");
        assertThat(only(TlsRptSchema.strict().validate(fraction)).message()).isEqualTo("expected an integer, got 1.50");
    }

    @Test
    void anUnknownMemberIsAnAdditionalPropertiesViolationInStrictModeOnly() {
        String doc = with("\"report-id\":", "\"x-extra\": {\"any\": [1, 2]},\n  \"report-id\":");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/x-extra");
        assertThat(v.keyword()).isEqualTo("additionalProperties");
        assertThat(v.message()).isEqualTo("member \"x-extra\" is not defined by RFC 8460");
        assertThat(v.line()).isEqualTo(8);
        assertThat(v.column()).isEqualTo(3);
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aDraftMemberNameIsNamedAsSuchInStrictModeAndReadInLenientMode() {
        String doc = with("\"additional-information\"", "\"additional-info-uri\"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/policies/0/failure-details/0/additional-info-uri");
        assertThat(v.message()).isEqualTo(
                "\"additional-info-uri\" is a draft-era name; RFC 8460 calls this member \"additional-information\"");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
        String bad = with("\"additional-information\": \"https://reports.example/certificate-expired\"",
                "\"additional-info-uri\": 7");
        assertThat(only(TlsRptSchema.lenient().validate(bad)).pointer())
                .isEqualTo("/policies/0/failure-details/0/additional-info-uri");
    }

    @Test
    void anMxHostStringIsATypeViolationInStrictModeOnly() {
        String doc = with("\"mx-host\": [\"mail.example.com\"]", "\"mx-host\": \"*.mail.company-y.example\"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.message()).isEqualTo("expected an array, got \"*.mail.company-y.example\"");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void aTlsaRecordArrayInsideOneStringIsANotViolationInStrictModeOnly() {
        String doc = with("\"policy-type\": \"sts\"", "\"policy-type\": \"tlsa\"")
                .replace("\"version: STSv1\", \"mode: enforce\", \"mx: mail.example.com\", \"max_age: 604800\"",
                        "\"3 1 1 AA\", \" [\\\"3 1 1 BB\\\",\\\"3 1 1 CC\\\"]\"");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/policies/0/policy/policy-string/1");
        assertThat(v.keyword()).isEqualTo("not");
        assertThat(v.message()).startsWith("must not be a JSON array inside one string")
                .endsWith("got \" [\\\"3 1 1 BB\\\",\\\"3 1 1 CC\\\"]\"");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
        String sts = with("\"version: STSv1\"", "\"[version: STSv1]\"");
        assertThat(TlsRptSchema.strict().validate(sts).isValid()).isTrue();
    }

    @Test
    void everyViolationIsReportedInDocumentOrder() {
        String doc = with("\"Example Mail Provider\"", "1")
                .replace("\"total-failure-session-count\": 3", "\"total-failure-session-count\": -1")
                .replace("\"result-type\": \"certificate-expired\"", "\"result-type\": \"other\"");
        ValidationResult result = TlsRptSchema.strict().validate(doc);
        assertThat(result.violations()).extracting(Violation::pointer).containsExactly(
                "/organization-name",
                "/policies/0/summary/total-failure-session-count",
                "/policies/0/failure-details/0/result-type");
        assertThat(result.toString()).startsWith("3 violations\n  /organization-name (line 2, column 24) [type]: ");
    }

    @Test
    void assertValidListsEveryViolationOneALine() {
        String doc = with("\"Example Mail Provider\"", "1")
                .replace("\"total-failure-session-count\": 3", "\"total-failure-session-count\": -1");
        assertThatThrownBy(() -> TlsRptSchema.strict().assertValid(doc))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        not a valid RFC 8460 report (tlsrpt-rfc8460.schema.json): 2 violations
                          /organization-name (line 2, column 24) [type]: expected a string, got 1
                          /policies/0/summary/total-failure-session-count (line 19, column 40) [minimum]: \
                        expected an integer from 0 to 9223372036854775807, got -1""");
        TlsRptSchema.strict().assertValid(REPORT);
        TlsRptSchema.lenient().assertValid(REPORT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDuplicateMemberIsAViolationInStrictModeAndTheFirstCountsInLenientMode() {
        String doc = with("\"report-id\": \"2026-11-26T00:00:00Z_example.com\",",
                "\"report-id\": \"2026-11-26T00:00:00Z_example.com\", \"report-id\": 5,");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.pointer()).isEqualTo("/report-id");
        assertThat(v.keyword()).isEqualTo(Violation.DUPLICATE_MEMBER);
        assertThat(v.message()).startsWith("member \"report-id\" occurs twice in this object");
        assertThat(v.line()).isEqualTo(8);
        assertThat(v.column()).isEqualTo(52);
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
        String firstBad = with("\"report-id\": \"2026-11-26T00:00:00Z_example.com\",",
                "\"report-id\": 5, \"report-id\": \"x\",");
        assertThat(only(TlsRptSchema.lenient().validate(firstBad)).keyword()).isEqualTo("type");
    }

    @Test
    void aDraftNameAfterItsRfcNameIsADuplicate() {
        String doc = with("\"failure-reason-code\": \"X509_V_ERR_CERT_HAS_EXPIRED\"",
                "\"failure-reason-code\": \"X509_V_ERR_CERT_HAS_EXPIRED\", \"failure-error-code\": 12");
        Violation v = only(TlsRptSchema.strict().validate(doc));
        assertThat(v.keyword()).isEqualTo(Violation.DUPLICATE_MEMBER);
        assertThat(v.pointer()).isEqualTo("/policies/0/failure-details/0/failure-error-code");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void duplicatesInsideUnknownMembersAreNotLookedFor() {
        String doc = with("\"report-id\":", "\"x\": {\"a\": 1, \"a\": 2},\n  \"report-id\":");
        assertThat(only(TlsRptSchema.strict().validate(doc)).keyword()).isEqualTo("additionalProperties");
        assertThat(TlsRptSchema.lenient().validate(doc).isValid()).isTrue();
    }

    @Test
    void contentAfterTheObjectIsAJsonViolation() {
        for (String after : List.of("{}", "x", "]", "\"a\"")) {
            Violation v = only(TlsRptSchema.lenient().validate(REPORT + after));
            assertThat(v.keyword()).isEqualTo(Violation.JSON);
            assertThat(v.line()).isEqualTo(35);
        }
        assertThat(TlsRptSchema.strict().validate(REPORT + " \n\t\r\n").isValid()).isTrue();
    }

    @Test
    void brokenOrEmptyJsonIsOneJsonViolationNotAnException() {
        for (String bad : List.of("", "   ", "{", "{\"a\": 1,}", "{'a': 1}", "{\"a\": NaN}", "// c\n{}", "{\"a\": 01}")) {
            Violation v = only(TlsRptSchema.lenient().validate(bad));
            assertThat(v.keyword()).as(bad).isEqualTo(Violation.JSON);
            assertThat(v.message()).doesNotContain("tools.jackson").doesNotContain("StreamReadConstraints");
        }
        Violation v = only(TlsRptSchema.strict().validate("{\"a\": tru}"));
        assertThat(v.message()).startsWith("not well-formed JSON: ");
        assertThat(v.line()).isEqualTo(1);
    }

    @Test
    void aDocumentThatIsNotAnObjectIsATypeViolation() {
        Violation v = only(TlsRptSchema.strict().validate("[]"));
        assertThat(v.pointer()).isEmpty();
        assertThat(v.keyword()).isEqualTo("type");
        assertThat(v.message()).isEqualTo("expected an object, got an array");
    }

    @Test
    void inputThatIsNotUtf8IsAJsonViolation() {
        byte[] utf16 = REPORT.getBytes(StandardCharsets.UTF_16LE);
        assertThat(only(TlsRptSchema.lenient().validate(utf16)).message()).startsWith("not UTF-8");
        byte[] utf16bom = REPORT.getBytes(StandardCharsets.UTF_16);
        assertThat(only(TlsRptSchema.lenient().validate(utf16bom)).message()).startsWith("not UTF-8");
        byte[] latin1 = with("Example Mail Provider", "Exämple").getBytes(StandardCharsets.ISO_8859_1);
        Violation v = only(TlsRptSchema.lenient().validate(latin1));
        // read through the parser's input layer: the location is that of the byte found wrong ('m' after the
        // lead byte 0xe4 of 'ä'), as the message says
        int m = REPORT.indexOf("Example Mail Provider") + 3;
        assertThat(v.message()).isEqualTo("not UTF-8: byte 0x6d where a continuation byte belongs at byte offset "
                + m + " of the JSON");
        assertThat(v.line()).isEqualTo(2);
        assertThat(v.column()).isEqualTo(28);
        byte[] overlong = with("Example", "Ex\u0001mple").getBytes(StandardCharsets.UTF_8);
        overlong[REPORT.indexOf("Example") + 2] = (byte) 0xC0;
        byte[] withOverlong = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, withOverlong, 0, REPORT.indexOf("Example") + 3);
        withOverlong[REPORT.indexOf("Example") + 3] = (byte) 0x81;
        System.arraycopy(overlong, REPORT.indexOf("Example") + 3, withOverlong, REPORT.indexOf("Example") + 4,
                overlong.length - REPORT.indexOf("Example") - 3);
        assertThat(only(TlsRptSchema.lenient().validate(withOverlong)).message()).startsWith("not UTF-8");
        byte[] surrogate = with("Example", "Ex\uFFFFmple").getBytes(StandardCharsets.UTF_8);
        int at = REPORT.indexOf("Example") + 2;
        surrogate[at] = (byte) 0xED;
        surrogate[at + 1] = (byte) 0xA0;
        surrogate[at + 2] = (byte) 0x80;
        assertThat(only(TlsRptSchema.lenient().validate(surrogate)).message()).startsWith("not UTF-8");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        assertThat(TlsRptSchema.strict().validate("\uFEFF" + REPORT).violations()).isEmpty();
    }

    @Test
    void anEscapedUnpairedSurrogateIsAJsonViolation() {
        for (String s : List.of("\\ud800", "\\udc00x", "a\\ud800\\ud800")) {
            Violation v = only(TlsRptSchema.lenient().validate(with("Example Mail Provider", s)));
            assertThat(v.keyword()).isEqualTo(Violation.JSON);
            assertThat(v.pointer()).isEqualTo("/organization-name");
            assertThat(v.message()).startsWith("unpaired surrogate");
        }
        assertThat(TlsRptSchema.strict().validate(with("Example Mail Provider", "\\ud83d\\ude00")).isValid()).isTrue();
    }

    @Test
    void gzipIsSniffedFromTheFirstBytes() throws IOException {
        byte[] gz = gzip(REPORT.getBytes(StandardCharsets.UTF_8));
        assertThat(TlsRptSchema.strict().validate(gz).isValid()).isTrue();
        byte[] bad = gzip(with("\"sts\"", "\"x\"").getBytes(StandardCharsets.UTF_8));
        assertThat(only(TlsRptSchema.strict().validate(bad)).pointer()).isEqualTo("/policies/0/policy/policy-type");
    }

    @Test
    void gzipThatIsNotGzipIsAGzipViolation() throws IOException {
        byte[] gz = gzip(REPORT.getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);
        Violation v = only(TlsRptSchema.lenient().validate(truncated));
        assertThat(v.keyword()).isEqualTo(Violation.GZIP);
        assertThat(v.pointer()).isEmpty();
        assertThat(v.message()).startsWith("starts like gzip (1f 8b) but is not readable gzip");
        byte[] garbage = {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertThat(only(TlsRptSchema.lenient().validate(garbage)).keyword()).isEqualTo(Violation.GZIP);
        assertThat(only(TlsRptSchema.lenient().validate(new byte[] {0x1f, (byte) 0x8b})).keyword())
                .isEqualTo(Violation.GZIP);
    }

    @Test
    void limitsOfTheParseOptionsApply() throws IOException {
        ParseOptions lenient = ParseOptions.lenient();
        Violation depth = only(TlsRptSchema.of(lenient.withMaxNestingDepth(3)).validate(REPORT));
        assertThat(depth.keyword()).isEqualTo(Violation.LIMIT);
        assertThat(depth.message()).startsWith("passes a limit: ").doesNotContain("StreamReadConstraints");
        assertThat(TlsRptSchema.of(lenient.withMaxNestingDepth(5)).validate(REPORT).isValid()).isTrue();

        String twoPolicies = REPORT.replace("  ]\n}", "  , " + policyEntry() + "]\n}");
        assertThat(TlsRptSchema.lenient().validate(twoPolicies).isValid()).isTrue();
        Violation policies = only(TlsRptSchema.of(lenient.withMaxPolicies(1)).validate(twoPolicies));
        assertThat(policies.keyword()).isEqualTo(Violation.LIMIT);
        assertThat(policies.pointer()).isEqualTo("/policies/1");
        assertThat(only(TlsRptSchema.of(lenient.withMaxFailureDetails(1)).validate(twoPolicies)).pointer())
                .isEqualTo("/policies/1/failure-details/0");

        int size = REPORT.getBytes(StandardCharsets.UTF_8).length;
        assertThat(TlsRptSchema.of(lenient.withMaxDecompressedBytes(size)).validate(REPORT).isValid()).isTrue();
        assertThat(only(TlsRptSchema.of(lenient.withMaxDecompressedBytes(size - 1)).validate(REPORT)).message())
                .isEqualTo("more than " + (size - 1) + " bytes of JSON (maxDecompressedBytes)");
        byte[] gz = gzip(REPORT.getBytes(StandardCharsets.UTF_8));
        assertThat(only(TlsRptSchema.of(lenient.withMaxDecompressedBytes(100)).validate(gz)).message())
                .isEqualTo("more than 100 bytes of JSON after decompression (maxDecompressedBytes)");
        assertThat(only(TlsRptSchema.of(lenient.withMaxCompressedBytes(10)).validate(gz)).message())
                .isEqualTo("more than 10 bytes of input (maxCompressedBytes)");
        assertThat(only(TlsRptSchema.of(lenient.withMaxStringLength(10)).validate(REPORT)).keyword())
                .isEqualTo(Violation.LIMIT);
    }

    @Test
    void pointersEscapeTildeAndSlashAsRfc6901Says() {
        String doc = with("\"report-id\":", "\"a/b~c\": 1, \"\": 2,\n  \"report-id\":");
        assertThat(TlsRptSchema.strict().validate(doc).violations()).extracting(Violation::pointer)
                .containsExactly("/a~1b~0c", "/");
        String nested = with("\"result-type\": \"certificate-expired\"", "\"result-type\": \"x\", \"x/y\": 1");
        assertThat(TlsRptSchema.strict().validate(nested).violations()).extracting(Violation::pointer)
                .containsExactly("/policies/0/failure-details/0/result-type", "/policies/0/failure-details/0/x~1y");
    }

    /** Lenient reading tolerates a missing report-id (the blog post's shortened report); strict does not. */
    @Test
    void aMissingReportIdIsAcceptedByTheLenientSchemaOnly() {
        String doc = REPORT.replaceFirst("\"report-id\": \"[^\"]*\",", "");
        assertThat(doc).doesNotContain("report-id");
        assertThat(TlsRptSchema.lenient().validate(doc).violations()).isEmpty();
        assertThat(only(TlsRptSchema.strict().validate(doc))).satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("required");
            assertThat(v.pointer()).isEqualTo("/report-id");
        });
        assertThat(TlsRptSchema.lenient().validate(doc.replace("\"organization-name\"", "\"report-id\": null,"
                + " \"organization-name\"")).isValid()).as("null is not tolerated").isFalse();
    }

    @Test
    void theFirstThousandViolationsOfALargeReportAreListedThenOneSaysValidationStopped() {
        StringBuilder details = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            details.append(i == 0 ? "" : ",").append("{\"result-type\": \"starttls-not-supported\", "
                    + "\"sending-mta-ip\": \"1.2.3.4\", \"receiving-mx-hostname\": \"mx\", \"failed-session-count\": -1}");
        }
        String doc = REPORT.replaceFirst("(?s)\"failure-details\": \\[.*?\\]\n", "\"failure-details\": [" + details + "]\n");
        ValidationResult result = TlsRptSchema.strict().validate(doc);
        assertThat(result.violations()).hasSize(TlsRptSchema.MAX_VIOLATIONS + 1);
        assertThat(result.violations().subList(0, 1000)).allMatch(v -> v.keyword().equals("minimum"));
        assertThat(result.violations().get(999).pointer()).isEqualTo("/policies/0/failure-details/999/failed-session-count");
        assertThat(result.violations().get(1000).keyword()).isEqualTo(Violation.TRUNCATED);
    }

    @Test
    void nestingFarBeyondTheDefaultLimitIsALimitViolationNotACrash() {
        int depth = 200_000;
        String deep = "{\"organization-name\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        Violation v = only(TlsRptSchema.of(ParseOptions.lenient().withMaxNestingDepth(Integer.MAX_VALUE)).validate(deep));
        assertThat(v.keyword()).isEqualTo(Violation.LIMIT);
        assertThat(only(TlsRptSchema.lenient().validate(deep)).keyword()).isEqualTo(Violation.LIMIT);
    }

    static String policyEntry() {
        int start = REPORT.indexOf("    {\n      \"policy\"");
        int end = REPORT.indexOf("\n  ]\n}");
        return REPORT.substring(start, end);
    }

    @Test
    void aFailingCallerStreamStaysAnIoException() {
        IOException failure = new IOException("disk on fire");
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
        assertThatThrownBy(() -> TlsRptSchema.strict().validate(broken)).isSameAs(failure);
    }

    @Test
    void filesAreReadWhateverTheirName(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("report.json.gz");
        Files.writeString(plain, REPORT);
        assertThat(TlsRptSchema.strict().validate(plain).isValid()).isTrue();
        Path gz = dir.resolve("report.json");
        Files.write(gz, gzip(REPORT.getBytes(StandardCharsets.UTF_8)));
        TlsRptSchema.strict().assertValid(gz);
        assertThatThrownBy(() -> TlsRptSchema.strict().validate(dir.resolve("missing.json")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theSchemaTextIsTheResourceAndADraft202012Schema() throws IOException {
        for (TlsRptSchema schema : List.of(TlsRptSchema.strict(), TlsRptSchema.lenient())) {
            String text = schema.schemaText();
            try (InputStream in = TlsRptSchema.class.getResourceAsStream(schema.schemaResource())) {
                assertThat(in).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
            }
            JsonNode tree = JsonMapper.builder().build().readTree(text);
            assertThat(tree.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(tree.path("$id").asString()).isEqualTo(schema.schemaId());
        }
        assertThat(TlsRptSchema.strict().schemaId()).isEqualTo("https://tlsrpt.dev/schema/tlsrpt-rfc8460.schema.json");
        assertThat(TlsRptSchema.lenient().schemaResource()).isEqualTo(TlsRptSchema.LENIENT_SCHEMA_RESOURCE);
        assertThat(TlsRptSchema.strict().isStrict()).isTrue();
        assertThat(TlsRptSchema.of(ParseOptions.strict())).isSameAs(TlsRptSchema.strict());
        assertThat(TlsRptSchema.of(ParseOptions.lenient().withMaxPolicies(5)).isStrict()).isFalse();
    }

    @Test
    void theSchemasUseTheBriefsRegularExpressionsVerbatim() {
        JsonNode strict = JsonMapper.builder().build().readTree(TlsRptSchema.strict().schemaText());
        assertThat(strict.at("/$defs/ipAddress/pattern").asString()).isEqualTo(Patterns.IP);
        assertThat(strict.at("/$defs/uri/pattern").asString()).isEqualTo(Patterns.URI);
        assertThat(strict.at("/$defs/dateTime/pattern").asString()).isEqualTo(Patterns.DATE_TIME);
        JsonNode lenient = JsonMapper.builder().build().readTree(TlsRptSchema.lenient().schemaText());
        assertThat(lenient.at("/$defs/dateTime/pattern").asString())
                .isEqualTo(Patterns.DATE_TIME.replace("[0-5][0-9])$", "[0-5][0-9])?$"));
    }

    @Test
    void oneValidatorServesManyThreads() throws Exception {
        List<String> docs = List.of(REPORT, with("\"sts\"", "\"x\""), with("\"Example Mail Provider\"", "1"), "[]");
        List<String> expected = new ArrayList<>();
        for (String d : docs) {
            expected.add(TlsRptSchema.strict().validate(d).toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String d = docs.get(i % docs.size());
                futures.add(pool.submit(() -> TlsRptSchema.strict().validate(d).toString()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % docs.size()));
            }
        } finally {
            pool.shutdown();
        }
    }

    static byte[] gzip(byte[] data) {
        return HostileStreams.gzip(data);
    }

    private static boolean parsesStrictly(String doc) {
        return SchemaFuzzTest.parses(doc.getBytes(StandardCharsets.UTF_8), ParseOptions.strict());
    }

    @Test
    void theSameDocumentGetsTheSameViolationsWhateverWasValidatedBefore() {
        // the parser's fuzz finding: a gzip member cut off after 1,159 bytes of digits, which Jackson judged
        // by the size of the buffers earlier documents had left it
        byte[] truncated = java.util.Base64.getDecoder().decode("H4sICAgmCAgI3AgICHBweS5vIiwKIJ+GAQAyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjLDw8PDw8PDw8PDw8PDw8PDw8PD"
                + "w8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDMjIyMjIyMjIy"
                + "MjIyMjIyMjIyMjIyMjIyMjI=");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(TlsRptSchema.lenient().validate(truncated).violations().toString());
            seen.add(TlsRptSchema.strict().validate(truncated).violations().toString());
        }
        assertThat(seen).hasSize(8).containsOnly(seen.get(0));
        assertThat(TlsRptSchema.strict().validate(truncated).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("truncated gzip data"));
    }
}
