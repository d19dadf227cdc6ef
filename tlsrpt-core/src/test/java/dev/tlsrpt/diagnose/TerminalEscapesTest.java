package dev.tlsrpt.diagnose;

import static dev.tlsrpt.hostile.SenderTextCases.unsafeAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.hostile.HostileReports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sender data never sends a terminal escape (issue 13, item 6): every text rendering shows control
 * characters, bidirectional controls and line separators from a report as visible escapes, and a line feed
 * inside a sender value never starts a new line.
 */
class TerminalEscapesTest {

    static final ParseResult HOSTILE = TlsRpt.parseWithDeviations(HostileReports.escapes(), ParseOptions.lenient());

    @Test
    void theHostileReportCarriesTheEscapesIntoTheModel() {
        assertThat(HOSTILE.report().organizationName()).startsWith("Org\u001b[2J\u001b]0;pwned\u0007\u009b31m")
                .endsWith("\u2028\nINJECTED");
        assertThat(HOSTILE.deviations()).extracting(d -> d.kind()).contains(DeviationKind.UNKNOWN_MEMBER,
                DeviationKind.UNKNOWN_RESULT_TYPE, DeviationKind.UNKNOWN_POLICY_TYPE,
                DeviationKind.INVALID_IP_ADDRESS, DeviationKind.INVALID_URI);
    }

    @Test
    void thePlainTextHoldsNoControlCharacterButLineFeeds() {
        String text = TlsRpt.diagnose(new dev.tlsrpt.ParseResult(HOSTILE.report(), HOSTILE.deviations())).toText();

        assertSafe(text);
        assertThat(text).contains("Org\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u007f\\u202e\\u2066\\u2028\\u000aINJECTED");
    }

    @Test
    void theColouredTextHoldsNoEscapeButTheColoursItAdds() {
        String coloured = TlsRpt.diagnose(new dev.tlsrpt.ParseResult(HOSTILE.report(), HOSTILE.deviations())).toText(TextStyle.ANSI);

        assertThat(coloured).contains("\u001b[33m[WARNING]\u001b[0m");
        assertSafe(coloured.replaceAll("\u001b\\[(?:0|1|1;31|33|36|32)m", ""));
    }

    @Test
    void everyTitleExplanationAndActionIsSafeOnItsOwn() {
        Diagnosis d = TlsRpt.diagnose(HOSTILE);

        // three failures, the policy of an unknown type, and one finding for all the deviations
        assertThat(d.findings()).hasSize(5);
        for (Finding f : d.findings()) {
            for (String text : List.of(f.title(), f.explanation(), f.action(), f.reference())) {
                assertThat(unsafeAt(text)).as("%s: %s", f.kind(), text).isEqualTo(-1);
                assertThat(text).as("%s", f.kind()).doesNotContain("\n");
            }
        }
        assertThat(unsafeAt(d.verdict())).isEqualTo(-1);
    }

    @Test
    void theJsonEscapesWhatATerminalWouldActOnAndKeepsTheValues() {
        String json = TlsRpt.diagnose(HOSTILE).toJson();

        assertThat(unsafeAt(json)).as("first unsafe character").isEqualTo(-1);
        assertThat(json).contains("\\u009B", "\\u202E", "\\u2066", "\\u2028", "\\u007F", "\\u001B", "\\n");
        Map<String, Object> top = RenderingTest.readObject(json);
        assertThat(top.get("organization-name")).isEqualTo(HOSTILE.report().organizationName());
    }

    private static void assertSafe(String text) {
        int at = unsafeAt(text);
        assertThat(at).as("unsafe character U+%04X at %d: %s", at < 0 ? 0 : (int) text.charAt(at), at,
                at < 0 ? "" : text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40))).isEqualTo(-1);
        assertThat(text.lines().filter(l -> l.strip().startsWith("INJECTED")).toList())
                .as("lines started by a sender's line feed").isEmpty();
    }
}
