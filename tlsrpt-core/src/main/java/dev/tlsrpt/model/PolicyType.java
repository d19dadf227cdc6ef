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

    private static final WireNames<PolicyType> WIRE_NAMES = WireNames.of(values(), UNKNOWN, PolicyType::wireName);

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
        return WIRE_NAMES.find(name);
    }
}
