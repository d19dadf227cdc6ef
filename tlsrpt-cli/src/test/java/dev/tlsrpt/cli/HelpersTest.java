package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.hostile.SenderTextCases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class HelpersTest {

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        assertThat(Csv.row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    @Test
    void csvDefusesSpreadsheetFormulasButNotNumbers() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-3")).isEqualTo("-3");
        assertThat(Csv.field("0.06")).isEqualTo("0.06");
    }

    @Test
    void enumOptionsReadAnyCaseAroundWhiteSpaceAndEchoAValueTerminalSafe() {
        assertThat(new DiagnoseCommand.Format.Values().convert(" Json ")).isEqualTo(DiagnoseCommand.Format.JSON);
        assertThat(new SummaryCommand.Format.Values().convert("HTML")).isEqualTo(SummaryCommand.Format.HTML);
        assertThat(new SeverityOption.Values().convert("warning\t")).isEqualTo(Severity.WARNING);
        assertThat(new RecordCommand.Format.Values()).containsExactly("text", "json");
        assertThat(new SeverityOption.Values()).containsExactly("critical", "warning", "info", "ok");
        assertThatThrownBy(() -> new DiagnoseCommand.Format.Values().convert("x\u001b[2J\u202e"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("expected one of text, json, csv but was 'x\\u001b[2J\\u202e'");
        assertThat(LowerCaseEnum.of(FailOn.class, "sometimes")).isNull();
    }

    @Test
    void jsonOutputEscapesWhatATerminalWouldActOn() {
        StringWriter out = new StringWriter();
        try (var g = JsonOut.generator(out)) {
            g.writeStartArray();
            for (String[] c : SenderTextCases.cases()) {
                g.writeString(c[0]);
            }
            g.writeEndArray();
        }
        assertThat(SenderTextCases.unsafeAt(out.toString())).isEqualTo(-1);
        assertThat(out.toString()).contains("\\u009B", "\\u202E", "\\u2028", "\\u007F", "\\u200B", "\ud83d\ude00");
    }

    @Test
    void jsonOutputCutShortIsLeftUnfinishedAndTheWriterOpen() {
        StringWriter out = new StringWriter();
        try (var g = JsonOut.generator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("reports");
        }
        out.write("|");
        assertThat(out.toString()).isEqualTo("{\n  \"reports\" : [|");
    }

    @Test
    void textFormatsCountsAndShares() {
        assertThat(Text.count(4824)).isEqualTo("4,824");
        assertThat(Text.failedPercent(3, 4821)).isEqualTo("0.06%");
        assertThat(Text.failedPercent(0, 0)).isEqualTo("-");
        assertThat(Text.failedPercent(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo("50.00%");
        assertThat(Text.sum(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Text.sum(4821, 3)).isEqualTo(4824);
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        CliEnvironment terminal = env(true, "");
        assertThat(Style.choose(terminal, false).enabled()).isTrue();
        assertThat(Style.choose(terminal, true).enabled()).isFalse();
        assertThat(Style.choose(env(false, ""), false).enabled()).isFalse();
        assertThat(Style.choose(env(true, "1"), false).enabled()).isFalse();
        assertThat(Style.ANSI.red("x")).isEqualTo("\u001b[1;31mx\u001b[0m");
        assertThat(Style.PLAIN.red("x")).isEqualTo("x");
    }

    @Test
    void progressBarWaitsAMomentThenErasesItself() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(err), true, clock::get, 4);
        progress.step();
        assertThat(err.toString()).isEmpty();
        clock.addAndGet(Progress.DELAY_NANOS);
        progress.step();
        assertThat(err.toString()).isEqualTo("\r[###############               ] 2/4 reports");
        progress.step();
        assertThat(err.toString()).doesNotContain("3/4");
        clock.addAndGet(Progress.REDRAW_NANOS);
        progress.step();
        assertThat(err.toString()).endsWith("] 4/4 reports");
        progress.finish();
        assertThat(err.toString()).endsWith("\r");
        assertThat(progress.wasDrawn()).isFalse();
    }

    @Test
    void progressBarNeverDrawsWhenStandardErrorIsNotATerminal() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(err), false, clock::get, 3);
        clock.addAndGet(Progress.DELAY_NANOS * 10);
        progress.step();
        progress.step();
        progress.finish();
        assertThat(err.toString()).isEmpty();
    }

    private static CliEnvironment env(boolean terminal, String noColor) {
        return new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                System.in, noColor.isEmpty() ? java.util.Map.of() : java.util.Map.of("NO_COLOR", noColor),
                terminal, System::nanoTime);
    }
}
