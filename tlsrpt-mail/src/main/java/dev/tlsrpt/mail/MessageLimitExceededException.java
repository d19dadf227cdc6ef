package dev.tlsrpt.mail;

import java.util.Objects;

/**
 * A message that passed one of the limits of {@link MailOptions}: too many bytes, parts or nesting levels,
 * a header line or field too long, too many header fields. Thrown as soon as the limit is passed, so the
 * input is never read further. Report limits (decompressed size and the rest) are the core's
 * {@link dev.tlsrpt.LimitExceededException}.
 *
 * @since 0.1.0
 */
public final class MessageLimitExceededException extends MalformedMessageException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;

    /**
     * A passed limit.
     *
     * @param limitName the name of the {@link MailOptions} limit, such as {@code "maxMessageBytes"}
     * @param limit the limit's value
     * @param message what was too large
     */
    MessageLimitExceededException(String limitName, long limit, String message) {
        super(message);
        this.limitName = Objects.requireNonNull(limitName, "limitName");
        this.limit = limit;
    }

    /**
     * The name of the limit, as in the {@link MailOptions} method that reads it.
     *
     * @return for example {@code "maxNestingDepth"}
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
