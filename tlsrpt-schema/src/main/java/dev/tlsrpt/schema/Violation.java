package dev.tlsrpt.schema;

import dev.tlsrpt.internal.Locations;
import java.util.Objects;

/**
 * One way a document breaks the schema, with where it is.
 *
 * <p>{@code keyword} is the JSON Schema keyword that failed ({@code required}, {@code type}, {@code enum},
 * {@code pattern}, {@code minimum}, {@code maximum}, {@code additionalProperties}, {@code not}), or, for
 * what JSON Schema cannot express but tlsrpt-java's parser checks, one of:
 * <ul>
 *   <li>{@value #DUPLICATE_MEMBER}: a member name that occurs twice in one report object (I-JSON forbids it;
 *       strict only, lenient keeps the first value as the parser does);</li>
 *   <li>{@value #JSON}: not a JSON document the parser can read: broken JSON, empty input, content after
 *       the object, not UTF-8, an unpaired surrogate escape;</li>
 *   <li>{@value #GZIP}: input that starts like gzip but is not readable gzip;</li>
 *   <li>{@value #LIMIT}: a size, nesting, string length or count limit of
 *       {@link dev.tlsrpt.ParseOptions} passed;</li>
 *   <li>{@value #TRUNCATED}: the last of a result that lists {@link TlsRptSchema#MAX_VIOLATIONS} violations
 *       and stopped at the next one.</li>
 * </ul>
 * A {@value #JSON}, {@value #GZIP} or {@value #LIMIT} violation is the only one of its result: nothing
 * after it was validated.
 *
 * @param pointer RFC 6901 JSON pointer of the offending member ({@code ""} for the whole document); for a
 *     missing required member, the pointer it would have
 * @param line 1-based line in the (decompressed) document, -1 when unknown; for a missing member, the line
 *     of the end of its parent object
 * @param column 1-based column (bytes) in the (decompressed) document, -1 when unknown
 * @param keyword the schema keyword that failed, or one of the constants of this class
 * @param message what is wrong, readable, quoting at most a short excerpt of the document
 * @since 0.1.0
 */
public record Violation(String pointer, int line, int column, String keyword, String message) {

    /** {@link #keyword()} of a member name that occurs twice in one report object. */
    public static final String DUPLICATE_MEMBER = "duplicateMember";
    /** {@link #keyword()} of a document that is not readable JSON (or not UTF-8, or has trailing content). */
    public static final String JSON = "json";
    /** {@link #keyword()} of input that starts like gzip but cannot be decompressed. */
    public static final String GZIP = "gzip";
    /** {@link #keyword()} of a document that passes one of the reading limits. */
    public static final String LIMIT = "limit";
    /** {@link #keyword()} of the violation that ends a result cut at {@link TlsRptSchema#MAX_VIOLATIONS}. */
    public static final String TRUNCATED = "truncated";

    /**
     * Checks the components.
     *
     * @param pointer see {@link #pointer()}
     * @param line see {@link #line()}
     * @param column see {@link #column()}
     * @param keyword see {@link #keyword()}
     * @param message see {@link #message()}
     */
    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    /**
     * One line: pointer, location, keyword and message, e.g.
     * {@code /policies/0/summary/total-failure-session-count (line 12, column 41) [minimum]: expected an integer
     * from 0 to 9223372036854775807, got -3}.
     *
     * @return the violation as one line
     */
    @Override
    public String toString() {
        return Locations.at(pointer, line, column) + " [" + keyword + "]: " + message;
    }
}
