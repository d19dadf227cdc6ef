package dev.tlsrpt.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records a user would write to read a report with Jackson databind and no tlsrpt-java: the comparison
 * baseline. Nothing is checked beyond what databind checks (types).
 */
public final class PlainRecords {

    private PlainRecords() {
    }

    /**
     * The report.
     *
     * @param organizationName organization-name
     * @param dateRange date-range
     * @param contactInfo contact-info
     * @param reportId report-id
     * @param policies policies
     */
    public record Report(@JsonProperty("organization-name") String organizationName,
            @JsonProperty("date-range") DateRange dateRange,
            @JsonProperty("contact-info") @Nullable String contactInfo,
            @JsonProperty("report-id") String reportId,
            @JsonProperty("policies") List<PolicyEntry> policies) {
    }

    /**
     * date-range.
     *
     * @param start start-datetime
     * @param end end-datetime
     */
    public record DateRange(@JsonProperty("start-datetime") Instant start,
            @JsonProperty("end-datetime") Instant end) {
    }

    /**
     * One policies entry.
     *
     * @param policy policy
     * @param summary summary
     * @param failureDetails failure-details
     */
    public record PolicyEntry(@JsonProperty("policy") Policy policy, @JsonProperty("summary") Summary summary,
            @JsonProperty("failure-details") @Nullable List<FailureDetail> failureDetails) {
    }

    /**
     * policy.
     *
     * @param policyType policy-type
     * @param policyString policy-string
     * @param policyDomain policy-domain
     * @param mxHost mx-host
     */
    public record Policy(@JsonProperty("policy-type") String policyType,
            @JsonProperty("policy-string") @Nullable List<String> policyString,
            @JsonProperty("policy-domain") @Nullable String policyDomain,
            @JsonProperty("mx-host") @Nullable List<String> mxHost) {
    }

    /**
     * summary.
     *
     * @param totalSuccessfulSessionCount total-successful-session-count
     * @param totalFailureSessionCount total-failure-session-count
     */
    public record Summary(@JsonProperty("total-successful-session-count") long totalSuccessfulSessionCount,
            @JsonProperty("total-failure-session-count") long totalFailureSessionCount) {
    }

    /**
     * One failure-details entry.
     *
     * @param resultType result-type
     * @param sendingMtaIp sending-mta-ip
     * @param receivingMxHostname receiving-mx-hostname
     * @param receivingMxHelo receiving-mx-helo
     * @param receivingIp receiving-ip
     * @param failedSessionCount failed-session-count
     * @param additionalInformation additional-information
     * @param failureReasonCode failure-reason-code
     */
    public record FailureDetail(@JsonProperty("result-type") String resultType,
            @JsonProperty("sending-mta-ip") @Nullable String sendingMtaIp,
            @JsonProperty("receiving-mx-hostname") @Nullable String receivingMxHostname,
            @JsonProperty("receiving-mx-helo") @Nullable String receivingMxHelo,
            @JsonProperty("receiving-ip") @Nullable String receivingIp,
            @JsonProperty("failed-session-count") long failedSessionCount,
            @JsonProperty("additional-information") @Nullable String additionalInformation,
            @JsonProperty("failure-reason-code") @Nullable String failureReasonCode) {
    }
}
