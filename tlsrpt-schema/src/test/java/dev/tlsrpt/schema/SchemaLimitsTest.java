package dev.tlsrpt.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import org.junit.jupiter.api.Test;

/** The limits the parser applies to deviations and lists apply to the schema validator too. */
class SchemaLimitsTest {

    private static final String HEAD = "{\"organization-name\":\"o\",\"date-range\":{\"start-datetime\":"
            + "\"2026-01-01T00:00:00Z\",\"end-datetime\":\"2026-01-01T23:59:59Z\"},\"contact-info\":\"a@b\","
            + "\"report-id\":\"r\",";

    @Test
    void unknownMembersPastMaxDeviationsStopTheValidatorAsTheyStopTheParser() {
        String json = HEAD + ",\"x\":0".repeat(50).substring(1) + ",\"policies\":[]}";
        ParseOptions tight = ParseOptions.lenient().withMaxDeviations(10);
        ValidationResult result = TlsRptSchema.of(tight).validate(json);
        assertThat(result.isValid()).isFalse();
        assertThat(result.violations().get(0).keyword()).isEqualTo(Violation.LIMIT);
        assertThat(result.violations().get(0).message()).contains("maxDeviations");
        try {
            TlsRpt.parse(json, tight);
            throw new AssertionError("the parser accepted it");
        } catch (LimitExceededException e) {
            assertThat(e.limitName()).isEqualTo("maxDeviations");
        }
        assertThat(TlsRptSchema.lenient().validate(json).isValid()).isTrue();
    }

    /** Four deviations: an unknown result type, a free-text additional-information, no sending IP, no MX. */
    static final String FOUR_DEVIATIONS = "{\"result-type\":\"x-unknown\",\"failed-session-count\":1,"
            + "\"additional-information\":\"free text, not a URI\"}";

    static String withDetails(String detail, int count) {
        return HEAD + "\"policies\":[{\"policy\":{\"policy-type\":\"no-policy-found\",\"policy-domain\":\"d\"},"
                + "\"summary\":{\"total-successful-session-count\":1,\"total-failure-session-count\":" + count
                + "},\"failure-details\":[" + String.join(",", java.util.Collections.nCopies(count, detail)) + "]}]}";
    }

    /**
     * The parser counts every deviation, the validator used to count only unknown and repeated members:
     * 25 001 failure details of four deviations each failed the parser and passed the lenient schema.
     */
    @Test
    void everyDeviationCountsAgainstTheDefaultMaxDeviationsInTheValidatorAsInTheParser() {
        String atLimit = withDetails(FOUR_DEVIATIONS, 25_000);
        assertThat(TlsRpt.parseWithDeviations(atLimit, ParseOptions.lenient()).deviations()).hasSize(100_000);
        assertThat(TlsRptSchema.lenient().validate(atLimit).violations()).isEmpty();

        String past = withDetails(FOUR_DEVIATIONS, 25_001);
        LimitExceededException e = org.junit.jupiter.api.Assertions.assertThrows(LimitExceededException.class,
                () -> TlsRpt.parse(past));
        assertThat(e.limitName()).isEqualTo("maxDeviations");
        assertThat(e.pointer()).isEqualTo("/policies/0/failure-details/25000/result-type");
        assertThat(TlsRptSchema.lenient().validate(past).violations()).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo(Violation.LIMIT);
            assertThat(v.pointer()).isEqualTo(e.pointer());
            assertThat(v.line()).isEqualTo(e.line());
            assertThat(v.column()).isEqualTo(e.column());
            assertThat(v.message()).isEqualTo("more than 100000 deviations from RFC 8460 (maxDeviations)");
        });
    }

    @Test
    void withMaxDeviationsTheValidatorStopsWhereTheParserStops() {
        String json = withDetails(FOUR_DEVIATIONS, 1);
        for (long max : new long[] {1, 2, 3}) {
            ParseOptions tight = ParseOptions.lenient().withMaxDeviations(max);
            LimitExceededException e = org.junit.jupiter.api.Assertions.assertThrows(LimitExceededException.class,
                    () -> TlsRpt.parse(json, tight));
            assertThat(TlsRptSchema.of(tight).validate(json).violations()).as("maxDeviations " + max)
                    .singleElement().satisfies(v -> {
                        assertThat(v.keyword()).isEqualTo(Violation.LIMIT);
                        assertThat(v.pointer()).isEqualTo(e.pointer());
                        assertThat(v.message()).isEqualTo("more than " + max + " deviations from RFC 8460"
                                + " (maxDeviations)");
                    });
        }
        ParseOptions four = ParseOptions.lenient().withMaxDeviations(4);
        assertThat(TlsRpt.parseWithDeviations(json, four).deviations()).hasSize(4);
        assertThat(TlsRptSchema.of(four).validate(json).isValid()).isTrue();
    }

    @Test
    void aPolicyStringListPastMaxListLengthStopsTheValidator() {
        String json = HEAD + "\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-domain\":\"d\","
                + "\"policy-string\":[" + ",\"a\"".repeat(20).substring(1) + "]},\"summary\":{"
                + "\"total-successful-session-count\":1,\"total-failure-session-count\":0}}]}";
        ParseOptions tight = ParseOptions.lenient().withMaxListLength(10);
        ValidationResult result = TlsRptSchema.of(tight).validate(json);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo(Violation.LIMIT);
            assertThat(v.pointer()).isEqualTo("/policies/0/policy/policy-string/10");
        });
        assertThat(TlsRptSchema.lenient().validate(json).isValid()).isTrue();
    }
}
