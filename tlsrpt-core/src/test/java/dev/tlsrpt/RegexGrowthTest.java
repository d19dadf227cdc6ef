package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.Growth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards for the core's regular expressions outside the diagnosis that see sender or caller text: the
 * section 5.1 file name, record selection and the TXT record parser's lenient version and scheme
 * patterns. Each gives the right answer on about a megabyte and its time grows linearly (1 MB against
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

    private static RecordSelection select(String record) {
        return TlsRpt.selectRecord(List.of(record), ParseOptions.lenient());
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
                    n -> "v=TLSRPTv1" + " ".repeat(n) + "x", RegexGrowthTest::select, N);
        }, "no answer within the hang guard");
    }

    private static void lenientRecord(String txt) {
        try {
            TlsRpt.checkRecord(txt, ParseOptions.lenient());
        } catch (MalformedRecordException e) {
            // expected for most of the hostile records
        }
    }

    @Test
    void aRecordWithAMegabyteInItsVersionOrUriIsReadInLinearTime() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            RecordCheck spaced = TlsRpt.checkRecord("v" + " ".repeat(MB) + "=TLSRPTv1;rua=mailto:a@example.com",
                    ParseOptions.lenient());
            assertThat(spaced.record().rua()).extracting(Object::toString).containsExactly("mailto:a@example.com");
            RecordCheck noScheme = TlsRpt.checkRecord("v=TLSRPTv1;rua=" + "a".repeat(MB) + "@example.com",
                    ParseOptions.lenient());
            assertThat(noScheme.warnings()).extracting(RecordWarning::kind)
                    .contains(RecordWarningKind.MISSING_SCHEME);
            Growth.assertLinear("lenient version, spaces then junk",
                    n -> "v" + " ".repeat(n) + "=x", RegexGrowthTest::lenientRecord, N);
            Growth.assertLinear("rua without a scheme", n -> "v=TLSRPTv1;rua=" + "a+".repeat(n / 2),
                    RegexGrowthTest::lenientRecord, N);
        }, "no answer within the hang guard");
    }
}
