package dev.tlsrpt.record;

import java.util.Objects;

/**
 * Something legal but likely to go wrong in a {@code _smtp._tls} TXT record, or (lenient reading) a form
 * outside the RFC 8460 section 3 grammar that was accepted anyway.
 *
 * @param kind what the warning is about
 * @param offset 0-based character offset in the record where it starts
 * @param message what was seen and why it matters, quoting at most a short excerpt
 * @since 0.1.0
 */
public record RecordWarning(RecordWarningKind kind, int offset, String message) {

    /** The number of {@code rua} URIs above which {@link RecordWarningKind#TOO_MANY_URIS} is warned. */
    public static final int USEFUL_RUA_URIS = 2;

    /**
     * Checks the components.
     *
     * @param kind see {@link #kind()}
     * @param offset see {@link #offset()}
     * @param message see {@link #message()}
     */
    public RecordWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0");
        }
    }

    @Override
    public String toString() {
        return kind + " at offset " + offset + ": " + message;
    }
}
