package dev.tlsrpt.diagnose;

import java.util.Locale;

/**
 * How urgent a {@link Finding} is. The constants are declared most severe first, so
 * {@link #compareTo(Enum)} sorts the most severe first.
 *
 * @since 0.1.0
 */
public enum Severity {
    /** Mail was not delivered: failures under an MTA-STS {@code enforce} policy or under DANE. */
    CRITICAL,
    /** Mail was delivered without the protection the policy promises, or the consequence is unknown. */
    WARNING,
    /** Worth knowing, nothing failed because of it: report inconsistencies, tolerated deviations, no policy. */
    INFO,
    /** Nothing to do: every session negotiated TLS as required. */
    OK;

    /**
     * The name used in the JSON rendering.
     *
     * @return the constant's name in lower case, such as {@code "critical"}
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this severity is more severe than another.
     *
     * @param other the severity to compare with
     * @return true when this one is more severe
     */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) < 0;
    }
}
