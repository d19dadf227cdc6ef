package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.model.ResultCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Classifying a reason code still finds the status after long runs of white space (the HTTP status pattern's
 * {@code \s*[:=]?\s*} after "status" tried every split of a run of white space, so "status", 40,000 spaces and
 * one letter took 2.8 s). How the cost grows is measured by {@link ReasonCodesGrowthTest}, on CPU time.
 */
class ReasonCodesCostTest {

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
