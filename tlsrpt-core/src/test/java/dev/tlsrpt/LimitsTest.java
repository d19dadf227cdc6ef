package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each limit, passed, stops the read with a LimitExceededException that names it. */
class LimitsTest {

    static Stream<Arguments> limits() {
        String twoPolicies = ReportJson.BASE.replace("}]\n}", "}, " + ReportJson.BASE.substring(
                ReportJson.BASE.indexOf("{\n    \"policy\""), ReportJson.BASE.lastIndexOf("}]")) + "}]\n}");
        String twoDetails = ReportJson.with("\"failed-session-count\": 1}]", "\"failed-session-count\": 1}, "
                + "{\"result-type\": \"starttls-not-supported\", \"sending-mta-ip\": \"192.0.2.9\", "
                + "\"receiving-mx-hostname\": \"mx.example.com\", \"failed-session-count\": 2}]");
        return Stream.of(
                Arguments.of(twoPolicies, ParseOptions.lenient().withMaxPolicies(1), "maxPolicies", "/policies/1"),
                Arguments.of(twoDetails, ParseOptions.lenient().withMaxFailureDetails(1), "maxFailureDetails",
                        "/policies/0/failure-details/1"),
                Arguments.of(ReportJson.BASE, ParseOptions.lenient().withMaxNestingDepth(3), "maxNestingDepth",
                        "/policies/0/policy"),
                Arguments.of(ReportJson.with("\"Org\"", "\"" + "O".repeat(100) + "\""),
                        ParseOptions.lenient().withMaxStringLength(40), "maxStringLength", "/organization-name"),
                Arguments.of(ReportJson.BASE, ParseOptions.lenient().withMaxDecompressedBytes(100),
                        "maxDecompressedBytes", ""),
                Arguments.of(ReportJson.BASE, ParseOptions.lenient().withMaxCompressedBytes(100), "maxCompressedBytes",
                        ""));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("limits")
    void aPassedLimitIsNamed(String json, ParseOptions options, String limit, String pointer) {
        assertThatThrownBy(() -> TlsRpt.parse(json, options))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo(limit);
                    assertThat(e.pointer()).startsWith(pointer);
                    assertThat(e.problem()).contains(limit);
                });
        assertThat(TlsRpt.parse(json).reportId()).isEqualTo("r1");
        assertThat(TlsRpt.parse(json, options.withStrict(true).withMaxStringLength(1 << 20).withMaxPolicies(9)
                .withMaxFailureDetails(9).withMaxNestingDepth(9).withMaxDecompressedBytes(1 << 20)
                .withMaxCompressedBytes(1 << 20)).reportId()).isEqualTo("r1");
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("{\"organization-name\": \"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                gz.write(spaces);
            }
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        ParseOptions options = ParseOptions.lenient().withMaxDecompressedBytes(8L << 20)
                .withMaxStringLength(Integer.MAX_VALUE - 16);
        assertThatThrownBy(() -> TlsRpt.parse(bomb, options))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("maxDecompressedBytes"));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ParseOptions d = ParseOptions.lenient();
        assertThat(d.isStrict()).isFalse();
        assertThat(ParseOptions.strict().isStrict()).isTrue();
        assertThat(d.maxCompressedBytes()).isEqualTo(64L << 20);
        assertThat(d.maxDecompressedBytes()).isEqualTo(256L << 20);
        assertThat(d.maxNestingDepth()).isEqualTo(64);
        assertThat(d.maxStringLength()).isEqualTo(1 << 20);
        assertThat(d.maxPolicies()).isEqualTo(100_000);
        assertThat(d.maxFailureDetails()).isEqualTo(1_000_000);
        assertThat(d.withMaxPolicies(5)).isEqualTo(ParseOptions.lenient().withMaxPolicies(5)).isNotEqualTo(d);
        assertThatThrownBy(() -> d.withMaxPolicies(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPolicies");
    }
}
