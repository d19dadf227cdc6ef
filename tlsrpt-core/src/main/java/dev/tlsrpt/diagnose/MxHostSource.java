package dev.tlsrpt.diagnose;

import java.util.Locale;

/**
 * Where the {@link Finding#mxHost()} of a finding comes from.
 *
 * @since 0.1.0
 */
public enum MxHostSource {
    /** From the failure details' {@code receiving-mx-hostname}. */
    RECEIVING_MX_HOSTNAME,
    /** The report names no receiving MX host; these are the policy's mx patterns ({@code Policy.mxPatterns()}). */
    POLICY_MX_PATTERNS,
    /** The report names no MX host at all, or the finding is not about one. */
    ABSENT;

    /**
     * The name used in the JSON rendering.
     *
     * @return the constant's name in lower case with dashes, such as {@code "receiving-mx-hostname"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
