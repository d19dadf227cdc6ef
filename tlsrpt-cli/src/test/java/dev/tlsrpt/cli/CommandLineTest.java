package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run run = Run.tlsrpt("--help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).startsWith("Usage: tlsrpt ")
                .contains("summary", "generate-completion", "--no-color", "3    an input could not be read",
                        "74   standard output could not be written (full disk, closed pipe)");
        assertThat(run.err).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "validate", "record", "summary", "generate-completion"})
    void everyCommandHasHelpAndVersion(String command) {
        Run help = Run.tlsrpt(command, "--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).startsWith("Usage: tlsrpt " + command);
        if (!command.equals("generate-completion")) {
            assertThat(help.out).containsPattern("\n  74 +standard output could not be written");
        }
        Run version = Run.tlsrpt(command, "--version");
        assertThat(version.exitCode).isZero();
        assertThat(version.out).isNotBlank();
    }

    @Test
    void versionNamesTheBuild() {
        Run run = Run.tlsrpt("--version");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).startsWith("tlsrpt " + VersionProvider.version() + " (tlsrpt-java, RFC 8460 SMTP TLS Reporting)\n"
                + "commit " + VersionProvider.commit() + ", built " + VersionProvider.built() + "\nJava ");
        assertThat(VersionProvider.version()).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
        // built in a git checkout, the build wrote the commit; from a source tarball (no .git), "unknown"
        boolean checkout = java.nio.file.Files.exists(java.nio.file.Path.of("..", ".git"));
        assertThat(VersionProvider.commit()).matches(checkout ? "[0-9a-f]{40}" : "unknown");
        assertThat(java.time.Instant.parse(VersionProvider.built())).isNotNull();
    }

    @Test
    void noSubcommandIsAUsageError() {
        Run run = Run.tlsrpt();
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("Missing subcommand").contains("Usage: tlsrpt");
        assertThat(run.out).isEmpty();
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrors() {
        Run option = Run.tlsrpt("summary", "--bogus", "x");
        assertThat(option.exitCode).isEqualTo(2);
        assertThat(option.err).contains("Unknown option: '--bogus'");
        Run command = Run.tlsrpt("frobnicate");
        assertThat(command.exitCode).isEqualTo(2);
        assertThat(command.err).contains("frobnicate");
    }

    @Test
    void summaryWithoutAnyInputOnATerminalIsAUsageError() {
        Run run = Run.withStdinOnTerminal("summary");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains(InputOptions.NO_INPUT);
    }

    @Test
    void completionScriptIsGeneratedForBash() {
        Run run = Run.tlsrpt("generate-completion");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("complete -F _complete_tlsrpt", "summary");
    }

    @Test
    void completionCompletesTheLaunchersNameAndEachOptionsOwnValues() {
        Run run = Run.tlsrpt("generate-completion");

        assertThat(run.out).contains("\ncomplete -F _complete_tlsrpt -o default tlsrpt ",
                "  local SEVERITY_option_args=(\"critical\" \"warning\" \"info\" \"ok\") # --min-severity values\n",
                "  local LEVEL_option_args=(\"critical\" \"warning\" \"info\" \"never\") # --fail-on values\n",
                "'--sample'", "  local FORMAT_option_args=(\"text\" \"json\") # --format values\n");
        // each option's list of values is defined once per command: none overrides another's
        for (String command : run.out.split("\nfunction ")) {
            List<String> names = command.lines().filter(l -> l.contains("_option_args=("))
                    .map(l -> l.substring(0, l.indexOf('='))).toList();
            assertThat(names).as(command.lines().findFirst().orElse("")).doesNotHaveDuplicates();
        }
    }

    @Test
    void helpIsColouredOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(Run.onTerminal(Map.of(), "--help").out).contains("\u001b[");
        assertThat(Run.onTerminal(Map.of(), "--no-color", "--help").out).doesNotContain("\u001b[");
        assertThat(Run.onTerminal(Map.of("NO_COLOR", "1"), "--help").out).doesNotContain("\u001b[");
        assertThat(Run.tlsrpt("--help").out).doesNotContain("\u001b[");
    }

    @Test
    void aCommandLineThatBeginsWithASubcommandBuildsThatOneAloneWithTheSameHelp() {
        CliEnvironment env = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), false, () -> 0);
        CommandLine all = Main.commandLine(env);
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(
                Stream.concat(Main.LAZY_SUBCOMMANDS.stream(), Stream.of("generate-completion")).toList());
        assertThat(Main.commandLine(env, "--no-color", "diagnose").getSubcommands()).hasSize(5);
        for (String name : Main.LAZY_SUBCOMMANDS) {
            assertThat(Main.commandLine(env, name, "--help").getSubcommands().keySet()).containsExactly(name);

            // its help and a usage error read the same as with every subcommand built
            for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--bogus"})) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine full = Main.commandLine(env);
                full.setOut(new PrintWriter(out));
                full.setErr(new PrintWriter(err));
                int code = full.execute(args);
                Run lazy = Run.tlsrpt(args);
                assertThat(lazy.exitCode).as(String.join(" ", args)).isEqualTo(code);
                assertThat(lazy.out).as(String.join(" ", args)).isEqualTo(out.toString());
                assertThat(lazy.err).as(String.join(" ", args)).isEqualTo(err.toString());
            }
        }
    }
}
