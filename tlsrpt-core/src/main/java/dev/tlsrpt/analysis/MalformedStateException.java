package dev.tlsrpt.analysis;

import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.internal.Locations;
import java.util.Objects;

/**
 * A saved aggregate that cannot be loaded: not JSON, a wrong shape, a value out of range, or a state that
 * is not consistent. Says where: the RFC 6901 JSON pointer of the member and the line and column in the
 * file (1-based, -1 when unknown), in a message that reads like that of
 * {@link dev.tlsrpt.MalformedReportException}.
 *
 * @since 0.1.0
 */
public final class MalformedStateException extends TlsRptException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String pointer;
    private final int line;
    private final int column;

    /**
     * A state file that cannot be read.
     *
     * @param problem what is wrong, without the location
     * @param pointer RFC 6901 pointer of the member, {@code ""} for the whole document
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     */
    MalformedStateException(String problem, String pointer, int line, int column) {
        super("aggregate state " + Locations.problem(pointer, problem, line, column));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.line = line;
        this.column = column;
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
     * The 1-based line in the file.
     *
     * @return the line, -1 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column in the file, counting bytes.
     *
     * @return the column, -1 when unknown
     */
    public int column() {
        return column;
    }
}
