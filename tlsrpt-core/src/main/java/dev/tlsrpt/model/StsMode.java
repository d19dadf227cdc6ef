package dev.tlsrpt.model;

/**
 * The {@code mode} of an MTA-STS policy (RFC 8461 section 5), read from an sts policy-string.
 *
 * @since 0.1.0
 */
public enum StsMode {
    /** {@code enforce}: a sender does not deliver to an MX that fails validation. */
    ENFORCE("enforce"),
    /** {@code testing}: a sender delivers anyway and only reports the failure. */
    TESTING("testing"),
    /** {@code none}: the domain has withdrawn its policy. */
    NONE("none"),
    /** A value RFC 8461 does not define; {@link Policy#stsField(String) stsField("mode")} keeps what was sent. */
    UNKNOWN("");

    private static final WireNames<StsMode> WIRE_NAMES = WireNames.of(values(), UNKNOWN, StsMode::wireName);

    private final String wireName;

    StsMode(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as written in a policy file.
     *
     * @return the wire name, empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks a mode up by its wire name, exactly. Never throws, never returns null.
     *
     * @param name the value of the {@code mode} line
     * @return the mode, or {@link #UNKNOWN} for a value RFC 8461 does not define
     */
    public static StsMode fromWireName(String name) {
        return WIRE_NAMES.find(name);
    }
}
