package dev.tlsrpt.analysis;

import org.jspecify.annotations.Nullable;

/**
 * The counts of a policy domain under one reporter, one MX host or one result type, over the reports of the
 * period. Reports count successful sessions per policy only, so for an MX host or a result type
 * {@link #successfulSessions()} is 0 and {@link #failedSessions()} sums the failure details that name it.
 *
 * @param name the reporter's {@code organization-name}, the MX host (lower case, without a trailing dot;
 *     null for failures that name none) or the {@code result-type} as sent
 * @param reports the reports that name it: for a reporter its reports with a policy for the domain, for an
 *     MX host or result type the reports with a failure under it
 * @param successfulSessions {@code total-successful-session-count} summed over the reporter's reports; 0
 *     for an MX host or a result type
 * @param failedSessions {@code total-failure-session-count} summed over the reporter's reports, or the
 *     {@code failed-session-count} of the failure details naming the MX host or result type (sums saturate at
 *     {@link Long#MAX_VALUE})
 * @since 0.1.0
 */
public record Tally(@Nullable String name, long reports, long successfulSessions, long failedSessions) {

    /**
     * Checks the components.
     *
     * @param name see {@link #name()}
     * @param reports see {@link #reports()}
     * @param successfulSessions see {@link #successfulSessions()}
     * @param failedSessions see {@link #failedSessions()}
     */
    public Tally {
        Sums.checkCounts(reports, successfulSessions, failedSessions);
    }
}
