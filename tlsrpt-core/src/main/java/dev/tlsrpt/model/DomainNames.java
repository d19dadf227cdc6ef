package dev.tlsrpt.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How this library compares the domain and host names that reports, policies and messages carry: as sent,
 * but case-insensitive and with one trailing dot ignored (DNS names are case-insensitive, RFC 4343, and
 * {@code mx.example.com.} is the same host as {@code mx.example.com}). Nothing is resolved.
 *
 * <pre>{@code
 * DomainNames.normalize(" MX1.Example.COM. ");   // "mx1.example.com"
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DomainNames {
    private DomainNames() {
    }

    /**
     * The name in the form this library compares and groups names in: surrounding white space stripped, lower
     * case ({@link Locale#ROOT}), without one trailing dot.
     *
     * @param name a domain or host name as sent
     * @return the normalised name
     */
    public static String normalize(String name) {
        String s = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
