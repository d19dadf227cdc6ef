package dev.tlsrpt;

/**
 * How {@link TlsRpt#write(dev.tlsrpt.model.TlsReport, java.io.OutputStream, WriteOptions)} and
 * {@link TlsRpt#writer(java.io.OutputStream, WriteOptions)} write a report: compact or indented JSON, plain
 * or gzip. Immutable.
 *
 * <pre>{@code
 * TlsRpt.write(report, out, WriteOptions.defaults().withPretty(true));
 * }</pre>
 *
 * @param pretty whether to indent the JSON (two spaces, one member a line); compact otherwise
 * @param gzip whether to gzip the JSON (RFC 8460 section 5.2 says reports SHOULD be compressed)
 * @since 0.1.0
 */
public record WriteOptions(boolean pretty, boolean gzip) {

    /**
     * Compact, plain JSON.
     *
     * @return the defaults
     */
    public static WriteOptions defaults() {
        return new WriteOptions(false, false);
    }

    /**
     * These options with indenting on or off.
     *
     * @param pretty whether to indent
     * @return the new options
     */
    public WriteOptions withPretty(boolean pretty) {
        return new WriteOptions(pretty, gzip);
    }

    /**
     * These options with gzip on or off.
     *
     * @param gzip whether to compress
     * @return the new options
     */
    public WriteOptions withGzip(boolean gzip) {
        return new WriteOptions(pretty, gzip);
    }
}
