package dev.tlsrpt.analysis;

/**
 * Whether a problem seen across reports still shows: see {@link AggregateFinding#status()}.
 *
 * @since 0.1.0
 */
public enum FindingStatus {
    /** Some reporter that reported the problem has sent no report for the domain since, or still reports it. */
    ONGOING("ongoing"),
    /** Every reporter that reported the problem has since sent a report for the domain without it. */
    RESOLVED("resolved");

    private final String wireName;

    FindingStatus(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in the JSON rendering.
     *
     * @return {@code "ongoing"} or {@code "resolved"}
     */
    public String wireName() {
        return wireName;
    }
}
