package dev.tlsrpt.model;

/**
 * The values of {@code "policy-type"} (RFC 8460 section 4.4).
 *
 * @since 0.1.0
 */
public enum PolicyType {
    /** {@code tlsa}: a DANE TLSA policy. */
    TLSA("tlsa"),
    /** {@code sts}: an MTA-STS policy. */
    STS("sts"),
    /** {@code no-policy-found}: neither a DANE nor an MTA-STS policy was found. */
    NO_POLICY_FOUND("no-policy-found"),
    /** A value RFC 8460 does not define; {@link Policy#policyTypeName()} keeps what was sent. */
    UNKNOWN("");

    private static final java.util.Map<String, PolicyType> BY_WIRE_NAME = byWireName();

    private final String wireName;

    PolicyType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as written in a report.
     *
     * @return the wire name, empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks a type up by its wire name, exactly (the wire names are lower case). Never throws.
     *
     * @param name the value of {@code "policy-type"}
     * @return the type, or {@link #UNKNOWN}
     */
    public static PolicyType fromWireName(String name) {
        PolicyType t = BY_WIRE_NAME.get(name);
        return t == null ? UNKNOWN : t;
    }

    private static java.util.Map<String, PolicyType> byWireName() {
        java.util.Map<String, PolicyType> map = new java.util.HashMap<>();
        for (PolicyType t : values()) {
            if (t != UNKNOWN) {
                map.put(t.wireName, t);
            }
        }
        return java.util.Map.copyOf(map);
    }
}
