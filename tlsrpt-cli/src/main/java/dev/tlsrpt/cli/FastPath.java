package dev.tlsrpt.cli;

import dev.tlsrpt.diagnose.Severity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code tlsrpt diagnose} read and run without picocli, for a fast start. Picocli builds its model of the
 * command line by reflection on every run, and its classes (Java 5 class files) are left out of class-data
 * archives and AOT caches, so that it cost more than reading and diagnosing a report of 10 KB. This class reads
 * the command lines {@code diagnose} is usually given, and only those:
 * <ul>
 *   <li>{@code diagnose} first;</li>
 *   <li>the options {@code --strict}, {@code -g}/{@code --group}, {@code --sample} and {@code --no-color},
 *       each at most once;</li>
 *   <li>{@code -f}/{@code --format}, {@code --min-severity} and {@code --fail-on}, each at most once, with
 *       its value as the next argument or after {@code =} ({@code --format=json}), a value the option
 *       accepts that does not begin with {@code -} or {@code @};</li>
 *   <li>inputs that do not begin with {@code -} (but {@code -} itself) or {@code @}.</li>
 * </ul>
 * Anything else, such as help, version, an unknown or repeated option, a value the option refuses, an
 * argument file ({@code @file}), {@code --}, or no input with standard input a terminal, is left to picocli,
 * which then reads the whole command line as it always did: usage errors and help come from picocli alone.
 * The options come out as picocli's would (the same converters, the same defaults), and an exception from
 * the command ends as picocli's execution handler ends it ({@link Main#internalError}); FastPathTest checks
 * both readings against each other.
 */
final class FastPath {
    /** The subcommand read here. */
    static final String DIAGNOSE = "diagnose";

    private FastPath() {
    }

    /**
     * Runs {@code tlsrpt diagnose} when the command line is one this class reads.
     *
     * @param env the environment
     * @param args the command line
     * @return the exit code, or null when picocli must read the command line
     */
    static @Nullable Integer run(CliEnvironment env, String... args) {
        Parsed parsed = parse(args);
        if (parsed == null || parsed.input.noInput(env)) {
            return null; // the usage error of no input comes from picocli, with the usage
        }
        DiagnoseCommand command = parsed.command();
        try {
            return command.run(env, Style.choose(env, parsed.noColor));
        } catch (RuntimeException e) {
            return Main.internalError(env.err(), e);
        }
    }

    /** A command line read: the options and inputs of {@code diagnose}. */
    static final class Parsed {
        DiagnoseCommand.Format format = DiagnoseCommand.Format.TEXT;
        boolean strict;
        boolean group;
        @Nullable Severity minSeverity;
        FailOn failOn = FailOn.WARNING;
        boolean noColor;
        InputOptions input = new InputOptions(false, List.of());

        DiagnoseCommand command() {
            return new DiagnoseCommand(format, strict, group, minSeverity, failOn, input);
        }
    }

    /**
     * Reads a command line.
     *
     * @param args the command line
     * @return what it says, or null when it is not one this class reads
     */
    static @Nullable Parsed parse(String... args) {
        if (args.length == 0 || !args[0].equals(DIAGNOSE)) {
            return null;
        }
        Parsed p = new Parsed();
        boolean sample = false;
        List<String> paths = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return null; // an argument file
            }
            if (arg.equals("-") || !arg.startsWith("-")) {
                paths.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            String option = canonical(name);
            if (option == null || seen.contains(option)) {
                return null; // unknown, repeated, or -fjson and the like: picocli's
            }
            seen.add(option);
            boolean takesValue = option.equals(DiagnoseCommand.FORMAT) || option.equals(DiagnoseCommand.MIN_SEVERITY)
                    || option.equals(DiagnoseCommand.FAIL_ON);
            if (!takesValue) {
                if (value != null) {
                    return null; // --strict=true
                }
                switch (option) {
                    case DiagnoseCommand.STRICT -> p.strict = true;
                    case DiagnoseCommand.GROUP -> p.group = true;
                    case InputOptions.SAMPLE -> sample = true;
                    default -> p.noColor = true;
                }
                continue;
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    return null; // its value is missing
                }
                value = args[++i];
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return null;
            }
            switch (option) {
                case DiagnoseCommand.FORMAT -> {
                    DiagnoseCommand.Format f = LowerCaseEnum.of(DiagnoseCommand.Format.class, value);
                    if (f == null) {
                        return null;
                    }
                    p.format = f;
                }
                case DiagnoseCommand.MIN_SEVERITY -> {
                    Severity s = LowerCaseEnum.of(Severity.class, value);
                    if (s == null) {
                        return null;
                    }
                    p.minSeverity = s;
                }
                default -> {
                    FailOn f = LowerCaseEnum.of(FailOn.class, value);
                    if (f == null) {
                        return null;
                    }
                    p.failOn = f;
                }
            }
        }
        p.input = new InputOptions(sample, paths);
        return p;
    }

    /** The long name of an option of {@code diagnose} given by its long or short name, or null. */
    private static @Nullable String canonical(String name) {
        return switch (name) {
            case DiagnoseCommand.FORMAT, DiagnoseCommand.FORMAT_SHORT -> DiagnoseCommand.FORMAT;
            case DiagnoseCommand.GROUP, DiagnoseCommand.GROUP_SHORT -> DiagnoseCommand.GROUP;
            case DiagnoseCommand.STRICT, DiagnoseCommand.MIN_SEVERITY, DiagnoseCommand.FAIL_ON, InputOptions.SAMPLE,
                    TlsRptCommand.NO_COLOR -> name;
            default -> null;
        };
    }
}
