package dev.tlsrpt.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.hostile.HostileStreams;
import java.util.List;
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

    /**
     * Every violation cost networknt's error and ours about 1.2 KB: 300 000 empty failure details (900 KB of
     * JSON; four missing members each in strict mode) took 1 GB of heap. A result lists at most 1000
     * violations, then one that says the validation stopped there.
     */
    @Test
    void aResultListsAtMostAThousandViolationsThenSaysItStopped() {
        String many = withDetails("{}", 2_000); // 8 000 violations in strict mode, 2 000 in lenient mode
        for (TlsRptSchema schema : List.of(TlsRptSchema.strict(), TlsRptSchema.lenient())) {
            List<Violation> violations = schema.validate(many).violations();
            assertThat(violations).as(schema.toString()).hasSize(1001);
            assertThat(violations.subList(0, 1000)).allSatisfy(v -> {
                assertThat(v.keyword()).isEqualTo("required");
                assertThat(v.pointer()).matches("/policies/0/failure-details/[0-9]+/[a-z-]+");
            });
            assertThat(violations.get(1000)).satisfies(v -> {
                assertThat(v.keyword()).isEqualTo("truncated");
                assertThat(v.pointer()).isEmpty();
                assertThat(v.line()).isEqualTo(-1);
                assertThat(v.message()).isEqualTo("more than 1000 violations: validation stopped at the next one,"
                        + " the first found are listed");
            });
        }
        String few = withDetails("{}", 10);
        assertThat(TlsRptSchema.strict().validate(few).violations()).hasSize(40)
                .allSatisfy(v -> assertThat(v.keyword()).isEqualTo("required"));
        assertThat(TlsRptSchema.lenient().validate(few).violations()).hasSize(10);
    }

    /** What validating costs per empty failure detail: the tree and its locations, not a million errors. */
    @Test
    void manySmallFaultsCostTheDocumentsTreeNotOneErrorEach() {
        String json = withDetails("{}", 40_000);
        TlsRptSchema.strict().validate(json);
        long before = HostileStreams.allocatedBytes();
        TlsRptSchema.strict().validate(json);
        long perDetail = (HostileStreams.allocatedBytes() - before) / 40_000;
        // measured: about 4 960 bytes per detail with every error kept, about 490 with the first thousand
        assertThat(perDetail).isLessThan(1_500);
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
