package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.cli.CliEnvironment.Terminals;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What no input means (standard input, or a usage error on a terminal; the bundled sample only with
 * {@code --sample}), and the terminal facts the launcher passes.
 */
class InputOptionsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "validate"})
    void noInputWithStandardInputOnATerminalIsAUsageErrorThatNamesSample(String command) {
        Run run = Run.withStdinOnTerminal(command);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("No input: name report files or directories, - for standard input, or --sample"
                + " for the bundled sample report\n").contains("Usage: tlsrpt " + command);
        assertThat(run.out).isEmpty();
    }

    @Test
    void noInputWithStandardInputPipedReadsIt() {
        Run diagnose = Run.withStdin(Fixtures.gzip(Fixtures.sample()), "diagnose");
        assertThat(diagnose.exitCode).as(diagnose.toString()).isEqualTo(1);
        assertThat(diagnose.out).startsWith("==> (stdin) <==\n").contains("[WARNING] The certificate of mail.example.com has expired");

        Run validate = Run.withStdin(Fixtures.sample(), "validate", "--strict");
        assertThat(validate.exitCode).as(validate.toString()).isZero();
        assertThat(validate.err).isEqualTo("1 of 1 report valid\n");
    }

    /** {@code find ... | xargs tlsrpt diagnose} when find finds nothing: no argument, standard input empty. */
    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "diagnose --group", "diagnose --format csv --min-severity warning", "validate"})
    void noInputAndEmptyStandardInputIsNothingToDoAndNoFalseAlarm(String command) {
        Run run = Run.withStdin(new byte[0], command.split(" "));

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).isEqualTo(command.contains("csv") ? String.join(",", DiagnoseCommand.CSV_HEADER) + "\r\n" : "");
    }

    @Test
    void anEmptyStandardInputNamedWithADashIsStillUnreadable() {
        Run run = Run.withStdin(new byte[0], "diagnose", "-");

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).startsWith("tlsrpt: (stdin): ");
    }

    @Test
    void theSampleComesFirstThenTheInputsNamed() throws IOException {
        Path clean = Fixtures.write(tmp.resolve("clean.json.gz"), Fixtures.resource("corpus/mox/microsoft.attachment.json.gz"));

        Run run = Run.tlsrpt("diagnose", "--format", "csv", clean.toString(), "--sample");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(run.out.split("\r\n")).map(row -> row.split(",")[0]).distinct())
                .containsExactly("input", "(bundled sample)", clean.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "validate"})
    void helpListsTheInputs(String command) {
        Run run = Run.tlsrpt(command, "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.replaceAll("\\s+", " ")).contains(
                "Inputs: report files (JSON or gzip, told apart by the content), e-mail messages (.eml) and mbox files"
                        + " holding reports, directories (walked for such files; hidden ones skipped), - for standard"
                        + " input, --sample for the bundled sample report.",
                "With no input named: standard input when it is not a terminal", "--sample");
    }

    @Test
    void theLaunchersPropertiesSayWhichStreamsAreATerminal() {
        Map<String, String> props = new HashMap<>();
        props.put("tlsrpt.stdin.terminal", "false");
        props.put("tlsrpt.stdout.terminal", "true");
        props.put("tlsrpt.stderr.terminal", "true");
        Path missing = tmp.resolve("no-proc");

        assertThat(CliEnvironment.detect(props::get, false, missing)).isEqualTo(new Terminals(false, true, true));
        props.put("tlsrpt.stdin.terminal", "true");
        props.put("tlsrpt.stderr.terminal", "false");
        assertThat(CliEnvironment.detect(props::get, false, missing)).isEqualTo(new Terminals(true, true, false));
    }

    @Test
    void withoutTheLauncherStandardInputIsAskedOfProcAndNeverIsStandardErrorATerminal() throws IOException {
        Map<String, String> none = Map.of();
        Path tty = Files.createSymbolicLink(tmp.resolve("fd0-tty"), Path.of("/dev/pts/3"));
        Path pipe = Files.createSymbolicLink(tmp.resolve("fd0-pipe"), Path.of("pipe:[4242]"));
        Path file = Files.createSymbolicLink(tmp.resolve("fd0-file"), Path.of("/home/me/reports.json"));
        Path missing = tmp.resolve("no-proc");

        assertThat(CliEnvironment.detect(none::get, false, tty)).isEqualTo(new Terminals(true, false, false));
        assertThat(CliEnvironment.detect(none::get, true, pipe)).isEqualTo(new Terminals(false, true, false));
        assertThat(CliEnvironment.detect(none::get, false, file)).isEqualTo(new Terminals(false, false, false));
        // no /proc (macOS): the console decides for standard input too
        assertThat(CliEnvironment.detect(none::get, true, missing)).isEqualTo(new Terminals(true, true, false));
        assertThat(CliEnvironment.detect(none::get, false, missing)).isEqualTo(Terminals.NONE);
        // forced: -Dtlsrpt.stderr.terminal=true draws the progress bar without the launcher
        assertThat(CliEnvironment.detect(Map.of("tlsrpt.stderr.terminal", "true")::get, false, missing).stderr()).isTrue();
    }

    @Test
    void noColorAndADumbTerminalAreHonoured() {
        assertThat(Style.choose(env(Terminals.ALL, Map.of()), false).enabled()).isTrue();
        assertThat(Style.choose(env(Terminals.ALL, Map.of("TERM", "dumb")), false).enabled()).isFalse();
        assertThat(Style.choose(env(Terminals.ALL, Map.of("NO_COLOR", "1")), false).enabled()).isFalse();
        assertThat(Style.choose(env(new Terminals(true, false, true), Map.of()), false).enabled()).isFalse();

        assertThat(env(Terminals.ALL, Map.of()).progressBar()).isTrue();
        assertThat(env(Terminals.ALL, Map.of("NO_COLOR", "1")).progressBar()).isTrue(); // NO_COLOR is about colour
        assertThat(env(Terminals.ALL, Map.of("TERM", "dumb")).progressBar()).isFalse();
        assertThat(env(new Terminals(true, true, false), Map.of()).progressBar()).isFalse();
    }

    @Test
    void theProgressBarOfGroupedDiagnosisGoesToStandardErrorOnlyWhenItIsATerminal() throws IOException {
        Path dir = tmp.resolve("reports");
        for (int i = 0; i < 5; i++) {
            Fixtures.write(dir.resolve(i + ".json"), Fixtures.sample());
        }
        AtomicLong time = new AtomicLong();
        Run bar = Run.with(InputStream.nullInputStream(), Map.of(), new Terminals(false, false, true),
                () -> time.addAndGet(Progress.DELAY_NANOS), "diagnose", "--group", dir.toString());
        assertThat(bar.err).contains("] 5/5 reports").endsWith("\r");
        assertThat(bar.out).doesNotContain("\r", "#");

        Run dumb = Run.with(InputStream.nullInputStream(), Map.of("TERM", "dumb"), new Terminals(false, false, true),
                () -> time.addAndGet(Progress.DELAY_NANOS), "diagnose", "--group", dir.toString());
        assertThat(dumb.err).isEmpty();
        Run notATerminal = Run.with(InputStream.nullInputStream(), Map.of(), new Terminals(true, true, false),
                () -> time.addAndGet(Progress.DELAY_NANOS), "diagnose", "--group", dir.toString());
        assertThat(notATerminal.err).isEmpty();
    }

    private static CliEnvironment env(Terminals terminals, Map<String, String> vars) {
        return new CliEnvironment(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), new ByteArrayInputStream(new byte[0]), vars,
                terminals, System::nanoTime);
    }
}
