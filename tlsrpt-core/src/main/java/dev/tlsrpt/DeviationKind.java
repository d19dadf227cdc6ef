package dev.tlsrpt;

/**
 * The catalogue of deviations from RFC 8460 that real senders make. Lenient parsing (the default)
 * accepts each one and reports it as a {@link Deviation}; strict parsing rejects each one with a
 * {@link MalformedReportException} whose {@link MalformedReportException#deviationKind()} names it.
 * Nothing is dropped or changed silently: every tolerated deviation is reported.
 *
 * @since 0.1.0
 */
public enum DeviationKind {
    /** A date-time without a time zone offset ({@code 2023-01-10T00:00:00}, Microsoft); read as UTC. */
    DATE_TIME_WITHOUT_ZONE,
    /** {@code contact-info} missing or {@code null} (Stalwart); the model holds null. */
    MISSING_CONTACT_INFO,
    /**
     * {@code report-id} missing (shortened examples, such as the one of the blog post "How to read a TLS-RPT
     * report"); the model holds null, no value is invented. Writing a report still requires one.
     */
    MISSING_REPORT_ID,
    /** {@code policy-domain} missing (Postfix, for no-policy-found); the model holds null. */
    MISSING_POLICY_DOMAIN,
    /** {@code policy-string} missing on an {@code sts} or {@code tlsa} policy (Mail.ru, Microsoft); read as empty. */
    MISSING_POLICY_STRING,
    /** {@code sending-mta-ip} missing from a failure detail (policy-fetch errors); the model holds null. */
    MISSING_SENDING_MTA_IP,
    /** {@code receiving-mx-hostname} missing from a failure detail (policy-fetch errors); the model holds null. */
    MISSING_RECEIVING_MX_HOSTNAME,
    /** A session count missing from {@code summary} or a failure detail; read as 0. */
    MISSING_SESSION_COUNT,
    /** An optional member sent as JSON {@code null} (Stalwart); read as absent. */
    NULL_VALUE,
    /** {@code mx-host} sent as one string instead of an array (RFC 8460 Appendix B, erratum 6241); read as a list of one. */
    MX_HOST_STRING,
    /** A {@code tlsa} policy-string element holding a JSON array of records in one string (Microsoft); kept as sent. */
    TLSA_POLICY_STRING_JSON_ARRAY,
    /** A draft-era member name ({@code mx-host-pattern}, {@code additional-info-uri}, {@code failure-error-code}); read under the RFC name. */
    DRAFT_MEMBER_NAME,
    /** A {@code policy-type} RFC 8460 does not define; kept as {@code UNKNOWN} with the name as sent. */
    UNKNOWN_POLICY_TYPE,
    /** A {@code result-type} RFC 8460 does not define; kept as {@code UNKNOWN} with the name as sent. */
    UNKNOWN_RESULT_TYPE,
    /** An IP address member that is not an IPv4 or IPv6 literal; kept as sent. */
    INVALID_IP_ADDRESS,
    /** An {@code additional-information} that is not a URI (the RFC's own example has spaces); kept as sent. */
    INVALID_URI,
    /** A member RFC 8460 does not define; skipped and reported with its pointer. */
    UNKNOWN_MEMBER,
    /** A member name that occurs twice in one object (I-JSON forbids it); the first value is kept. */
    DUPLICATE_MEMBER
}
