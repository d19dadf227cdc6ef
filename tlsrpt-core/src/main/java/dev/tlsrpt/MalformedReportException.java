package dev.tlsrpt;

import dev.tlsrpt.internal.Locations;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A report that cannot be read: broken JSON or gzip, a wrong shape, a limit passed, or (in strict mode)
 * a deviation from RFC 8460. Says where: the RFC 6901 JSON pointer of the member, and the line and
 * column in the decompressed JSON (1-based, -1 when unknown; columns count bytes). The message quotes at
 * most a short excerpt of the sender's data.
 *
 * <p>Sealed: a {@link LimitExceededException} is the one kind of it. The constructors are public, for the
 * library's own modules (its reader, tlsrpt-mail for a zip entry) and for code that reports bad reports the
 * same way, such as a test of a caller's error handling.
 *
 * @since 0.1.0
 */
public sealed class MalformedReportException extends TlsRptException permits LimitExceededException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String pointer;
    private final int line;
    private final int column;
    private final @Nullable DeviationKind deviationKind;

    /**
     * A malformed report.
     *
     * @param problem what is wrong, without the location
     * @param pointer RFC 6901 pointer of the member, {@code ""} for the whole document
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     * @param deviationKind the catalogued deviation strict mode rejected, or null for any other problem
     * @param cause the underlying failure, or null
     */
    public MalformedReportException(String problem, String pointer, int line, int column,
            @Nullable DeviationKind deviationKind, @Nullable Throwable cause) {
        super(Locations.problem(pointer, problem, line, column), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.line = line;
        this.column = column;
        this.deviationKind = deviationKind;
    }

    /**
     * A malformed report with no deviation kind and no cause.
     *
     * @param problem what is wrong, without the location
     * @param pointer RFC 6901 pointer of the member, {@code ""} for the whole document
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     */
    public MalformedReportException(String problem, String pointer, int line, int column) {
        this(problem, pointer, line, column, null, null);
    }

    /**
     * What is wrong, without the location.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }

    /**
     * The RFC 6901 JSON pointer of the member at fault.
     *
     * @return the pointer, {@code ""} for the whole document
     */
    public String pointer() {
        return pointer;
    }

    /**
     * The 1-based line in the decompressed JSON.
     *
     * @return the line, -1 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column in the decompressed JSON, counting bytes.
     *
     * @return the column, -1 when unknown
     */
    public int column() {
        return column;
    }

    /**
     * The catalogued deviation that strict parsing rejected.
     *
     * @return the kind, or null when the problem is not a catalogued deviation
     */
    public @Nullable DeviationKind deviationKind() {
        return deviationKind;
    }
}
