package dev.tlsrpt.diagnose;

/**
 * What a {@link Finding} is about. {@link #wireName()} is the stable name used in the JSON and CSV
 * renderings.
 *
 * @since 0.1.0
 */
public enum FindingKind {
    /**
     * Failure details of one result type, policy and MX host, merged; see {@link Finding#resultType()}. An MX
     * host outside the policy's mx patterns is said on this finding ({@link Finding#mxHostOutsidePolicy()}).
     */
    FAILURE("failure"),
    /** A {@code no-policy-found} policy: the domain publishes neither MTA-STS nor DANE. */
    NO_POLICY_FOUND("no-policy-found"),
    /** The failed-session counts of a policy do not add up to its {@code total-failure-session-count}. */
    FAILURE_COUNT_MISMATCH("failure-count-mismatch"),
    /** The report's date range is not one UTC day. */
    DATE_RANGE_NOT_ONE_UTC_DAY("date-range-not-one-utc-day"),
    /** The deviations from RFC 8460 that lenient parsing tolerated, all in one finding. */
    PARSE_DEVIATION("parse-deviation"),
    /** Nothing failed: every session negotiated TLS as required. */
    ALL_CLEAR("all-clear");

    private final String wireName;

    FindingKind(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The stable name of this kind, used in the JSON and CSV renderings.
     *
     * @return the wire name, such as {@code "failure-count-mismatch"}
     */
    public String wireName() {
        return wireName;
    }
}
