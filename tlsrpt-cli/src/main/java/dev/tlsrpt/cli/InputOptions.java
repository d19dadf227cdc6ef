package dev.tlsrpt.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The inputs every command that reads reports takes, as a picocli mixin: files, directories, {@code -} for
 * standard input and {@code --sample} for the bundled sample report. The sample is read only when asked for:
 * an empty argument list (as {@code find ... | xargs tlsrpt diagnose} gives when {@code find} finds nothing)
 * reads standard input when it is not a terminal, and is a usage error when it is one.
 */
final class InputOptions {

    /** The lines of {@code --help} that list the inputs. */
    static final String HELP_INPUTS = "Inputs: report files (JSON or gzip, told apart by the content), e-mail messages"
            + " (.eml) and mbox files holding reports, directories (walked for such files; hidden ones skipped),"
            + " - for standard input, --sample for the bundled sample report.";
    /** The line of {@code --help} that says what no input means. */
    static final String HELP_NO_INPUT = "With no input named: standard input when it is not a terminal (when it is"
            + " empty, there is nothing to do), else a usage error.";
    /** The usage error when no input is named and standard input is a terminal. */
    static final String NO_INPUT = "No input: name report files or directories, - for standard input, or --sample"
            + " for the bundled sample report";

    // set by picocli; null when FastPath read the command line, which leaves noInput to picocli
    @Spec(Spec.Target.MIXEE)
    private @Nullable CommandSpec spec;

    /** The option that reads the bundled sample. */
    static final String SAMPLE = "--sample";

    @Option(names = SAMPLE, description = "Read the bundled sample report (an expired certificate under an"
            + " MTA-STS policy in enforce mode: a WARNING finding), before the inputs named, if any.")
    private boolean sample;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR|-", description = "Report files (.json, .json.gz),"
            + " e-mail messages (.eml) and mbox files holding reports, directories of them, or - for standard input.")
    private List<String> paths = new ArrayList<>();

    /** The options picocli fills in. */
    InputOptions() {
    }

    /**
     * The options {@link FastPath} read.
     *
     * @param sample {@code --sample}
     * @param paths the inputs named
     */
    InputOptions(boolean sample, List<String> paths) {
        this.sample = sample;
        this.paths = paths;
    }

    /**
     * The inputs, in command-line order after the sample. With none named and no {@code --sample}: standard
     * input when it is not a terminal, or no input at all when it is empty; a usage error when it is a
     * terminal.
     *
     * @param env the environment
     * @return the inputs
     * @throws ParameterException when no input is named and standard input is a terminal
     */
    List<Input> inputs(CliEnvironment env) {
        List<Input> inputs = new ArrayList<>();
        if (sample) {
            inputs.add(Inputs.sample());
        }
        if (!paths.isEmpty() || sample) {
            inputs.addAll(Inputs.expand(paths, env.in()));
            return inputs;
        }
        if (noInput(env)) {
            throw new ParameterException(Objects.requireNonNull(spec, "spec").commandLine(), NO_INPUT);
        }
        BufferedInputStream stdin = new BufferedInputStream(env.in(), 16 * 1024);
        try {
            stdin.mark(1);
            if (stdin.read() < 0) {
                return List.of(); // nothing piped in: nothing to do
            }
            stdin.reset();
        } catch (IOException e) {
            // reading it again fails the same way, and is reported against (stdin)
            return List.of(new Input(Inputs.STDIN_NAME, () -> {
                throw e;
            }));
        }
        return List.of(Inputs.stdin(stdin));
    }

    /**
     * Whether {@link #inputs} is the usage error {@link #NO_INPUT}: nothing named and standard input a terminal.
     *
     * @param env the environment
     * @return true when it is
     */
    boolean noInput(CliEnvironment env) {
        return !named() && env.terminals().stdin();
    }

    /**
     * Whether inputs were named on the command line (or {@code --sample} given), rather than standard input
     * read because none was.
     *
     * @return true when something was named
     */
    boolean named() {
        return sample || !paths.isEmpty();
    }
}
