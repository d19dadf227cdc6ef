package dev.tlsrpt;

import java.util.Objects;

/**
 * A report that passed one of the limits of {@link ParseOptions}: too many bytes compressed or
 * decompressed, too deep, a string too long, too many policies or failure details. Thrown as soon as the
 * limit is passed, while streaming, so the input is never read further.
 *
 * @since 0.1.0
 */
public final class LimitExceededException extends MalformedReportException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;

    /**
     * A passed limit.
     *
     * @param limitName the name of the {@link ParseOptions} limit, such as {@code "maxDecompressedBytes"}
     * @param limit the limit's value
     * @param problem what was too large
     * @param pointer RFC 6901 pointer where it happened
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     */
    public LimitExceededException(String limitName, long limit, String problem, String pointer, int line,
            int column) {
        super(problem, pointer, line, column);
        this.limitName = Objects.requireNonNull(limitName, "limitName");
        this.limit = limit;
    }

    /**
     * The name of the limit, as in the {@link ParseOptions} method that sets it without {@code with}.
     *
     * @return for example {@code "maxDecompressedBytes"}
     */
    public String limitName() {
        return limitName;
    }

    /**
     * The value of the limit that was passed.
     *
     * @return the limit
     */
    public long limit() {
        return limit;
    }
}
