package dev.tlsrpt.mail;

import java.util.Objects;

/**
 * One consistency finding of the mail layer about a report: a value, never an exception.
 *
 * @param kind which check
 * @param message what was found, quoting at most a short excerpt of the sender's data
 * @since 0.1.0
 */
public record MailCheck(MailCheckKind kind, String message) {

    /**
     * Checks the components.
     *
     * @param kind see {@link #kind()}
     * @param message see {@link #message()}
     */
    public MailCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
