package dev.tlsrpt;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception this library throws for bad content. Unchecked: a caller decides where
 * to handle a bad report, not every method on the way. Abstract: each exception thrown is one of its
 * subclasses ({@link MalformedReportException}, {@code MalformedRecordException}, and those of
 * {@code dev.tlsrpt.analysis} and tlsrpt-mail), which say what was bad.
 *
 * @since 0.1.0
 */
public abstract class TlsRptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    protected TlsRptException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    protected TlsRptException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
