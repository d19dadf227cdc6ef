package dev.tlsrpt;

/**
 * The base of every exception this library throws for bad content. Unchecked: a caller decides where
 * to handle a bad report, not every method on the way.
 *
 * @since 0.1.0
 */
public class TlsRptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public TlsRptException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TlsRptException(String message, Throwable cause) {
        super(message, cause);
    }
}
