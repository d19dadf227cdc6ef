package dev.tlsrpt.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.Growth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards for the record package's regular expressions, which see DNS text: record selection and the TXT
 * record parser's lenient version and scheme patterns. Each gives the right answer on about a megabyte and
 * its time grows linearly (1 MB against 512 KB); the timeout is a hang guard only.
 */
class RecordRegexGrowthTest {
    private static final int N = 512 * 1024;
    private static final int MB = 1024 * 1024;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static RecordSelection select(String record) {
        return RecordSelection.lenient(List.of(record));
    }

    @Test
    void recordSelectionOnAMegabyteOfWhiteSpaceIsLinear() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            String spaces = " \t".repeat(MB / 4);
            assertThat(select(spaces + "v" + spaces + "=" + spaces + "TLSRPTv1" + spaces + ";rua=mailto:a@b")
                    .outcome()).isEqualTo(RecordSelection.Outcome.ONE);
            assertThat(select(spaces + "v" + spaces + "=" + spaces + "TLSRPTv1" + spaces + "x").outcome())
                    .isEqualTo(RecordSelection.Outcome.NONE);
            Growth.assertLinear("lenient selection, spaces then junk",
                    n -> "v=TLSRPTv1" + " ".repeat(n) + "x", RecordRegexGrowthTest::select, N);
        }, "no answer within the hang guard");
    }

    private static void lenientRecord(String txt) {
        try {
            RecordCheck.lenient(txt);
        } catch (MalformedRecordException e) {
            // expected for most of the hostile records
        }
    }

    @Test
    void aRecordWithAMegabyteInItsVersionOrUriIsReadInLinearTime() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            RecordCheck spaced = RecordCheck.lenient("v" + " ".repeat(MB) + "=TLSRPTv1;rua=mailto:a@example.com");
            assertThat(spaced.record().rua()).extracting(Object::toString).containsExactly("mailto:a@example.com");
            RecordCheck noScheme = RecordCheck.lenient("v=TLSRPTv1;rua=" + "a".repeat(MB) + "@example.com");
            assertThat(noScheme.warnings()).extracting(RecordWarning::kind)
                    .contains(RecordWarningKind.MISSING_SCHEME);
            Growth.assertLinear("lenient version, spaces then junk",
                    n -> "v" + " ".repeat(n) + "=x", RecordRegexGrowthTest::lenientRecord, N);
            Growth.assertLinear("rua without a scheme", n -> "v=TLSRPTv1;rua=" + "a+".repeat(n / 2),
                    RecordRegexGrowthTest::lenientRecord, N);
        }, "no answer within the hang guard");
    }
}
