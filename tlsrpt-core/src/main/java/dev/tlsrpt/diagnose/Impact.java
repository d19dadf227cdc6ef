package dev.tlsrpt.diagnose;

/**
 * What the failures of a {@link Finding} meant for the mail. {@link Severity} is derived from the impact,
 * the share of the policy's sessions and whether any session succeeded; see {@link Severity} for the rules.
 *
 * @since 0.1.0
 */
public enum Impact {
    /**
     * The senders did not deliver these messages: they failed under an MTA-STS policy in mode
     * {@code enforce}, under DANE ({@code tlsa}), or at a sender that requires DANE
     * ({@code dane-required}). A sender tries the next MX host, retries later, and bounces a message
     * only when the failure persists.
     */
    NOT_DELIVERED("not-delivered"),
    /**
     * The mail was delivered without the protection the policy asks for: without TLS or to a server the
     * sender could not verify (mode {@code testing} or {@code none}, {@code no-policy-found}), or, when the
     * policy itself could not be fetched or read, as if the domain had no MTA-STS.
     */
    DELIVERED_UNPROTECTED("delivered-unprotected"),
    /** Delivery was not affected: a note about the report, or a policy failure under a policy that enforces nothing. */
    NO_EFFECT("no-effect"),
    /** The report does not say: no MTA-STS mode, a policy type RFC 8460 does not define, or no failure details. */
    UNKNOWN("unknown");

    private final String wireName;

    Impact(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in the JSON and CSV renderings.
     *
     * @return the wire name, such as {@code "not-delivered"}
     */
    public String wireName() {
        return wireName;
    }
}
