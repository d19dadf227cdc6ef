package dev.tlsrpt.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One reporter (an {@code organization-name}) over the period.
 *
 * @param organizationName the {@code organization-name}, as sent
 * @param reports its reports in the period, duplicates not counted
 * @param firstReport the UTC day of its earliest report's {@code start-datetime}
 * @param lastReport the UTC day of its latest report's {@code start-datetime}
 * @param silent whether it has sent nothing for two or more days at the end of the period (its last report
 *     at least two days before the period's end) while another reporter reported after its last report:
 *     perhaps it stopped sending, or its reports no longer arrive
 * @since 0.1.0
 */
public record ReporterSummary(String organizationName, long reports, LocalDate firstReport, LocalDate lastReport,
        boolean silent) {

    /**
     * Checks the components.
     *
     * @param organizationName see {@link #organizationName()}
     * @param reports see {@link #reports()}
     * @param firstReport see {@link #firstReport()}
     * @param lastReport see {@link #lastReport()}
     * @param silent see {@link #silent()}
     */
    public ReporterSummary {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(firstReport, "firstReport");
        Objects.requireNonNull(lastReport, "lastReport");
        Sums.checkCounts(reports, 0, 0);
        if (firstReport.isAfter(lastReport)) {
            throw new IllegalArgumentException("firstReport is after lastReport");
        }
    }
}
