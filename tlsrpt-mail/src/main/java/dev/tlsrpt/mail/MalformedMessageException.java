package dev.tlsrpt.mail;

import dev.tlsrpt.TlsRptException;
import org.jspecify.annotations.Nullable;

/**
 * A message, mbox file or POST body that cannot be read as such: a MIME structure past repair, a zip
 * attachment (or zip archive) that is broken or holds no file, or a limit of {@link MailOptions} passed. A broken report inside a
 * readable message is a {@link dev.tlsrpt.MalformedReportException} instead.
 *
 * @since 0.1.0
 */
public sealed class MalformedMessageException extends TlsRptException permits MessageLimitExceededException {
    private static final long serialVersionUID = 1L;

    /**
     * A malformed message.
     *
     * @param message what is wrong
     */
    MalformedMessageException(String message) {
        super(message);
    }

    /**
     * A malformed message with its cause.
     *
     * @param message what is wrong
     * @param cause the underlying failure, or null
     */
    MalformedMessageException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
