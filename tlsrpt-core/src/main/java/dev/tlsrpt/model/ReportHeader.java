package dev.tlsrpt.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The members of a report other than {@code "policies"}: what a streaming reader delivers before (or,
 * when the sender wrote them last, after) the policies.
 *
 * @param organizationName {@code "organization-name"}
 * @param dateRange {@code "date-range"}
 * @param contactInfo {@code "contact-info"}, absent when the sender left it out or sent {@code null}
 * @param reportId {@code "report-id"}, absent when the sender left it out (lenient reading only; writing a
 *     report requires one)
 * @since 0.1.0
 */
public record ReportHeader(
        String organizationName,
        DateRange dateRange,
        @Nullable String contactInfo,
        @Nullable String reportId) {

    /**
     * Checks the components.
     *
     * @param organizationName see {@link #organizationName()}
     * @param dateRange see {@link #dateRange()}
     * @param contactInfo see {@link #contactInfo()}
     * @param reportId see {@link #reportId()}
     */
    public ReportHeader {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(dateRange, "dateRange");
    }
}
