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
