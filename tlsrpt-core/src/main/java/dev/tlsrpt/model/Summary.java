package dev.tlsrpt.model;

/**
 * The {@code "summary"} object of one policy.
 *
 * @param totalSuccessfulSessionCount {@code "total-successful-session-count"}
 * @param totalFailureSessionCount {@code "total-failure-session-count"}
 * @since 0.1.0
 */
public record Summary(long totalSuccessfulSessionCount, long totalFailureSessionCount) {

    /**
     * Checks that neither count is negative.
     *
     * @param totalSuccessfulSessionCount see {@link #totalSuccessfulSessionCount()}
     * @param totalFailureSessionCount see {@link #totalFailureSessionCount()}
     */
    public Summary {
        if (totalSuccessfulSessionCount < 0) {
            throw new IllegalArgumentException("totalSuccessfulSessionCount < 0");
        }
        if (totalFailureSessionCount < 0) {
            throw new IllegalArgumentException("totalFailureSessionCount < 0");
        }
    }

    /**
     * All sessions the policy applied to. Counts are at most 2^63-1 each, so their sum may not fit a long: it
     * saturates instead of overflowing.
     *
     * @return successful plus failed sessions, {@link Long#MAX_VALUE} when the sum is larger
     */
    public long totalSessionCount() {
        return saturatedSum(totalSuccessfulSessionCount, totalFailureSessionCount);
    }

    /**
     * The failed sessions as a share of all sessions, 0 when there were none; computed in floating point,
     * so it is right also when {@link #totalSessionCount()} saturates.
     *
     * @return a value from 0 to 1
     */
    public double failureShare() {
        double total = (double) totalSuccessfulSessionCount + (double) totalFailureSessionCount;
        return total == 0 ? 0.0 : totalFailureSessionCount / total;
    }

    /**
     * Adds two counts that are not negative, saturating at {@link Long#MAX_VALUE}: what every sum over a
     * report's counts in this package uses.
     */
    static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
