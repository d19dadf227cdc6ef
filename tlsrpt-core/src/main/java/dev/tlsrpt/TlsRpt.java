package dev.tlsrpt;

import dev.tlsrpt.internal.ReportReader;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The front door: read, stream, write and diagnose SMTP TLS reports (RFC 8460).
 *
 * <pre>{@code
 * TlsReport report = TlsRpt.parse(Path.of("google.com!example.com!1700000000!1700086399!001.json.gz"));
 * }</pre>
 *
 * <p>Input is plain JSON or gzip, told apart by its first bytes (never by a file name); a UTF-8 byte order
 * mark is skipped. Parsing never touches the network. Every method is thread-safe.
 *
 * @since 0.1.0
 */
public final class TlsRpt {

    private TlsRpt() {
    }

    /**
     * Reads one report leniently, plain or gzip. Leaves {@code in} open.
     *
     * @param in the report bytes
     * @return the report
     * @throws MalformedReportException when the content is not a readable report
     * @throws IOException when reading {@code in} fails
     */
    public static TlsReport parse(InputStream in) throws IOException {
        return parse(in, ParseOptions.lenient());
    }

    /**
     * Reads one report with the given options, plain or gzip. Leaves {@code in} open.
     *
     * @param in the report bytes
     * @param options lenient or strict, and the limits
     * @return the report
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when reading {@code in} fails
     */
    public static TlsReport parse(InputStream in, ParseOptions options) throws IOException {
        return parseWithDeviations(in, options).report();
    }

    /**
     * Reads one report file leniently, plain or gzip whatever its name.
     *
     * @param file the report file
     * @return the report
     * @throws MalformedReportException when the content is not a readable report
     * @throws IOException when the file cannot be read
     */
    public static TlsReport parse(Path file) throws IOException {
        return parse(file, ParseOptions.lenient());
    }

    /**
     * Reads one report file with the given options, plain or gzip whatever its name.
     *
     * @param file the report file
     * @param options lenient or strict, and the limits
     * @return the report
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when the file cannot be read
     */
    public static TlsReport parse(Path file, ParseOptions options) throws IOException {
        return parseWithDeviations(file, options).report();
    }

    /**
     * Reads one report from bytes leniently, plain or gzip.
     *
     * @param data the report bytes
     * @return the report
     * @throws MalformedReportException when the content is not a readable report
     */
    public static TlsReport parse(byte[] data) {
        return parse(data, ParseOptions.lenient());
    }

    /**
     * Reads one report from bytes with the given options, plain or gzip.
     *
     * @param data the report bytes
     * @param options lenient or strict, and the limits
     * @return the report
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     */
    public static TlsReport parse(byte[] data, ParseOptions options) {
        return parseWithDeviations(data, options).report();
    }

    /**
     * Reads one report from JSON text leniently.
     *
     * @param json the report
     * @return the report
     * @throws MalformedReportException when the content is not a readable report
     */
    public static TlsReport parse(String json) {
        return parse(json, ParseOptions.lenient());
    }

    /**
     * Reads one report from JSON text with the given options.
     *
     * @param json the report
     * @param options lenient or strict, and the limits
     * @return the report
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     */
    public static TlsReport parse(String json, ParseOptions options) {
        return parseWithDeviations(json, options).report();
    }

    /**
     * Reads one report and returns it with the deviations lenient mode tolerated. Leaves {@code in} open.
     *
     * @param in the report bytes, plain or gzip
     * @param options lenient or strict, and the limits
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when reading {@code in} fails
     */
    public static ParseResult parseWithDeviations(InputStream in, ParseOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        return ReportReader.parse(in, options);
    }

    /**
     * Reads one report file and returns it with the deviations lenient mode tolerated.
     *
     * @param file the report file, plain or gzip
     * @param options lenient or strict, and the limits
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when the file cannot be read (a directory, a missing file)
     */
    public static ParseResult parseWithDeviations(Path file, ParseOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return ReportReader.parse(file, options);
    }

    /**
     * Reads one report from bytes and returns it with the deviations lenient mode tolerated.
     *
     * @param data the report bytes, plain or gzip
     * @param options lenient or strict, and the limits
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     */
    public static ParseResult parseWithDeviations(byte[] data, ParseOptions options) {
        Objects.requireNonNull(data, "data");
        try {
            return parseWithDeviations(new ByteArrayInputStream(data), options);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Reads one report from JSON text and returns it with the deviations lenient mode tolerated.
     *
     * @param json the report
     * @param options lenient or strict, and the limits
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     */
    public static ParseResult parseWithDeviations(String json, ParseOptions options) {
        Objects.requireNonNull(json, "json");
        return parseWithDeviations(json.getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * Streams one report leniently to a visitor, in memory bounded by one failure detail (see
     * {@link ReportVisitor}). Leaves {@code in} open.
     *
     * @param in the report bytes, plain or gzip
     * @param visitor receives the header, each policy and each failure detail
     * @throws MalformedReportException when the content is not a readable report; what was delivered
     *     before the error stays delivered
     * @throws IOException when reading {@code in} fails
     */
    public static void stream(InputStream in, ReportVisitor visitor) throws IOException {
        stream(in, ParseOptions.lenient(), visitor);
    }

    /**
     * Streams one report to a visitor with the given options. Leaves {@code in} open.
     *
     * @param in the report bytes, plain or gzip
     * @param options lenient or strict, and the limits
     * @param visitor receives the header, each policy, each failure detail and each deviation
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when reading {@code in} fails
     */
    public static void stream(InputStream in, ParseOptions options, ReportVisitor visitor) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(visitor, "visitor");
        ReportReader.stream(in, options, visitor);
    }

    /**
     * Diagnoses a report in English: what failed, where, how badly and what to do, most severe first.
     * Never resolves a name or opens a connection.
     *
     * @param report the report
     * @return the diagnosis, with at least one finding ({@link dev.tlsrpt.diagnose.Severity#OK} when
     *     nothing failed)
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(TlsReport report) {
        return dev.tlsrpt.diagnose.Diagnosis.of(report);
    }

    /**
     * Diagnoses a report with texts in the given locale (English when no translation ships for it).
     *
     * @param report the report
     * @param locale the locale of the texts, {@link java.util.Locale#ROOT} for English
     * @return the diagnosis
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(TlsReport report, java.util.Locale locale) {
        return dev.tlsrpt.diagnose.Diagnosis.of(report, java.util.List.of(), locale);
    }

    /**
     * Diagnoses a report in English, with an INFO finding for each deviation lenient parsing tolerated.
     *
     * @param result a report and its deviations, from {@code parseWithDeviations}
     * @return the diagnosis
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(ParseResult result) {
        return diagnose(result, java.util.Locale.ROOT);
    }

    /**
     * Diagnoses a report with its tolerated deviations, with texts in the given locale.
     *
     * @param result a report and its deviations, from {@code parseWithDeviations}
     * @param locale the locale of the texts, {@link java.util.Locale#ROOT} for English
     * @return the diagnosis
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(ParseResult result, java.util.Locale locale) {
        Objects.requireNonNull(result, "result");
        return dev.tlsrpt.diagnose.Diagnosis.of(result.report(), result.deviations(), locale);
    }
}
