package dev.tlsrpt;

import org.jspecify.annotations.Nullable;

/**
 * How {@link TlsRpt#write(dev.tlsrpt.model.TlsReport, java.io.OutputStream, WriteOptions)} and
 * {@link TlsRpt#writer(java.io.OutputStream, WriteOptions)} write a report: compact or indented JSON, plain
 * or gzip. Immutable and thread-safe; each {@code with...} method returns a changed copy.
 *
 * <pre>{@code
 * WriteOptions gzip = WriteOptions.defaults().withGzip(true);
 * TlsRpt.write(report, out, gzip);
 * String name = ReportFileName.of(report, "001", gzip).toString();   // ... .json.gz
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WriteOptions {
    private static final WriteOptions DEFAULTS = new WriteOptions(false, false);

    private final boolean pretty;
    private final boolean gzip;

    private WriteOptions(boolean pretty, boolean gzip) {
        this.pretty = pretty;
        this.gzip = gzip;
    }

    /**
     * Compact, plain JSON.
     *
     * @return the defaults
     */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Whether the JSON is indented (two spaces, one member a line); compact otherwise.
     *
     * @return true for indented JSON
     */
    public boolean pretty() {
        return pretty;
    }

    /**
     * Whether the JSON is gzip-compressed ({@code application/tlsrpt+gzip}; RFC 8460 section 5.2 says reports
     * SHOULD be compressed).
     *
     * @return true for gzip
     */
    public boolean gzip() {
        return gzip;
    }

    /**
     * A copy with indenting on or off.
     *
     * @param pretty whether to indent
     * @return the changed copy
     */
    public WriteOptions withPretty(boolean pretty) {
        return new WriteOptions(pretty, gzip);
    }

    /**
     * A copy with gzip on or off.
     *
     * @param gzip whether to compress
     * @return the changed copy
     */
    public WriteOptions withGzip(boolean gzip) {
        return new WriteOptions(pretty, gzip);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof WriteOptions w && pretty == w.pretty && gzip == w.gzip;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(pretty) * 31 + Boolean.hashCode(gzip);
    }

    @Override
    public String toString() {
        return "WriteOptions[" + (pretty ? "pretty" : "compact") + ", " + (gzip ? "gzip" : "plain") + "]";
    }
}
