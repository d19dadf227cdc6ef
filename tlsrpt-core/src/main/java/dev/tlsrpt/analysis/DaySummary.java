package dev.tlsrpt.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC day of a policy domain: what the reports whose {@code start-datetime} falls on that day say about
 * the domain's sessions.
 *
 * @param date the UTC day of the reports' {@code start-datetime}
 * @param reports the reports of that day with a policy for the domain
 * @param successfulSessions their {@code total-successful-session-count}, summed (saturating at
 *     {@link Long#MAX_VALUE})
 * @param failedSessions their {@code total-failure-session-count}, summed (saturating)
 * @since 0.1.0
 */
public record DaySummary(LocalDate date, long reports, long successfulSessions, long failedSessions) {

    /**
     * Checks the components.
     *
     * @param date see {@link #date()}
     * @param reports see {@link #reports()}
     * @param successfulSessions see {@link #successfulSessions()}
     * @param failedSessions see {@link #failedSessions()}
     */
    public DaySummary {
        Objects.requireNonNull(date, "date");
        Sums.checkCounts(reports, successfulSessions, failedSessions);
    }

    /**
     * The failed sessions as a share of all sessions of the day, 0 when there were none.
     *
     * @return a value from 0 to 1
     */
    public double failureShare() {
        return Sums.share(successfulSessions, failedSessions);
    }
}
