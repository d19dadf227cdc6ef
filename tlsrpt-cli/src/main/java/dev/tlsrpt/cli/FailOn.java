package dev.tlsrpt.cli;

import dev.tlsrpt.analysis.AggregateFinding;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.DomainSummary;
import dev.tlsrpt.analysis.FindingStatus;
import dev.tlsrpt.diagnose.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The {@code --fail-on} threshold: the exit code is 1 when a finding is at or above it ({@code critical},
 * {@code warning}, the default, or {@code info}); {@code never} leaves findings out of the exit code.
 */
enum FailOn {
    /** Exit 1 on a CRITICAL finding. */
    CRITICAL(Severity.CRITICAL),
    /** Exit 1 on a WARNING or CRITICAL finding: the default. */
    WARNING(Severity.WARNING),
    /** Exit 1 on an INFO, WARNING or CRITICAL finding. */
    INFO(Severity.INFO),
    /** Findings never make the exit code 1. */
    NEVER(null);

    /** The default, as text for picocli's {@code defaultValue}. */
    static final String DEFAULT = "warning";

    private final @Nullable Severity threshold;

    FailOn(@Nullable Severity threshold) {
        this.threshold = threshold;
    }

    /**
     * Whether a finding of this severity makes the exit code 1.
     *
     * @param severity the finding's severity
     * @return true when it is at or above the threshold
     */
    boolean fails(Severity severity) {
        return threshold != null && SeverityOption.atOrAbove(severity, threshold);
    }

    /**
     * Whether an ongoing finding of a summary makes the exit code 1.
     *
     * @param summary the summary
     * @return true when an ongoing finding is at or above the threshold
     */
    boolean failsOngoing(AggregateSummary summary) {
        for (DomainSummary d : summary.domains()) {
            for (AggregateFinding f : d.findings()) {
                if (f.status() == FindingStatus.ONGOING && fails(f.severity())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code --fail-on}: read in any case, listed in lower case for shell completion and {@code --help}. */
    static final class Values extends LowerCaseEnum<FailOn> {
        Values() {
            super(FailOn.class);
        }
    }
}
