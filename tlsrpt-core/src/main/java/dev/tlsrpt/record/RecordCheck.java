package dev.tlsrpt.record;

import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code _smtp._tls} TXT record with the warnings found while reading it. {@link #strict(String)}
 * reads a record by the RFC 8460 section 3 grammar, {@link #lenient(String)} also accepts the forms real
 * domains publish by mistake; {@code TlsRpt.parseRecord} and {@code TlsRpt.checkRecord} are the front door's
 * short forms of the same.
 *
 * <pre>{@code
 * RecordCheck check = RecordCheck.strict("v=TLSRPTv1 ; rua=http://example.com/tlsrpt");
 * check.warnings();   // VERSION_PREFIX at offset 10, HTTP_NOT_HTTPS at offset 17
 * }</pre>
 *
 * @param record the record
 * @param warnings legal but suspicious things, and the forms lenient reading accepted, in record order
 * @since 0.1.0
 */
public record RecordCheck(TlsRptRecord record, List<RecordWarning> warnings) {

    /**
     * Checks the components and copies the list.
     *
     * @param record see {@link #record()}
     * @param warnings see {@link #warnings()}
     */
    public RecordCheck {
        Objects.requireNonNull(record, "record");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Reads a TXT record strictly by the RFC 8460 section 3 grammar, and warns of legal records that are still
     * likely to go wrong (an {@code http:} rua, a {@code mailto:} without a domain, duplicate URIs,
     * {@code v=TLSRPTv1 ;} ...).
     *
     * @param txt the record, its character-strings concatenated without spaces as section 3 requires
     *     ({@code String.join("", strings)})
     * @return the record and its warnings
     * @throws MalformedRecordException when the record breaks the grammar, with the offset
     * @since 0.1.0
     */
    public static RecordCheck strict(String txt) {
        return RecordParser.parse(txt, false);
    }

    /**
     * Reads a TXT record as {@link #strict(String)} does, and also accepts the forms that
     * {@link RecordWarningKind} marks <em>lenient only</em> (a version in another case, {@code RUA=}, an
     * address without {@code mailto:}, {@code ;;}, stray white space), each with a warning. Every record
     * {@link #strict(String)} accepts is accepted.
     *
     * @param txt the record, its character-strings concatenated without spaces
     * @return the record and its warnings
     * @throws MalformedRecordException when the record cannot be read, with the offset
     * @since 0.1.0
     */
    public static RecordCheck lenient(String txt) {
        return RecordParser.parse(txt, true);
    }

    /**
     * Whether the record gave no warnings.
     *
     * @return true when {@link #warnings()} is empty
     */
    public boolean isClean() {
        return warnings.isEmpty();
    }
}
