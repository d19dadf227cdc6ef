package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.Growth;
import dev.tlsrpt.model.ResultCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reason-code patterns on about a megabyte of sender text (a {@code failure-reason-code} may be as long
 * as {@code maxStringLength}): the right advice, and time growing linearly (1 MB against 512 KB). The
 * timeout is a hang guard only: before the fix the HTTP status pattern split a run of spaces between its two
 * {@code \s*} in every way, quadratic, and took hours on these inputs.
 */
class ReasonCodesGrowthTest {
    private static final int N = 512 * 1024;
    private static final int MB = 1024 * 1024;

    private static ReasonCodes.Match classify(String code) {
        return ReasonCodes.classify(code, ResultCategory.NEGOTIATION);
    }

    @Test
    void aStatusKeywordFollowedByAMegabyteOfSpacesIsReadInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(classify("status" + " ".repeat(MB) + "x")).isNull();
            assertThat(classify("status" + " ".repeat(MB) + "x status: 503"))
                    .isEqualTo(new ReasonCodes.Match("httpStatus", "503"));
            assertThat(classify("status code" + " ".repeat(MB) + "=" + " ".repeat(MB) + "404"))
                    .isEqualTo(new ReasonCodes.Match("http404", "404"));
            assertThat(classify("http/1.1" + " ".repeat(MB) + ":" + " ".repeat(MB) + "x")).isNull();
            Growth.assertLinear("HTTP status: 'status', spaces, no number", n -> "status" + " ".repeat(n) + "x",
                    ReasonCodesGrowthTest::classify, N);
            Growth.assertLinear("HTTP status: 'response code', spaces, ':', spaces, no number",
                    n -> "response code" + " ".repeat(n / 2) + ":" + " ".repeat(n / 2) + "x",
                    ReasonCodesGrowthTest::classify, N);
        }, "no answer within the hang guard: super-linear backtracking");
    }

    @Test
    void aStatusNumberFollowedByAMegabyteOfSpacesIsReadInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(classify("404" + " ".repeat(MB) + "not" + " ".repeat(MB) + "found"))
                    .isEqualTo(new ReasonCodes.Match("http404", "404"));
            assertThat(classify("http/" + "1".repeat(MB) + "x")).isNull();
            Growth.assertLinear("HTTP status: a number, spaces, no phrase", n -> "503" + " ".repeat(n) + "x",
                    ReasonCodesGrowthTest::classify, N);
            Growth.assertLinear("HTTP status: a long version", n -> "http/" + "1.".repeat(n / 2) + "x",
                    ReasonCodesGrowthTest::classify, N);
            Growth.assertLinear("TLS alert: a long name", n -> "tls-remote-alert-40-" + "a-".repeat(n / 2),
                    ReasonCodesGrowthTest::classify, N);
        }, "no answer within the hang guard: super-linear backtracking");
    }
}
