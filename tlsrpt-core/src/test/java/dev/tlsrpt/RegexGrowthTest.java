package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.Growth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Guards for the core's regular expressions outside the diagnosis and the record package that see sender or
 * caller text: the section 5.1 file name (the record's are in {@code record.RecordRegexGrowthTest}). Each gives the right answer on about a megabyte and its time grows linearly (1 MB against
 * 512 KB); the timeout is a hang guard only. All were linear already (disjoint character classes around
 * each quantifier); these keep them so.
 */
class RegexGrowthTest {
    private static final int N = 512 * 1024;
    private static final int MB = 1024 * 1024;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static void fileName(String name) {
        try {
            ReportFileName.parse(name);
        } catch (IllegalArgumentException e) {
            // expected for most of the hostile names
        }
    }

    @Test
    void aFileNameOfAMegabyteIsReadInLinearTime() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            String id = "a".repeat(MB);
            assertThat(ReportFileName.parse("sender.example!example.com!1!2!" + id + ".json.gz").uniqueId())
                    .isEqualTo(id);
            assertThatThrownBy(() -> ReportFileName.parse("a".repeat(MB) + "!example.com!1!2.json"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sender must be a domain");
            assertThatThrownBy(() -> ReportFileName.parse("a!b!1!2!" + id + ".jsox"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an RFC 8460");
            Growth.assertLinear("file name without '!'", n -> "a".repeat(n) + ".json", RegexGrowthTest::fileName, N);
            Growth.assertLinear("file name, a long unique-id, a wrong extension",
                    n -> "a!b!1!2!" + "a".repeat(n) + ".jsox", RegexGrowthTest::fileName, N);
        }, "no answer within the hang guard");
    }
}
