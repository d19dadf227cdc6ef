package dev.tlsrpt;

import dev.tlsrpt.internal.RecordParser;
import dev.tlsrpt.internal.ReportReader;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import dev.tlsrpt.model.TlsRptRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
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
 * <p>Large gzip input is inflated on a second thread: past {@link ParseOptions#parallelInflateThreshold()}
 * compressed bytes (1 MiB by default) a call starts one daemon thread named {@code tlsrpt-inflater} that
 * inflates and checks the JSON while the calling thread parses it. The caller's {@code InputStream} is still
 * read on the calling thread only, so it needs no thread-safety of its own; the errors are the same as on one
 * thread, and the thread has ended when the call returns or throws (also when a visitor throws). Interrupting
 * the calling thread during such a read ends it with an {@link java.io.InterruptedIOException}, the interrupt
 * status kept.
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
     * @param in the report bytes, read on the calling thread only (gzip past
     *     {@link ParseOptions#parallelInflateThreshold()} is inflated on a second thread, see the class comment)
     * @param options lenient or strict, and the limits
     * @return the report
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when reading {@code in} fails, or the calling thread is interrupted during a read that
     *     inflates on a second thread ({@link java.io.InterruptedIOException})
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
     * Reads one report from JSON text leniently. The text is read as its UTF-8 bytes would be; an unpaired
     * surrogate, which has no UTF-8 form, is refused like invalid UTF-8 (with its char index, line and column).
     *
     * @param json the report
     * @return the report
     * @throws MalformedReportException when the content is not a readable report
     */
    public static TlsReport parse(String json) {
        return parse(json, ParseOptions.lenient());
    }

    /**
     * Reads one report from JSON text with the given options; an unpaired surrogate in the text is a
     * {@link MalformedReportException} in both modes.
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
     * Reads one report from JSON text and returns it with the deviations lenient mode tolerated. The text is
     * read as its UTF-8 bytes would be; an unpaired surrogate, which has no UTF-8 form, is a
     * {@link MalformedReportException} naming its char index, line and column.
     *
     * @param json the report
     * @param options lenient or strict, and the limits
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     */
    public static ParseResult parseWithDeviations(String json, ParseOptions options) {
        Objects.requireNonNull(json, "json");
        return parseWithDeviations(ReportReader.utf8(json), options);
    }

    /**
     * The JSON text of a report exactly as the parser reads it, for tools that read the JSON themselves
     * (the schema validator does): gzip inflated when the first two bytes say so (member by member, with its
     * CRC, header CRC, reserved flags and trailing bytes checked), a UTF-8 byte order mark skipped, UTF-8 checked, and the
     * byte limits of {@code options} counted. Leaves {@code in} open.
     *
     * @param in the report bytes, plain or gzip (inflated on the calling thread whatever
     *     {@link ParseOptions#parallelInflateThreshold()} says: the stream returned may be left unclosed)
     * @param options the byte limits ({@code maxCompressedBytes}, {@code maxDecompressedBytes})
     * @return the JSON bytes; reading them throws {@link MalformedReportException} (or
     *     {@link LimitExceededException}) at a gzip, UTF-8 or size fault, a UTF-8 fault with the line and
     *     column of the byte found wrong
     * @throws IOException when reading {@code in} fails
     */
    public static InputStream openJson(InputStream in, ParseOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        return ReportReader.openJson(in, options);
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
     * Streams one report to a visitor with the given options. Leaves {@code in} open. Every limit applies
     * except {@link ParseOptions#maxDeviations()}: deviations go to the visitor as they are met, none is
     * held, so none is counted.
     *
     * @param in the report bytes, plain or gzip, read on the calling thread only (gzip past
     *     {@link ParseOptions#parallelInflateThreshold()} is inflated on a second thread, which has ended when
     *     this method returns or throws, see the class comment)
     * @param options lenient or strict, and the limits
     * @param visitor receives the header, each policy, each failure detail and each deviation, on the calling
     *     thread
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     * @throws IOException when reading {@code in} fails, or the calling thread is interrupted during a read that
     *     inflates on a second thread ({@link java.io.InterruptedIOException})
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

    // ---- the _smtp._tls TXT record (RFC 8460 section 3) ----

    /**
     * Reads a {@code _smtp._tls} TXT record strictly by the RFC 8460 section 3 grammar. Warnings are dropped;
     * use {@link #checkRecord(String)} to see them.
     *
     * <pre>{@code
     * TlsRptRecord r = TlsRpt.parseRecord("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://example.com/r");
     * r.rua();   // [mailto:tlsrpt@example.com, https://example.com/r]
     * }</pre>
     *
     * @param txt the record, its strings concatenated (see {@link #joinTxtStrings(List)})
     * @return the record
     * @throws MalformedRecordException when the record breaks the grammar, with the offset
     * @since 0.1.0
     */
    public static TlsRptRecord parseRecord(String txt) {
        return checkRecord(txt).record();
    }

    /**
     * Reads a {@code _smtp._tls} TXT record strictly and returns it with its warnings: legal records that
     * are still likely to go wrong (an {@code http:} rua, a {@code mailto:} without a domain, duplicate URIs,
     * {@code v=TLSRPTv1 ;} ...).
     *
     * @param txt the record, its strings concatenated
     * @return the record and its warnings
     * @throws MalformedRecordException when the record breaks the grammar, with the offset
     * @since 0.1.0
     */
    public static RecordCheck checkRecord(String txt) {
        return RecordParser.parse(txt, false);
    }

    /**
     * Reads a {@code _smtp._tls} TXT record; with {@link ParseOptions#lenient()} it also accepts the forms
     * that {@link RecordWarningKind} marks <em>lenient only</em> (a version in another case, {@code RUA=},
     * an address without {@code mailto:}, {@code ;;}, stray white space), each with a warning. Only
     * {@link ParseOptions#isStrict()} matters here; the limits are for reports.
     *
     * @param txt the record, its strings concatenated
     * @param options strict (the grammar exactly) or lenient
     * @return the record and its warnings
     * @throws MalformedRecordException when the record cannot be read, with the offset
     * @since 0.1.0
     */
    public static RecordCheck checkRecord(String txt, ParseOptions options) {
        Objects.requireNonNull(options, "options");
        return RecordParser.parse(txt, !options.isStrict());
    }

    /**
     * Concatenates the character-strings of one TXT record without adding spaces, as RFC 8460 section 3
     * requires ({@code ["v=TLSRPTv1;rua=mailto:a@exa", "mple.com"]} is one record).
     *
     * @param strings the record's strings in wire order, without the DNS quotes
     * @return the record text
     * @since 0.1.0
     */
    public static String joinTxtStrings(List<String> strings) {
        return RecordParser.join(strings);
    }

    /**
     * Picks the TLSRPT record out of the TXT records at {@code _smtp._tls.<domain>} as RFC 8460 section 3
     * says: records that do not begin with exactly {@code v=TLSRPTv1;} are discarded (so
     * {@code v=TLSRPTv1 ;} is discarded too), and unless one remains the domain does not implement TLSRPT.
     *
     * @param records each TXT record, its strings concatenated
     * @return one, none or more than one, with the records sorted into candidates and discarded
     * @since 0.1.0
     */
    public static RecordSelection selectRecord(Collection<String> records) {
        return RecordParser.select(records, false);
    }

    /**
     * Picks the TLSRPT record out of a TXT RRset; with {@link ParseOptions#lenient()}, records that begin with
     * the version in another case or with white space before the first {@code ;} count as candidates too.
     *
     * @param records each TXT record, its strings concatenated
     * @param options strict (the literal prefix rule) or lenient
     * @return one, none or more than one, with the records sorted into candidates and discarded
     * @since 0.1.0
     */
    public static RecordSelection selectRecord(Collection<String> records, ParseOptions options) {
        Objects.requireNonNull(options, "options");
        return RecordParser.select(records, !options.isStrict());
    }

    // ---- writing reports (RFC 8460 section 4.4) ----

    /**
     * Writes a report as compact RFC 8460 JSON (UTF-8): members in section 4.4 order, {@code mx-host} as an
     * array, counts as integers, dates as RFC 3339 UTC ({@code 2016-04-01T00:00:00Z}; a fraction only when
     * not zero). Null optional members are left out, so a model that lacks {@code contact-info},
     * {@code policy-domain}, {@code sending-mta-ip} or {@code receiving-mx-hostname} (as parsed from a lenient
     * sender) writes a document that lenient parsing reads back equal and strict parsing rejects; reports
     * made by {@link ReportBuilder} always pass strict parsing. Streams: nothing but the generator's buffer
     * is held. Leaves {@code out} open.
     *
     * @param report the report
     * @param out where to write
     * @throws IOException when {@code out} fails
     * @throws IllegalArgumentException when a date lies outside the years 0000-9999 or a string holds an
     *     unpaired surrogate
     * @since 0.1.0
     */
    public static void write(TlsReport report, OutputStream out) throws IOException {
        write(report, out, WriteOptions.defaults());
    }

    /**
     * Writes a report as gzip-compressed RFC 8460 JSON ({@code application/tlsrpt+gzip}, the {@code .json.gz}
     * of section 5.1). Leaves {@code out} open.
     *
     * @param report the report
     * @param out where to write
     * @throws IOException when {@code out} fails
     * @since 0.1.0
     */
    public static void writeGzip(TlsReport report, OutputStream out) throws IOException {
        write(report, out, WriteOptions.defaults().withGzip(true));
    }

    /**
     * Writes a report, compact or indented, plain or gzip. Leaves {@code out} open.
     *
     * @param report the report
     * @param out where to write
     * @param options compact or pretty, plain or gzip
     * @throws IOException when {@code out} fails
     * @since 0.1.0
     */
    public static void write(TlsReport report, OutputStream out, WriteOptions options) throws IOException {
        Objects.requireNonNull(report, "report");
        try (ReportWriter w = writer(out, options)) {
            w.header(report.header());
            for (PolicyResult p : report.policies()) {
                w.policy(p.policy(), p.summary());
                for (FailureDetail d : p.failureDetails()) {
                    w.failureDetail(d);
                }
            }
            w.finish();
        }
    }

    /**
     * A writer that writes one report piece by piece (header, each policy and its failure details, finish),
     * for reports too large to hold in memory. Compact, plain JSON. Leaves {@code out} open.
     *
     * @param out where to write
     * @return the writer
     * @throws IOException when {@code out} fails
     * @since 0.1.0
     */
    public static ReportWriter writer(OutputStream out) throws IOException {
        return writer(out, WriteOptions.defaults());
    }

    /**
     * A writer that writes one report piece by piece with the given options. Leaves {@code out} open.
     *
     * @param out where to write
     * @param options compact or pretty, plain or gzip
     * @return the writer
     * @throws IOException when {@code out} fails
     * @since 0.1.0
     */
    public static ReportWriter writer(OutputStream out, WriteOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        return new ReportWriter(out, options);
    }
}
