package dev.tlsrpt.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of {@code java -jar tlsrpt.jar}: builds the {@code tlsrpt} command line and exits with
 * its code.
 *
 * @since 0.1.0
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs {@code tlsrpt} and exits with its exit code.
     *
     * @param args the command line, for example {@code diagnose report.json.gz}
     */
    public static void main(String[] args) {
        // the schema validator logs through SLF4J, which the jar has no provider for: keep its notice off stderr
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(CliEnvironment.system(), args));
    }

    /**
     * Runs {@code tlsrpt} in the given environment.
     *
     * @param environment streams, environment variables and terminal
     * @param args the command line
     * @return the exit code
     */
    static int run(CliEnvironment environment, String... args) {
        int code = commandLine(environment, args).execute(args);
        return outputWritten(environment, code);
    }

    /**
     * The exit code once standard output is flushed: {@link ExitCodes#OUTPUT_FAILED}, said on standard error,
     * when any write to it failed during the command (a {@link java.io.PrintWriter} keeps the failure, and
     * that of the {@link java.io.PrintStream} under it, for {@code checkError}); else the command's code.
     * One place for every command, so that none exits 0 with its output lost.
     */
    private static int outputWritten(CliEnvironment environment, int code) {
        if (!environment.out().checkError()) { // flushes first
            return code;
        }
        environment.err().println("tlsrpt: standard output could not be written: the output is incomplete");
        environment.err().flush();
        return ExitCodes.OUTPUT_FAILED;
    }

    /** Ends every command's list of exit codes with {@link ExitCodes#OUTPUT_FAILED}, which {@link #run} decides. */
    private static void listOutputFailure(CommandLine cmd) {
        var usage = cmd.getCommandSpec().usageMessage();
        if (!usage.exitCodeList().isEmpty()) {
            Map<String, String> codes = new LinkedHashMap<>(usage.exitCodeList());
            codes.put(ExitCodes.OUTPUT_FAILED + "", ExitCodes.OUTPUT_FAILED_HELP);
            usage.exitCodeList(codes);
        }
        cmd.getSubcommands().values().forEach(Main::listOutputFailure);
    }

    /**
     * The {@code tlsrpt} command line with its subcommands, writing to the environment's streams.
     *
     * @param environment streams, environment variables and terminal
     * @param args the command line, looked at only to decide on colour in help and error messages
     * @return the command line, ready to execute
     */
    static CommandLine commandLine(CliEnvironment environment, String... args) {
        CommandLine cmd = new CommandLine(new TlsRptCommand(environment));
        cmd.addSubcommand(new DiagnoseCommand());
        cmd.addSubcommand(new ValidateCommand());
        cmd.addSubcommand(new RecordCommand());
        cmd.addSubcommand(new SummaryCommand());
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(false);
        cmd.addSubcommand("generate-completion", completion);
        listOutputFailure(cmd);

        boolean noColor = Arrays.asList(args).contains("--no-color");
        Help.Ansi ansi = Style.choose(environment, noColor).enabled() ? Help.Ansi.ON : Help.Ansi.OFF;
        cmd.setColorScheme(Help.defaultColorScheme(ansi));
        cmd.setOut(environment.out());
        cmd.setErr(environment.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        IExecutionStrategy run = new CommandLine.RunLast();
        cmd.setExecutionStrategy(run);
        cmd.setExecutionExceptionHandler((Exception e, CommandLine c, ParseResult p) -> {
            c.getErr().println("tlsrpt: internal error: " + e);
            e.printStackTrace(c.getErr());
            c.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        return cmd;
    }
}
