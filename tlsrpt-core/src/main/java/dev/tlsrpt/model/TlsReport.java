package dev.tlsrpt.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SMTP TLS report: the whole JSON document of RFC 8460 section 4.4.
 *
 * @param organizationName {@code "organization-name"}: who produced the report
 * @param dateRange {@code "date-range"}: the period the report covers
 * @param contactInfo {@code "contact-info"}: an address to contact the reporter, absent when the sender
 *     left it out or sent {@code null}
 * @param reportId {@code "report-id"}: the reporter's unique identifier of the report, absent when the sender
 *     left it out (lenient reading only; writing a report requires one)
 * @param policies {@code "policies"}: one entry per applied policy, in document order
 * @since 0.1.0
 */
public record TlsReport(
        String organizationName,
        DateRange dateRange,
        @Nullable String contactInfo,
        @Nullable String reportId,
        List<PolicyResult> policies) {

    /**
     * Checks the components and copies the list.
     *
     * @param organizationName see {@link #organizationName()}
     * @param dateRange see {@link #dateRange()}
     * @param contactInfo see {@link #contactInfo()}
     * @param reportId see {@link #reportId()}
     * @param policies see {@link #policies()}
     */
    public TlsReport {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(dateRange, "dateRange");
        policies = List.copyOf(Objects.requireNonNull(policies, "policies"));
    }

    /**
     * The report's header members, without the policies.
     *
     * @return organization, date range, contact and report-id of this report
     */
    public ReportHeader header() {
        return new ReportHeader(organizationName, dateRange, contactInfo, reportId);
    }

    /**
     * Sum of {@code total-successful-session-count} over all policies, saturating at {@link Long#MAX_VALUE}
     * instead of overflowing.
     *
     * @return the number of sessions that negotiated TLS as the policies required
     */
    public long totalSuccessfulSessions() {
        long sum = 0;
        for (PolicyResult p : policies) {
            sum = Summary.saturatedSum(sum, p.summary().totalSuccessfulSessionCount());
        }
        return sum;
    }

    /**
     * Sum of {@code total-failure-session-count} over all policies, saturating at {@link Long#MAX_VALUE}
     * instead of overflowing.
     *
     * @return the number of sessions that failed to negotiate TLS as the policies required
     */
    public long totalFailureSessions() {
        long sum = 0;
        for (PolicyResult p : policies) {
            sum = Summary.saturatedSum(sum, p.summary().totalFailureSessionCount());
        }
        return sum;
    }
}
