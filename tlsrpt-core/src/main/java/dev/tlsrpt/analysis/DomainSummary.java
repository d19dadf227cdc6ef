package dev.tlsrpt.analysis;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One policy domain over the period: its totals, its series per UTC day, its counts per reporter, MX host
 * and result type, and the problems seen across its reports.
 *
 * @param policyDomain the {@code policy-domain} in lower case without a trailing dot (reports that differ only
 *     in case count together), null for policies that name none
 * @param reports the reports with a policy for the domain
 * @param successfulSessions {@code total-successful-session-count} summed over those policies (saturating at
 *     {@link Long#MAX_VALUE})
 * @param failedSessions {@code total-failure-session-count} summed over those policies (saturating)
 * @param days one entry per UTC day that has reports for the domain, oldest first (days without reports are
 *     left out, not shown as zero)
 * @param reporters the counts per reporter, sorted by {@code organization-name}
 * @param mxHosts the failed sessions per MX host of the failure details, sorted by host (null first)
 * @param resultTypes the failed sessions per result type of the failure details, sorted by name
 * @param findings the problems, most severe first, then ongoing before resolved, then most failed sessions
 *     first, then by result type and MX host
 * @since 0.1.0
 */
public record DomainSummary(
        @Nullable String policyDomain,
        long reports,
        long successfulSessions,
        long failedSessions,
        List<DaySummary> days,
        List<Tally> reporters,
        List<Tally> mxHosts,
        List<Tally> resultTypes,
        List<AggregateFinding> findings) {

    /**
     * Checks the components and copies the lists.
     *
     * @param policyDomain see {@link #policyDomain()}
     * @param reports see {@link #reports()}
     * @param successfulSessions see {@link #successfulSessions()}
     * @param failedSessions see {@link #failedSessions()}
     * @param days see {@link #days()}
     * @param reporters see {@link #reporters()}
     * @param mxHosts see {@link #mxHosts()}
     * @param resultTypes see {@link #resultTypes()}
     * @param findings see {@link #findings()}
     */
    public DomainSummary {
        Sums.checkCounts(reports, successfulSessions, failedSessions);
        days = List.copyOf(Objects.requireNonNull(days, "days"));
        reporters = List.copyOf(Objects.requireNonNull(reporters, "reporters"));
        mxHosts = List.copyOf(Objects.requireNonNull(mxHosts, "mxHosts"));
        resultTypes = List.copyOf(Objects.requireNonNull(resultTypes, "resultTypes"));
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }

    /**
     * The failed sessions as a share of all the domain's sessions, 0 when there were none.
     *
     * @return a value from 0 to 1
     */
    public double failureShare() {
        return Sums.share(successfulSessions, failedSessions);
    }
}
