package dev.tlsrpt.cli;

import dev.tlsrpt.diagnose.Severity;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;

/**
 * The {@code --fail-on} option: the least severity of a finding that makes a command exit with
 * {@link ExitCodes#FINDINGS}; {@link #NEVER} never does. Shared by the commands that report findings.
 */
enum FailOn {
    /** Exit 1 on a CRITICAL finding only. */
    CRITICAL(Severity.CRITICAL),
    /** Exit 1 on a WARNING or CRITICAL finding (the default). */
    WARNING(Severity.WARNING),
    /** Exit 1 on any finding: INFO, WARNING or CRITICAL. */
    INFO(Severity.INFO),
    /** Findings never change the exit code. */
    NEVER(null);

    /** The option's description, the same on every command. */
    static final String DESCRIPTION = "Exit with 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}).";

    private final @Nullable Severity least;

    FailOn(@Nullable Severity least) {
        this.least = least;
    }

    /**
     * Whether a finding of this severity makes the exit code 1.
     *
     * @param severity the finding's severity
     * @return true when it is at least as severe as the option asks; never for {@link Severity#OK}
     */
    boolean failsOn(Severity severity) {
        return least != null && severity != Severity.OK && !least.isWorseThan(severity);
    }

    /** The lower-case names for {@code --help} and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LowerCaseEnum.names(FailOn.class).iterator();
        }
    }

    /** Reads {@code --fail-on}, in any case. */
    static final class Converter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return LowerCaseEnum.convert(FailOn.class, value);
        }
    }
}
