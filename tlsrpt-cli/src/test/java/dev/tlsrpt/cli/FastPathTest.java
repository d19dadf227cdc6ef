package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.cli.CliEnvironment.Terminals;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link FastPath} reads {@code tlsrpt diagnose} as picocli does, or leaves the command line to picocli: for
 * each command line below, what it decides, then the options it read against picocli's (field by field),
 * then the whole run (exit code, standard output and error) against a run picocli reads alone.
 */
class FastPathTest {

    @TempDir
    Path tmp;

    String report;
    String gzip;
    String dir;
    String missing;

    @BeforeEach
    void files() throws Exception {
        report = Fixtures.write(tmp.resolve("r/report.json"), Fixtures.sample()).toString();
        gzip = Fixtures.write(tmp.resolve("r/sub/report.json.gz"), Fixtures.gzip(Fixtures.sample())).toString();
        Fixtures.write(tmp.resolve("r/broken.json"), Fixtures.TRUNCATED.getBytes(StandardCharsets.UTF_8));
        dir = tmp.resolve("r").toString();
        missing = tmp.resolve("missing.json").toString();
    }

    /** The command lines FastPath reads. */
    List<String[]> fast() {
        List<String[]> lines = new ArrayList<>();
        lines.add(args("diagnose", report));
        lines.add(args("diagnose", report, gzip, missing));
        lines.add(args("diagnose", dir));
        lines.add(args("diagnose", "--format", "json", report));
        lines.add(args("diagnose", "--format=csv", report));
        lines.add(args("diagnose", "-f", "JSON", dir));
        lines.add(args("diagnose", "--format", "Text", report));
        lines.add(args("diagnose", "--strict", report));
        lines.add(args("diagnose", report, "--strict"));
        lines.add(args("diagnose", "-g", report, gzip));
        lines.add(args("diagnose", "--group", "--format", "json", dir));
        lines.add(args("diagnose", "--min-severity", "warning", dir));
        lines.add(args("diagnose", "--min-severity=CRITICAL", "-g", dir));
        lines.add(args("diagnose", "--fail-on", "never", report));
        lines.add(args("diagnose", "--fail-on=critical", "--no-color", report));
        lines.add(args("diagnose", "--fail-on", " info", report));
        lines.add(args("diagnose", "--sample"));
        lines.add(args("diagnose", "--sample", report, "--format", "csv"));
        lines.add(args("diagnose", "-"));
        lines.add(args("diagnose", "-", report));
        lines.add(args("diagnose"));
        lines.add(args("diagnose", missing));
        lines.add(args("diagnose", ""));
        lines.add(args("diagnose", "validate"));
        lines.add(args("diagnose", "a=b.json"));
        return lines;
    }

    /** The command lines left to picocli: help, errors, and forms FastPath does not read. */
    List<String[]> picocli() {
        List<String[]> lines = new ArrayList<>();
        lines.add(args("diagnose", "--help"));
        lines.add(args("diagnose", "-h"));
        lines.add(args("diagnose", "--version"));
        lines.add(args("diagnose", "-V", report));
        lines.add(args("diagnose", "--format", "xml", report));
        lines.add(args("diagnose", "--format"));
        lines.add(args("diagnose", "--format", "--strict", report));
        lines.add(args("diagnose", "--format="));
        lines.add(args("diagnose", "-fjson", report));
        lines.add(args("diagnose", "-f=json", report));
        lines.add(args("diagnose", "--strict", "--strict", report));
        lines.add(args("diagnose", "--format", "json", "-f", "csv", report));
        lines.add(args("diagnose", "--strict=true", report));
        lines.add(args("diagnose", "--min-severity", "", report));
        lines.add(args("diagnose", "--min-severity", "bogus", report));
        lines.add(args("diagnose", "--fail-on", "sometimes", report));
        lines.add(args("diagnose", "--bogus", report));
        lines.add(args("diagnose", "-x"));
        lines.add(args("diagnose", "-gx", report));
        lines.add(args("diagnose", "--", report));
        lines.add(args("diagnose", "@" + tmp.resolve("args.txt")));
        lines.add(args("diagnose", "--format", "@json", report));
        lines.add(args("--no-color", "diagnose", report));
        lines.add(args("Diagnose", report));
        lines.add(args("validate", report));
        lines.add(args());
        return lines;
    }

    @Test
    void readsTheCommonCommandLinesAndLeavesTheRestToPicocli() {
        for (String[] a : fast()) {
            assertThat(FastPath.parse(a)).as(String.join(" ", a)).isNotNull();
        }
        for (String[] a : picocli()) {
            assertThat(FastPath.parse(a)).as(String.join(" ", a)).isNull();
        }
    }

    @Test
    void readsTheOptionsAsPicocliDoes() throws Exception {
        for (String[] a : fast()) {
            FastPath.Parsed parsed = FastPath.parse(a);
            assertThat(parsed).isNotNull();
            Map<String, Object> mine = options(parsed.command());
            mine.put("noColor", parsed.noColor);

            CommandLine cmd = Main.commandLine(environment(false), a);
            CommandLine.ParseResult result = cmd.parseArgs(a);
            Map<String, Object> picocli = options((DiagnoseCommand) result.subcommand().commandSpec().userObject());
            picocli.put("noColor", field(cmd.getCommandSpec().userObject(), "noColor"));

            assertThat(mine).as(String.join(" ", a)).isEqualTo(picocli);
        }
        FastPath.Parsed json = FastPath.parse("diagnose", "-f", "JSON", "--fail-on=never", "-g", dir);
        assertThat(json).isNotNull();
        assertThat(options(json.command())).containsEntry("format", DiagnoseCommand.Format.JSON)
                .containsEntry("failOn", FailOn.NEVER).containsEntry("group", true).containsEntry("input.paths", List.of(dir));
    }

    @Test
    void runsAsPicocliRuns() {
        List<String[]> all = new ArrayList<>(fast());
        all.addAll(picocli());
        for (String[] a : all) {
            for (boolean terminal : new boolean[] {false, true}) {
                Run fast = run(true, terminal, a);
                Run picocli = run(false, terminal, a);
                String what = String.join(" ", a) + (terminal ? " (on a terminal)" : "");
                assertThat(fast.exitCode).as(what + "\n" + fast + "\n" + picocli).isEqualTo(picocli.exitCode);
                assertThat(fast.out).as(what).isEqualTo(picocli.out);
                assertThat(fast.err).as(what).isEqualTo(picocli.err);
            }
        }
    }

    @Test
    void noInputWithStandardInputATerminalIsPicocliUsageError() {
        CliEnvironment env = environment(true);
        assertThat(FastPath.run(env, "diagnose")).isNull();
        assertThat(FastPath.run(env, "diagnose", "--format", "json")).isNull();

        Run run = Run.withStdinOnTerminal("diagnose");
        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).startsWith(InputOptions.NO_INPUT).contains("Usage: tlsrpt diagnose");
    }

    @Test
    void theDiagnosisOfStandardInputIsTheSame() {
        byte[] sample = Fixtures.sample();
        Run fast = Run.with(new ByteArrayInputStream(sample), Map.of(), Terminals.NONE, new AtomicLong()::get, true,
                "diagnose", "--format", "csv");
        Run picocli = Run.with(new ByteArrayInputStream(sample), Map.of(), Terminals.NONE, new AtomicLong()::get, false,
                "diagnose", "--format", "csv");
        assertThat(fast.exitCode).isEqualTo(1).isEqualTo(picocli.exitCode);
        assertThat(fast.out).contains("(stdin),Example Mail Provider").isEqualTo(picocli.out);
        assertThat(fast.err).isEqualTo(picocli.err);
    }

    private static Run run(boolean fastPath, boolean terminal, String... args) {
        // the sample on standard input, for "-" and for no input named; colour on a terminal
        return Run.with(new ByteArrayInputStream(Fixtures.sample()), Map.of(),
                terminal ? Terminals.ALL : Terminals.NONE, new AtomicLong()::get, fastPath, args);
    }

    private static CliEnvironment environment(boolean terminal) {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        return new CliEnvironment(nowhere, nowhere, new ByteArrayInputStream(new byte[0]), Map.of(), terminal,
                new AtomicLong()::get);
    }

    /**
     * Every option and parameter of a diagnose command, by field name (those of a mixin after its own name
     * and a dot): an option added later is compared too.
     */
    private static Map<String, Object> options(DiagnoseCommand command) throws ReflectiveOperationException {
        Map<String, Object> options = new LinkedHashMap<>();
        options(command, "", options);
        assertThat(options).containsKeys("format", "strict", "group", "minSeverity", "failOn", "input.sample",
                "input.paths");
        return options;
    }

    private static void options(Object o, String prefix, Map<String, Object> options)
            throws ReflectiveOperationException {
        for (Field f : o.getClass().getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                f.setAccessible(true);
                options(f.get(o), prefix + f.getName() + ".", options);
            } else if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                Object value = f.get(o);
                options.put(prefix + f.getName(), value instanceof List<?> list ? new ArrayList<>(list) : value);
            }
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static String[] args(String... args) {
        return args;
    }
}
