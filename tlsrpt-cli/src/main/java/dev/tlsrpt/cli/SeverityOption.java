package dev.tlsrpt.cli;

import dev.tlsrpt.diagnose.Severity;

/**
 * A {@link Severity} on the command line ({@code --min-severity}): its name in any case, completed and listed
 * in lower case, most severe first.
 */
final class SeverityOption {
    private SeverityOption() {
    }

    /** A severity read in any case, listed in lower case for shell completion and {@code --help}, most severe first. */
    static final class Values extends LowerCaseEnum<Severity> {
        Values() {
            super(Severity.class);
        }
    }

    /**
     * Whether a severity is at or above a threshold: as severe as it, or more.
     *
     * @param severity the severity
     * @param threshold the threshold
     * @return true when {@code severity} is not less severe than {@code threshold}
     */
    static boolean atOrAbove(Severity severity, Severity threshold) {
        return severity.compareTo(threshold) <= 0;
    }
}
