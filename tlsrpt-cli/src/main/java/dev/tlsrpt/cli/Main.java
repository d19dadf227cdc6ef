package dev.tlsrpt.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of {@code java -jar tlsrpt.jar}: builds the {@code tlsrpt} command line and exits with
 * its code.
 *
 * @since 0.1.0
 */
public final class Main {

    /** The subcommands built alone when the command line begins with their name (see {@link #commandLine}). */
    static final List<String> LAZY_SUBCOMMANDS = List.of("diagnose", "validate", "record", "summary");

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
        return run(environment, true, args);
    }

    /**
     * Runs {@code tlsrpt} in the given environment, with or without {@link FastPath}.
     *
     * @param environment streams, environment variables and terminal
     * @param fastPath whether {@link FastPath} may read the command line; false leaves it all to picocli
     * @param args the command line
     * @return the exit code
     */
    static int run(CliEnvironment environment, boolean fastPath, String... args) {
        Integer fast = fastPath ? FastPath.run(environment, args) : null;
        int code = fast != null ? fast : commandLine(environment, args).execute(args);
        return outputWritten(environment, code);
    }

    /**
     * Ends a command that threw: says so on standard error with the stack trace, for a bug report.
     *
     * @param err standard error
     * @param e what the command threw
     * @return {@link ExitCodes#INTERNAL}
     */
    static int internalError(PrintWriter err, Exception e) {
        err.println("tlsrpt: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
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
     * The {@code tlsrpt} command line with its subcommands, writing to the environment's streams. When the
     * command line begins with a subcommand's name, only that subcommand is added: picocli reads the
     * annotations of every command it is given, on every run, and the others cannot run then (a
     * subcommand's arguments never name a sibling). {@code generate-completion} and anything else get all.
     *
     * @param environment streams, environment variables and terminal
     * @param args the command line, looked at to choose the subcommands and to decide on colour in help and
     *     error messages
     * @return the command line, ready to execute
     */
    static CommandLine commandLine(CliEnvironment environment, String... args) {
        CommandLine cmd = new CommandLine(new TlsRptCommand(environment));
        String first = args.length > 0 ? args[0] : "";
        boolean all = !LAZY_SUBCOMMANDS.contains(first);
        if (all || first.equals("diagnose")) {
            cmd.addSubcommand(new DiagnoseCommand());
        }
        if (all || first.equals("validate")) {
            cmd.addSubcommand(new ValidateCommand());
        }
        if (all || first.equals("record")) {
            cmd.addSubcommand(new RecordCommand());
        }
        if (all || first.equals("summary")) {
            cmd.addSubcommand(new SummaryCommand());
        }
        if (all) {
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().usageMessage().hidden(false);
            cmd.addSubcommand("generate-completion", completion);
        }
        listOutputFailure(cmd);

        boolean noColor = Arrays.asList(args).contains("--no-color");
        Help.Ansi ansi = Style.choose(environment, noColor).enabled() ? Help.Ansi.ON : Help.Ansi.OFF;
        cmd.setColorScheme(Help.defaultColorScheme(ansi));
        cmd.setOut(environment.out());
        cmd.setErr(environment.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(new CommandLine.RunLast());
        cmd.setExecutionExceptionHandler((Exception e, CommandLine c, ParseResult p) -> internalError(c.getErr(), e));
        return cmd;
    }
}
