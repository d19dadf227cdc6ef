package dev.tlsrpt.model;

/**
 * The groups RFC 8460 section 4.3 sorts result types into.
 *
 * @since 0.1.0
 */
public enum ResultCategory {
    /** Section 4.3.1, negotiation failures: STARTTLS and the certificate. */
    NEGOTIATION,
    /** Section 4.3.2.1, DANE-specific policy failures. */
    DANE_POLICY,
    /** Section 4.3.2.2, MTA-STS-specific policy failures. */
    STS_POLICY,
    /** A result type RFC 8460 does not define. */
    UNKNOWN
}
