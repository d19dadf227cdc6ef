package dev.tlsrpt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.hostile.HostileStreams;
import dev.tlsrpt.hostile.SenderTextCases;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SenderTextTest {

    static Stream<Arguments> cases() {
        return SenderTextCases.cases().stream().map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void neutraliseShowsWhatCannotReachATerminalAsVisibleEscapes(String sent, String shown) {
        assertThat(SenderText.neutralise(sent)).isEqualTo(shown);
        assertThat(SenderTextCases.unsafeAt(SenderText.neutralise(sent))).isEqualTo(-1);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anExcerptOfAShortValueIsTheNeutralisedValueWithoutSurroundingWhiteSpace(String sent, String shown) {
        assertThat(SenderText.excerpt(" \t" + sent + "x", 1000)).isEqualTo(shown + "x");
    }

    @Test
    void anExcerptLeavesOutWhiteSpaceAroundTheValueButShowsItInside() {
        assertThat(SenderText.excerpt("  \n evil\u001b \t\n", 80)).isEqualTo("evil\\u001b");
        assertThat(SenderText.excerpt("a\nb", 80)).isEqualTo("a\\u000ab");
        assertThat(SenderText.excerpt(" \n\t ", 80)).isEmpty();
    }

    @Test
    void cutKeepsAShortValueAndBoundsALongOneWithoutSplittingASurrogatePair() {
        String value = "mx.example.com";
        assertThat(SenderText.cut(value, 14)).isSameAs(value);
        assertThat(SenderText.cut("abcdef", 4)).isEqualTo("abcd…");
        assertThat(SenderText.cut("ab\ud83d\ude00cd", 3)).isEqualTo("ab…");
        assertThat(SenderText.cut("ab\ud83d\ude00cd", 4)).isEqualTo("ab\ud83d\ude00…");
        assertThat(SenderText.cut("a\u001bbc", 2)).as("raw: neutralised afterwards").isEqualTo("a\u001b…");
    }

    @Test
    void anExcerptIsCutAtTheLimitAndSaysSo() {
        assertThat(SenderText.excerpt("abcdef", 6)).isEqualTo("abcdef");
        assertThat(SenderText.excerpt("abcdefg", 6)).isEqualTo("abcdef…");
        assertThat(SenderText.excerpt("ab\u001bcdefg", 8)).isEqualTo("ab\\u001b…");
        assertThat(SenderText.excerpt("ab\u001bcdefg", 7)).as("an escape is not cut in half").isEqualTo("ab…");
        assertThat(SenderText.excerpt("a\ud83d\ude00b", 2)).as("a surrogate pair is not cut in half").isEqualTo("a…");
        assertThat(SenderText.excerpt("a\ud83d\ude00b", 3)).isEqualTo("a\ud83d\ude00…");
    }

    @Test
    void anExcerptOfAHugeValueReadsOnlyItsBeginning() {
        String huge = " " + "x".repeat(10_000_000) + " ";
        long before = HostileStreams.allocatedBytes();
        for (int i = 0; i < 100; i++) {
            assertThat(SenderText.excerpt(huge, 80)).hasSize(81);
        }
        // 100 excerpts of 10 million characters: a copy of each would allocate 2 GB
        assertThat(HostileStreams.allocatedBytes() - before).isLessThan(1_000_000L);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aQuoteIsTheNeutralisedValueInDoubleQuotesWithItsWhiteSpace(String sent, String shown) {
        String quoted = SenderText.quote(" " + sent);
        // a backslash the sender sent is doubled; the escapes the neutraliser writes are not
        String expected = sent.indexOf('\\') >= 0 ? shown.replace("\\u001b stays", "\\\\u001b stays") : shown;
        assertThat(quoted).isEqualTo("\" " + expected + "\"");
        assertThat(SenderTextCases.unsafeAt(quoted)).isEqualTo(-1);
    }

    @Test
    void aQuoteEscapesQuotesAndBackslashesAndSaysNoneForNull() {
        assertThat(SenderText.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(SenderText.quote("certificate-expired ")).isEqualTo("\"certificate-expired \"");
        assertThat(SenderText.quote("")).isEqualTo("\"\"");
        assertThat(SenderText.quote(null)).isEqualTo("(none)");
    }

    @Test
    void aQuoteShowsAtMostMaxCharactersAndSaysWhenItCut() {
        String eighty = "x".repeat(SenderText.MAX);
        assertThat(SenderText.quote(eighty)).isEqualTo("\"" + eighty + "\"");
        assertThat(SenderText.quote(eighty + "y")).isEqualTo("\"" + eighty + "…\"");
        assertThat(SenderText.quote("x".repeat(75) + "\u001b" + "y")).as("an escape is not cut in half")
                .isEqualTo("\"" + "x".repeat(75) + "…\"");
        assertThat(SenderText.quote("x".repeat(79) + "\"")).as("nor a backslashed quote")
                .isEqualTo("\"" + "x".repeat(79) + "…\"");
        String huge = "x".repeat(10_000_000);
        long before = HostileStreams.allocatedBytes();
        for (int i = 0; i < 100; i++) {
            assertThat(SenderText.quote(huge)).hasSize(SenderText.MAX + 3);
        }
        assertThat(HostileStreams.allocatedBytes() - before).isLessThan(1_000_000L);
    }

    @Test
    void aLocationReadsLineAndColumnOrWhatIsKnown() {
        assertThat(Locations.suffix(12, 41)).isEqualTo(" (line 12, column 41)");
        assertThat(Locations.suffix(12, -1)).isEqualTo(" (line 12)");
        assertThat(Locations.suffix(-1, 41)).isEmpty();
    }

    @Test
    void aPlaceNamesThePointerOrTheDocumentThenLineAndColumn() {
        assertThat(Locations.at("/policies/0", 3, 5)).isEqualTo("/policies/0 (line 3, column 5)");
        assertThat(Locations.at("", -1, -1)).isEqualTo("(document)");
        assertThat(Locations.problem("/report-id", "expected a string", 2, 16))
                .isEqualTo("/report-id: expected a string (line 2, column 16)");
        assertThat(Locations.problem("", "the input is empty", 1, -1))
                .isEqualTo("(document): the input is empty (line 1)");
    }

    @Test
    void aShellWordIsTheTextWhenNothingInItIsShellSyntaxElseSingleQuoted() {
        assertThat(SenderText.shellWord("mx1.example.com")).isEqualTo("mx1.example.com");
        assertThat(SenderText.shellWord("2001:db8::25")).isEqualTo("2001:db8::25");
        assertThat(SenderText.shellWord("[2001:db8::25]")).isEqualTo("'[2001:db8::25]'");
        assertThat(SenderText.shellWord("mx.example.com; rm -rf /")).isEqualTo("'mx.example.com; rm -rf /'");
        assertThat(SenderText.shellWord("$(id)")).isEqualTo("'$(id)'");
        assertThat(SenderText.shellWord("`id`")).isEqualTo("'`id`'");
        assertThat(SenderText.shellWord("it's")).isEqualTo("'it'\\''s'");
        assertThat(SenderText.shellWord("a b")).isEqualTo("'a b'");
        assertThat(SenderText.shellWord("*")).isEqualTo("'*'");
        assertThat(SenderText.shellWord("")).isEqualTo("''");
    }
}
