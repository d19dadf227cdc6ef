package dev.tlsrpt.model;

/**
 * The values of {@code "result-type"}: the 11 result types of RFC 8460 section 4.3 (the IANA "STARTTLS
 * Validation Result Types" registry) and {@link #UNKNOWN}.
 *
 * @since 0.1.0
 */
public enum ResultType {
    /** {@code starttls-not-supported}: the receiving MX did not offer STARTTLS (section 4.3.1). */
    STARTTLS_NOT_SUPPORTED("starttls-not-supported", ResultCategory.NEGOTIATION),
    /** {@code certificate-host-mismatch}: the certificate does not name the MX host (section 4.3.1). */
    CERTIFICATE_HOST_MISMATCH("certificate-host-mismatch", ResultCategory.NEGOTIATION),
    /** {@code certificate-expired}: the certificate has expired (section 4.3.1). */
    CERTIFICATE_EXPIRED("certificate-expired", ResultCategory.NEGOTIATION),
    /** {@code certificate-not-trusted}: the chain does not lead to a trusted CA, and similar (section 4.3.1). */
    CERTIFICATE_NOT_TRUSTED("certificate-not-trusted", ResultCategory.NEGOTIATION),
    /** {@code validation-failure}: any other negotiation failure (sections 4.3.1 and 4.3.3). */
    VALIDATION_FAILURE("validation-failure", ResultCategory.NEGOTIATION),
    /** {@code tlsa-invalid}: no record of the TLSA RRset was valid (section 4.3.2.1). */
    TLSA_INVALID("tlsa-invalid", ResultCategory.DANE_POLICY),
    /** {@code dnssec-invalid}: the resolver returned no valid records (section 4.3.2.1). */
    DNSSEC_INVALID("dnssec-invalid", ResultCategory.DANE_POLICY),
    /** {@code dane-required}: the sender requires DANE but found no validated TLSA records (section 4.3.2.1). */
    DANE_REQUIRED("dane-required", ResultCategory.DANE_POLICY),
    /** {@code sts-policy-fetch-error}: the MTA-STS policy could not be fetched (section 4.3.2.2). */
    STS_POLICY_FETCH_ERROR("sts-policy-fetch-error", ResultCategory.STS_POLICY),
    /** {@code sts-policy-invalid}: the MTA-STS policy did not validate (section 4.3.2.2). */
    STS_POLICY_INVALID("sts-policy-invalid", ResultCategory.STS_POLICY),
    /** {@code sts-webpki-invalid}: the policy host's certificate failed PKIX validation (section 4.3.2.2). */
    STS_WEBPKI_INVALID("sts-webpki-invalid", ResultCategory.STS_POLICY),
    /** A value RFC 8460 does not define; {@link FailureDetail#resultTypeName()} keeps what was sent. */
    UNKNOWN("", ResultCategory.UNKNOWN);

    private static final WireNames<ResultType> WIRE_NAMES = WireNames.of(values(), UNKNOWN, ResultType::wireName);

    private final String wireName;
    private final ResultCategory category;

    ResultType(String wireName, ResultCategory category) {
        this.wireName = wireName;
        this.category = category;
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
     * The RFC 8460 section 4.3 group of this result type.
     *
     * @return the category
     */
    public ResultCategory category() {
        return category;
    }

    /**
     * Looks a result type up by its wire name, exactly. Never throws.
     *
     * @param name the value of {@code "result-type"}
     * @return the result type, or {@link #UNKNOWN}
     */
    public static ResultType fromWireName(String name) {
        return WIRE_NAMES.find(name);
    }
}
