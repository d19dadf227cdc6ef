package dev.tlsrpt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tlsrpt} command: holds the options every subcommand shares and the environment they run in.
 * Run without a subcommand it is a usage error.
 */
@Command(name = "tlsrpt",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Read, check and diagnose SMTP TLS Reporting (RFC 8460) reports and TLSRPT records.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all inputs read, nothing worth a warning",
            "1:a finding of WARNING or worse, a schema violation or a record problem",
            "2:usage error",
            "3:an input could not be read (the others were still processed)",
        },
        footer = {"", "Colour is used only on a terminal; --no-color or the NO_COLOR variable turn it off."})
final class TlsRptCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    /** The option that turns colour off, which every subcommand inherits. */
    static final String NO_COLOR = "--no-color";

    @Option(names = NO_COLOR, scope = ScopeType.INHERIT,
            description = "No ANSI colours, even on a terminal (also when NO_COLOR is set).")
    private boolean noColor;

    TlsRptCommand(CliEnvironment environment) {
        this.environment = environment;
        this.spec = CommandSpec.create();
    }

    CliEnvironment environment() {
        return environment;
    }

    /**
     * The colours for standard output.
     *
     * @return colour on a terminal unless switched off, else plain text
     */
    Style style() {
        return Style.choose(environment, noColor);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: diagnose, validate, record or summary");
    }
}
