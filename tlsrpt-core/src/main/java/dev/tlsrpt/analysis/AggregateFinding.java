package dev.tlsrpt.analysis;

import dev.tlsrpt.diagnose.Finding;
import dev.tlsrpt.diagnose.FindingKind;
import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.model.ResultType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem followed across reports: the {@link FindingKind#FAILURE} findings of the reports' diagnoses
 * that share policy domain, result type and MX host, merged over reports and reporters.
 *
 * @param policyDomain the {@code policy-domain} in lower case without a trailing dot, null when the policies
 *     name none
 * @param severity the highest {@link Finding#severity()} among the occurrences
 * @param resultTypeName the {@code result-type} exactly as sent
 * @param mxHost the MX host of the findings ({@link Finding#mxHost()}) in lower case without a trailing
 *     dot, null when the reports name none
 * @param failedSessions the {@code failed-session-count} of the failure details, summed over the reports
 *     (saturating at {@link Long#MAX_VALUE})
 * @param reports the reports in which the problem shows
 * @param reporters the {@code organization-name}s of the reporters that report it, sorted
 * @param firstSeen the UTC day of the earliest report that shows it
 * @param lastSeen the UTC day of the latest report that shows it
 * @param status {@link FindingStatus#RESOLVED} when every reporter in {@link #reporters()} has, on a later day
 *     than its last report of the problem, sent a report for the domain (which therefore did not show it);
 *     else {@link FindingStatus#ONGOING}
 * @param singleReporter whether exactly one reporter reports the problem while other reporters sent reports
 *     for the domain in the period: the fault may lie with that sender rather than with the domain
 * @param title the title of the most severe occurrence, the latest of those (ties: the smallest title, then
 *     the smallest action), so that it does not depend on the order the reports came in
 * @param action the action of that same occurrence
 * @since 0.1.0
 */
public record AggregateFinding(
        @Nullable String policyDomain,
        Severity severity,
        String resultTypeName,
        @Nullable String mxHost,
        long failedSessions,
        long reports,
        List<String> reporters,
        LocalDate firstSeen,
        LocalDate lastSeen,
        FindingStatus status,
        boolean singleReporter,
        String title,
        String action) {

    /**
     * Checks the components and copies the list.
     *
     * @param policyDomain see {@link #policyDomain()}
     * @param severity see {@link #severity()}
     * @param resultTypeName see {@link #resultTypeName()}
     * @param mxHost see {@link #mxHost()}
     * @param failedSessions see {@link #failedSessions()}
     * @param reports see {@link #reports()}
     * @param reporters see {@link #reporters()}
     * @param firstSeen see {@link #firstSeen()}
     * @param lastSeen see {@link #lastSeen()}
     * @param status see {@link #status()}
     * @param singleReporter see {@link #singleReporter()}
     * @param title see {@link #title()}
     * @param action see {@link #action()}
     */
    public AggregateFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resultTypeName, "resultTypeName");
        reporters = List.copyOf(Objects.requireNonNull(reporters, "reporters"));
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(action, "action");
        Sums.checkCounts(reports, failedSessions, 0);
        if (firstSeen.isAfter(lastSeen)) {
            throw new IllegalArgumentException("firstSeen is after lastSeen");
        }
    }

    /**
     * The result type, looked up by {@link #resultTypeName()}.
     *
     * @return the type, {@link ResultType#UNKNOWN} for one RFC 8460 does not define
     */
    public ResultType resultType() {
        return ResultType.fromWireName(resultTypeName);
    }

    /**
     * A sentence for {@link #singleReporter()} findings, saying who alone reports the problem.
     *
     * @return the note, or null when the finding is not single-reporter
     */
    public @Nullable String note() {
        if (!singleReporter || reporters.isEmpty()) {
            return null;
        }
        return "Only " + reporters.get(0) + " reports this problem while other reporters of the domain do not:"
                + " the fault may lie with that sender.";
    }
}
