package dev.tlsrpt;

import dev.tlsrpt.internal.Locations;
import java.util.Objects;

/**
 * One deviation from RFC 8460 that lenient parsing tolerated, with where it is.
 *
 * @param kind which catalogued deviation
 * @param pointer RFC 6901 JSON pointer of the member, {@code ""} for the whole document
 * @param line 1-based line in the decompressed JSON, -1 when unknown
 * @param column 1-based column in the decompressed JSON (bytes), -1 when unknown
 * @param message what was seen and how it was read, quoting at most a short excerpt
 * @since 0.1.0
 */
public record Deviation(DeviationKind kind, String pointer, int line, int column, String message) {

    /**
     * Checks the components.
     *
     * @param kind see {@link #kind()}
     * @param pointer see {@link #pointer()}
     * @param line see {@link #line()}
     * @param column see {@link #column()}
     * @param message see {@link #message()}
     */
    public Deviation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + " at " + Locations.at(pointer, line, column) + ": " + message;
    }
}
