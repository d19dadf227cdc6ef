package dev.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * A problem found below the JSON parser (gzip, UTF-8, a byte limit). Unchecked so that it passes through
 * Jackson untouched; the reader turns it into a located {@code MalformedReportException}.
 */
final class InputFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final @Nullable String limitName;
    final long limit;
    /** Where in the JSON, when the input layer knows (1-based, bytes), else -1. */
    final int line;
    final int column;
    /** Whether the fault is a byte of the JSON, whose line and column can be told (invalid UTF-8). */
    final boolean atByte;
    /** The offset in the JSON of that byte, or -1. */
    final long offset;

    InputFault(String problem) {
        this(problem, null, -1);
    }

    /** A fault at the byte at {@code offset} in the JSON, which the input layer can locate when asked to. */
    static InputFault atByte(String problem, long offset) {
        return new InputFault(problem, -1, -1, offset);
    }

    private InputFault(String problem, int line, int column, long offset) {
        super(problem, null, false, false);
        this.limitName = null;
        this.limit = -1;
        this.line = line;
        this.column = column;
        this.atByte = offset >= 0;
        this.offset = offset;
    }

    InputFault(String problem, int line, int column) {
        this(problem, line, column, -1);
    }

    InputFault(String problem, @Nullable String limitName, long limit) {
        super(problem, null, false, false);
        this.limitName = limitName;
        this.limit = limit;
        this.line = -1;
        this.column = -1;
        this.atByte = false;
        this.offset = -1;
    }
}
