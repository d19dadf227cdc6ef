package dev.tlsrpt.diagnose;

/**
 * What a {@link Finding} is about. {@link #code()} is the stable name used in the JSON rendering.
 *
 * @since 0.1.0
 */
public enum FindingKind {
    /** Failure details of one result type, policy and MX host, merged; see {@link Finding#resultType()}. */
    FAILURE("failure"),
    /** A {@code no-policy-found} policy: the domain publishes neither MTA-STS nor DANE. */
    NO_POLICY_FOUND("no-policy-found"),
    /** The failed-session counts of a policy do not add up to its {@code total-failure-session-count}. */
    FAILURE_COUNT_MISMATCH("failure-count-mismatch"),
    /** An MX host that reported failures matches none of the MTA-STS policy's mx patterns. */
    MX_HOST_NOT_IN_POLICY("mx-host-not-in-policy"),
    /** The report's date range is not one UTC day. */
    DATE_RANGE_NOT_ONE_UTC_DAY("date-range-not-one-utc-day"),
    /** A deviation from RFC 8460 that lenient parsing tolerated. */
    PARSE_DEVIATION("parse-deviation"),
    /** Nothing failed and nothing else is worth saying. */
    ALL_CLEAR("all-clear");

    private final String code;

    FindingKind(String code) {
        this.code = code;
    }

    /**
     * The stable name of this kind, used in the JSON rendering.
     *
     * @return the code, such as {@code "failure-count-mismatch"}
     */
    public String code() {
        return code;
    }
}
