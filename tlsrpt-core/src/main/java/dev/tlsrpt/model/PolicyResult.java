package dev.tlsrpt.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the {@code "policies"} array: a policy, its session counts and its failures.
 *
 * @param policy {@code "policy"}
 * @param summary {@code "summary"}
 * @param failureDetails {@code "failure-details"}, empty when the sender left the member out
 * @since 0.1.0
 */
public record PolicyResult(Policy policy, Summary summary, List<FailureDetail> failureDetails) {

    /**
     * Checks the components and copies the list.
     *
     * @param policy see {@link #policy()}
     * @param summary see {@link #summary()}
     * @param failureDetails see {@link #failureDetails()}
     */
    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(summary, "summary");
        failureDetails = List.copyOf(Objects.requireNonNull(failureDetails, "failureDetails"));
    }

    /**
     * Sum of {@code failed-session-count} over the failure details. RFC 8460 section 4 lets one session
     * count under several result types, and section 4.3.4 lets a reporter leave transient failures out,
     * so this sum need not equal {@link Summary#totalFailureSessionCount()}. It saturates at
     * {@link Long#MAX_VALUE} instead of overflowing.
     *
     * @return the summed failed-session counts, {@link Long#MAX_VALUE} when the sum is larger
     */
    public long failedSessionSum() {
        long sum = 0;
        for (FailureDetail d : failureDetails) {
            sum = Summary.saturatedSum(sum, d.failedSessionCount());
        }
        return sum;
    }
}
