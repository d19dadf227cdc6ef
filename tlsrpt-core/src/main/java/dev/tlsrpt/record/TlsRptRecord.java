package dev.tlsrpt.record;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TLSRPT policy: the {@code _smtp._tls} TXT record of RFC 8460 section 3. The version
 * {@code v=TLSRPTv1} is implied. {@link #toString()} writes the canonical record, which reads back equal.
 *
 * <pre>{@code
 * TlsRptRecord r = new TlsRptRecord(List.of(URI.create("mailto:tlsrpt@example.com")), Map.of());
 * r.toString();   // "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"
 * }</pre>
 *
 * @param rua the {@code rua=} URIs where reports go, in record order (all {@code rua=} fields together);
 *     never empty
 * @param extensions the other fields, name to value in record order (only the first of a repeated name);
 *     reporters ignore them
 * @since 0.1.0
 */
public record TlsRptRecord(List<URI> rua, Map<String, String> extensions) {

    /**
     * Checks every URI and extension against the section 3 grammar, so that {@link #toString()} reads back
     * equal, and copies the list and map (the map keeps its iteration order).
     *
     * @param rua see {@link #rua()}
     * @param extensions see {@link #extensions()}
     * @throws IllegalArgumentException when {@code rua} is empty, a URI has no scheme or contains a character
     *     RFC 8460 requires encoded ({@code , ! ;}), or an extension name or value breaks the grammar (an
     *     extension may not be named {@code rua})
     */
    public TlsRptRecord {
        rua = List.copyOf(Objects.requireNonNull(rua, "rua"));
        if (rua.isEmpty()) {
            throw new IllegalArgumentException("rua is empty: a TLSRPT record needs at least one URI");
        }
        for (URI uri : rua) {
            RecordParser.checkUri(uri);
        }
        Objects.requireNonNull(extensions, "extensions");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : extensions.entrySet()) {
            RecordParser.checkExtension(e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        extensions = Collections.unmodifiableMap(copy);
    }

    /**
     * A record with these URIs and no extensions.
     *
     * @param rua the URIs, such as {@code "mailto:tlsrpt@example.com"} or {@code "https://example.com/tlsrpt"}
     * @return the record
     * @throws IllegalArgumentException when a URI is not acceptable (see the constructor)
     */
    public static TlsRptRecord of(String... rua) {
        List<URI> uris = new ArrayList<>();
        for (String u : rua) {
            uris.add(URI.create(Objects.requireNonNull(u, "rua element")));
        }
        return new TlsRptRecord(uris, Map.of());
    }

    /**
     * The canonical record: {@code v=TLSRPTv1; rua=<uri>,<uri>; <name>=<value>...}, one {@code rua=} field
     * holding every URI, then the extensions in order. Reading it back strictly gives an equal record.
     *
     * @return the record text to publish
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(RecordParser.VERSION).append("; rua=");
        for (int i = 0; i < rua.size(); i++) {
            b.append(i == 0 ? "" : ",").append(rua.get(i));
        }
        for (Map.Entry<String, String> e : extensions.entrySet()) {
            b.append("; ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
