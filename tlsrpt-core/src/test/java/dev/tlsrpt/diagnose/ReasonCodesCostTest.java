package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.model.ResultCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Classifying a reason code costs time linear in the code (found with issue 13, item 1): the HTTP status
 * pattern's {@code \s*[:=]?\s*} after "status" tried every split of a run of white space, so "status",
 * 40,000 spaces and one letter took 2.8 s, and a reason code may be a megabyte long.
 */
class ReasonCodesCostTest {

    static long bestNanos(String code) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(ReasonCodes.classify(code, ResultCategory.NEGOTIATION)).isNull();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    @Test
    void aLongRunOfWhiteSpaceAfterStatusCostsTimeLinearInItsLength() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String word : new String[] {"status", "response", "http/1.1", "404"}) {
                bestNanos(word + " ".repeat(2_000) + "x"); // warm-up
                long small = bestNanos(word + " ".repeat(8_000) + "x");
                long large = bestNanos(word + " ".repeat(64_000) + "x");
                // 8 times the input: 8 times the time if linear, 64 times if quadratic
                System.out.printf("reason code \"%s\" + spaces, 64,000 over 8,000: %.1f (%,d / %,d ns)%n", word,
                        (double) large / small, large, small);
                assertThat((double) large / small).as("growth for " + word).isLessThan(24);
            }
        });
    }

    @Test
    void theStatusIsStillFoundAfterALongRunOfWhiteSpace() {
        String spaces = " ".repeat(100_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ReasonCodes.classify("status" + spaces + ":" + spaces + "503", ResultCategory.STS_POLICY)))
                .isEqualTo(new ReasonCodes.Match("httpStatus", "503"));
        assertThat(ReasonCodes.classify("bad https response code:  404", ResultCategory.STS_POLICY))
                .isEqualTo(new ReasonCodes.Match("http404", "404"));
        assertThat(ReasonCodes.classify("HTTP/1.1 500", ResultCategory.STS_POLICY))
                .isEqualTo(new ReasonCodes.Match("httpStatus", "500"));
        assertThat(ReasonCodes.classify("got 404" + spaces + "not" + spaces + "found", ResultCategory.STS_POLICY))
                .isEqualTo(new ReasonCodes.Match("http404", "404"));
    }
}
