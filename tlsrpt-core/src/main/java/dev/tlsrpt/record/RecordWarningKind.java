package dev.tlsrpt.record;

/**
 * What a {@link RecordWarning} is about. Kinds marked <em>lenient only</em> describe a form that breaks the
 * RFC 8460 section 3 grammar: strict reading rejects it with a {@link MalformedRecordException}; lenient
 * reading accepts it and warns. The other kinds are legal records that are still likely to go wrong.
 *
 * @since 0.1.0
 */
public enum RecordWarningKind {
    /**
     * White space before the first {@code ;} ({@code v=TLSRPTv1 ;}). The grammar allows it, but section 3
     * also says reporters discard records that do not begin with the literal {@code v=TLSRPTv1;}; some
     * reporters follow that rule and ignore the record (the same conflict as RFC 8461 erratum 6285).
     */
    VERSION_PREFIX,
    /** <em>Lenient only.</em> The version written in another case, such as {@code V=tlsrptv1}. */
    VERSION_CASE,
    /**
     * A field named {@code rua} in another case, such as {@code RUA=}. Strict reading keeps it as an
     * extension (names are case-sensitive), which reporters ignore; lenient reading takes it as {@code rua=}.
     */
    FIELD_NAME_CASE,
    /** <em>Lenient only.</em> An address without a scheme ({@code rua=postmaster@example.com}), read as {@code mailto:}. */
    MISSING_SCHEME,
    /** <em>Lenient only.</em> An empty field between two {@code ;} ({@code ;;}). */
    EMPTY_FIELD,
    /** <em>Lenient only.</em> White space where the grammar has none: at the start or end, or around {@code =}. */
    STRAY_WHITESPACE,
    /** An {@code http:} URI: RFC 8460 reporters POST only to {@code https:}. */
    HTTP_NOT_HTTPS,
    /** A URI scheme other than {@code mailto:} and {@code https:}: kept, but no reporter will use it. */
    UNSUPPORTED_SCHEME,
    /** A {@code mailto:} URI without an address or without a domain after the {@code @}. */
    MAILTO_WITHOUT_DOMAIN,
    /**
     * A {@code mailto://} URI: {@code mailto:} takes no {@code //}, so the address becomes
     * {@code //user@domain}, which no mailbox has.
     */
    MAILTO_WITH_SLASHES,
    /** An {@code https:} URI without a host. */
    HTTPS_WITHOUT_HOST,
    /** The same URI twice: reports would be sent twice, or the second is pointless. */
    DUPLICATE_URI,
    /**
     * More URIs than are useful: section 3 lets a reporter deliver to only one of them, so long lists give
     * no more reports. Warned above {@value RecordWarning#USEFUL_RUA_URIS} URIs.
     */
    TOO_MANY_URIS,
    /**
     * More than one {@code rua=} field. The grammar allows it, but parsers that keep one value per field name
     * see only one of them; list every URI in one {@code rua=}, separated by {@code ,}.
     */
    MULTIPLE_RUA_FIELDS,
    /** The same extension field twice; the first value is kept. */
    DUPLICATE_EXTENSION
}
