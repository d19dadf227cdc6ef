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
     * All sessions the policy applied to.
     *
     * @return successful plus failed sessions
     */
    public long totalSessionCount() {
        return Math.addExact(totalSuccessfulSessionCount, totalFailureSessionCount);
    }

    /**
     * The failed sessions as a share of all sessions, 0 when there were none.
     *
     * @return a value from 0 to 1
     */
    public double failureShare() {
        long total = totalSessionCount();
        return total == 0 ? 0.0 : (double) totalFailureSessionCount / total;
    }
}
