package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Standard output that cannot be written (a full disk, a closed pipe): every command exits with 74 and
 * says so on standard error, instead of exiting 0 with its output lost.
 */
class StandardOutputFailureTest {
    static final int OUTPUT_FAILED = 74;
    static final String MESSAGE = "tlsrpt: standard output could not be written: the output is incomplete\n";

    @TempDir
    Path tmp;

    /** A stream whose every write fails, as a full disk's does. */
    static final class Full extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    record Outcome(int exitCode, String err) {
    }

    /** Runs with standard output as the process has it: a PrintWriter over a PrintStream. */
    static Outcome overPrintStream(String... args) {
        return run(new PrintWriter(new PrintStream(new Full(), true, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8),
                args);
    }

    static Outcome run(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(out, new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
                Map.of(), false, new AtomicLong()::get);
        int code = Main.run(env, args);
        return new Outcome(code, err.toString());
    }

    static Stream<List<String>> commands() {
        return Stream.of(List.of("diagnose", "CLEAN"), List.of("diagnose", "--format", "json", "CLEAN"),
                List.of("diagnose", "--format", "csv", "CLEAN"), List.of("diagnose", "--sample"), List.of("validate", "INVALID"),
                List.of("summary", "CLEAN"), List.of("summary", "--format", "json", "CLEAN"),
                List.of("summary", "--format", "csv", "CLEAN"), List.of("summary", "--format", "html", "CLEAN"),
                List.of("record", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"),
                List.of("--help"), List.of("diagnose", "--help"), List.of("--version"), List.of("generate-completion"));
    }

    private Path clean() throws IOException {
        return Fixtures.write(tmp.resolve("clean.json.gz"), Fixtures.resource("corpus/mox/microsoft.attachment.json.gz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandExitsNonZeroWhenStandardOutputFails(List<String> command) throws IOException {
        String clean = clean().toString();
        // validate writes only violations to standard output: a valid report would leave nothing to lose
        String invalid = Fixtures.write(tmp.resolve("invalid.json"), Run.utf8("{\"organization-name\": 7}")).toString();
        String[] args = command.stream().map(a -> a.equals("CLEAN") ? clean : a.equals("INVALID") ? invalid : a)
                .toArray(String[]::new);

        Outcome outcome = overPrintStream(args);

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(OUTPUT_FAILED);
        assertThat(outcome.err()).endsWith(MESSAGE);
    }

    @Test
    void aPrintWriterOverAFailingStreamCountsToo() throws IOException {
        Outcome outcome = run(new PrintWriter(new Full(), true), "diagnose", clean().toString());

        assertThat(outcome.exitCode()).isEqualTo(OUTPUT_FAILED);
        assertThat(outcome.err()).isEqualTo(MESSAGE);
    }

    @Test
    void theSameRunWithAWorkingStandardOutputExitsZero() throws IOException {
        Run run = Run.tlsrpt("diagnose", clean().toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isNotEmpty();
        assertThat(run.err).isEmpty();
    }

    /** The real {@code main} in its own process, its standard output the always-full device. */
    @Test
    void theProcessExitsNonZeroWithStandardOutputOnDevFull() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full on this system");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path errFile = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "-cp", classPath, Main.class.getName(), "diagnose", clean().toString())
                .redirectOutput(full).redirectError(errFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process ends (hang guard)").isTrue();
        String err = Files.readString(errFile);

        assertThat(p.exitValue()).as(err).isEqualTo(OUTPUT_FAILED);
        assertThat(err).isEqualTo(MESSAGE);
    }
}
