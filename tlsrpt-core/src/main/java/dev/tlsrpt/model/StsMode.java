package dev.tlsrpt.model;

import org.jspecify.annotations.Nullable;

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
    NONE("none");

    private final String wireName;

    StsMode(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as written in a policy file.
     *
     * @return the wire name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks a mode up by its wire name, exactly.
     *
     * @param name the value of the {@code mode} line
     * @return the mode, or null for a value RFC 8461 does not define
     */
    public static @Nullable StsMode fromWireName(String name) {
        for (StsMode m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
