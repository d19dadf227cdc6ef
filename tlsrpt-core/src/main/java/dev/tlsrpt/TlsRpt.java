package dev.tlsrpt;

import dev.tlsrpt.internal.JsonInput;
import dev.tlsrpt.internal.ReportReader;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import dev.tlsrpt.record.MalformedRecordException;
import dev.tlsrpt.record.RecordCheck;
import dev.tlsrpt.record.RecordSelection;
import dev.tlsrpt.record.RecordWarningKind;
import dev.tlsrpt.record.TlsRptRecord;
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

    /** File name endings that {@link #refuseFileName} takes for a file name. */
    private static final List<String> FILE_ENDINGS = List.of(".json", ".gz", ".eml", ".mbox", ".zip", ".txt");

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
     * Text that is a file name rather than JSON ({@code "report.json.gz"}) is refused with a message saying
     * so: read a file with {@link #parse(Path)}.
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
     * Reads one report leniently and returns it with the deviations tolerated. Leaves {@code in} open.
     *
     * @param in the report bytes, plain or gzip
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report
     * @throws IOException when reading {@code in} fails
     */
    public static ParseResult parseWithDeviations(InputStream in) throws IOException {
        return parseWithDeviations(in, ParseOptions.lenient());
    }

    /**
     * Reads one report file leniently and returns it with the deviations tolerated.
     *
     * @param file the report file, plain or gzip
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report
     * @throws IOException when the file cannot be read (a directory, a missing file)
     */
    public static ParseResult parseWithDeviations(Path file) throws IOException {
        return parseWithDeviations(file, ParseOptions.lenient());
    }

    /**
     * Reads one report from bytes leniently and returns it with the deviations tolerated.
     *
     * @param data the report bytes, plain or gzip
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report
     */
    public static ParseResult parseWithDeviations(byte[] data) {
        return parseWithDeviations(data, ParseOptions.lenient());
    }

    /**
     * Reads one report from JSON text leniently and returns it with the deviations tolerated (see
     * {@link #parse(String)}).
     *
     * @param json the report
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report
     */
    public static ParseResult parseWithDeviations(String json) {
        return parseWithDeviations(json, ParseOptions.lenient());
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
     * {@link MalformedReportException} naming its char index, line and column. Text that is a file name rather
     * than JSON is refused with a message saying so.
     *
     * @param json the report
     * @param options lenient or strict, and the limits
     * @return the report and its deviations
     * @throws MalformedReportException when the content is not a readable report, or breaks strict mode
     */
    public static ParseResult parseWithDeviations(String json, ParseOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        refuseFileName(json);
        return parseWithDeviations(JsonInput.utf8(json), options);
    }

    /**
     * Refuses text that cannot be a report (no {@code '{'} after the white space and byte order mark that
     * start it) and looks like a file name: a path separator, or an ending such as {@code .json}, {@code .gz}
     * or {@code .eml}, on one line. Every report holds a {@code '{'}, so no report is refused here; a caller who
     * meant {@code parse(Path.of(name))} learns so instead of reading a JSON syntax error.
     */
    private static void refuseFileName(String text) {
        int start = 0;
        int line = 1;
        int lineStart = 0;
        while (start < text.length() && " \t\r\n\uFEFF".indexOf(text.charAt(start)) >= 0) {
            char c = text.charAt(start++);
            if (c == '\n' || c == '\r' && (start == text.length() || text.charAt(start) != '\n')) {
                line++;
                lineStart = start;
            } else if (c == '\uFEFF' && start == 1) {
                lineStart = start; // the byte order mark is skipped, not counted
            }
        }
        if (start == text.length() || "{[\"".indexOf(text.charAt(start)) >= 0 || text.length() - start > 4096) {
            return; // JSON (or too long for a path): the reader says what is wrong with it
        }
        String rest = text.substring(start).stripTrailing();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '{' || rest.charAt(i) < 0x20) {
                return;
            }
        }
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        boolean named = rest.indexOf('/') >= 0 || rest.indexOf('\\') >= 0;
        for (String ending : FILE_ENDINGS) {
            named |= lower.endsWith(ending);
        }
        if (named) {
            throw new MalformedReportException("JSON expected; for a file use Path.of(...): the text looks like"
                    + " a file name, which TlsRpt.parse(Path.of(name)) reads", "", line, start - lineStart + 1);
        }
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
        return diagnose(report, dev.tlsrpt.diagnose.DiagnosisOptions.defaults());
    }

    /**
     * Diagnoses a report with options: the locale of the texts (English when no translation ships for
     * it) and the share of sessions from which undelivered mail is critical.
     *
     * @param report the report
     * @param options the locale and thresholds, such as {@code DiagnosisOptions.defaults().withLocale(locale)}
     * @return the diagnosis
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(TlsReport report,
            dev.tlsrpt.diagnose.DiagnosisOptions options) {
        Objects.requireNonNull(report, "report");
        return dev.tlsrpt.internal.DiagnosisAccess.diagnose(report, java.util.List.of(), options);
    }

    /**
     * Diagnoses a report in English, with one INFO finding for the deviations lenient parsing tolerated.
     *
     * @param result a report and its deviations, from {@code parseWithDeviations}
     * @return the diagnosis
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(ParseResult result) {
        return diagnose(result, dev.tlsrpt.diagnose.DiagnosisOptions.defaults());
    }

    /**
     * Diagnoses a report with its tolerated deviations, with options.
     *
     * @param result a report and its deviations, from {@code parseWithDeviations}
     * @param options the locale and thresholds
     * @return the diagnosis
     */
    public static dev.tlsrpt.diagnose.Diagnosis diagnose(ParseResult result,
            dev.tlsrpt.diagnose.DiagnosisOptions options) {
        Objects.requireNonNull(result, "result");
        return dev.tlsrpt.internal.DiagnosisAccess.diagnose(result.report(), result.deviations(), options);
    }

    // ---- the _smtp._tls TXT record (RFC 8460 section 3); the types are in dev.tlsrpt.record ----

    /**
     * Reads a {@code _smtp._tls} TXT record strictly by the RFC 8460 section 3 grammar. Warnings are dropped;
     * {@link #checkRecord(String)} returns them too.
     *
     * <pre>{@code
     * TlsRptRecord r = TlsRpt.parseRecord("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://example.com/r");
     * r.rua();   // [mailto:tlsrpt@example.com, https://example.com/r]
     * }</pre>
     *
     * @param txt the record, its character-strings concatenated without spaces as section 3 requires
     *     ({@code String.join("", strings)})
     * @return the record
     * @throws MalformedRecordException when the record breaks the grammar, with the offset
     * @since 0.1.0
     */
    public static TlsRptRecord parseRecord(String txt) {
        return RecordCheck.strict(txt).record();
    }

    /**
     * Reads a {@code _smtp._tls} TXT record strictly and returns it with its warnings: legal records that
     * are still likely to go wrong (an {@code http:} rua, a {@code mailto:} without a domain, duplicate URIs,
     * {@code v=TLSRPTv1 ;} ...). The same as {@link RecordCheck#strict(String)}.
     *
     * @param txt the record, its strings concatenated ({@code String.join("", strings)})
     * @return the record and its warnings
     * @throws MalformedRecordException when the record breaks the grammar, with the offset
     * @since 0.1.0
     */
    public static RecordCheck checkRecord(String txt) {
        return RecordCheck.strict(txt);
    }

    /**
     * Reads a {@code _smtp._tls} TXT record; with {@link ParseOptions#lenient()} it also accepts the forms
     * that {@link RecordWarningKind} marks <em>lenient only</em> (a version in another case, {@code RUA=},
     * an address without {@code mailto:}, {@code ;;}, stray white space), each with a warning
     * ({@link RecordCheck#lenient(String)}). Only {@link ParseOptions#isStrict()} matters here; the limits are
     * for reports.
     *
     * @param txt the record, its strings concatenated ({@code String.join("", strings)})
     * @param options strict (the grammar exactly) or lenient
     * @return the record and its warnings
     * @throws MalformedRecordException when the record cannot be read, with the offset
     * @since 0.1.0
     */
    public static RecordCheck checkRecord(String txt, ParseOptions options) {
        Objects.requireNonNull(options, "options");
        return options.isStrict() ? RecordCheck.strict(txt) : RecordCheck.lenient(txt);
    }

    /**
     * Picks the TLSRPT record out of the TXT records at {@code _smtp._tls.<domain>} as RFC 8460 section 3
     * says: records that do not begin with exactly {@code v=TLSRPTv1;} are discarded (so
     * {@code v=TLSRPTv1 ;} is discarded too), and unless one remains the domain does not implement TLSRPT.
     * The same as {@link RecordSelection#strict(Collection)}.
     *
     * <p>A TXT record that DNS returns as several character-strings is one record: join them without spaces,
     * {@code String.join("", strings)} ({@code ["v=TLSRPTv1;rua=mailto:a@exa", "mple.com"]} is
     * {@code v=TLSRPTv1;rua=mailto:a@example.com}).
     *
     * @param records each TXT record, its strings concatenated
     * @return one, none or more than one, with the records sorted into candidates and discarded
     * @since 0.1.0
     */
    public static RecordSelection selectRecord(Collection<String> records) {
        return RecordSelection.strict(records);
    }

    /**
     * Picks the TLSRPT record out of a TXT RRset; with {@link ParseOptions#lenient()}, records that begin with
     * the version in another case or with white space before the first {@code ;} count as candidates too
     * ({@link RecordSelection#lenient(Collection)}).
     *
     * @param records each TXT record, its strings concatenated ({@code String.join("", strings)})
     * @param options strict (the literal prefix rule) or lenient
     * @return one, none or more than one, with the records sorted into candidates and discarded
     * @since 0.1.0
     */
    public static RecordSelection selectRecord(Collection<String> records, ParseOptions options) {
        Objects.requireNonNull(options, "options");
        return options.isStrict() ? RecordSelection.strict(records) : RecordSelection.lenient(records);
    }

    // ---- writing reports (RFC 8460 section 4.4) ----

    /**
     * Writes a report as compact RFC 8460 JSON (UTF-8): members in section 4.4 order, {@code mx-host} as an
     * array, counts as integers, dates as RFC 3339 UTC ({@code 2016-04-01T00:00:00Z}; a fraction only when
     * not zero). Null optional members are left out, so a model that lacks {@code contact-info},
     * {@code policy-domain}, {@code sending-mta-ip} or {@code receiving-mx-hostname} (as parsed from a lenient
     * sender) writes a document that lenient parsing reads back equal and strict parsing rejects; reports
     * made by {@link ReportBuilder} always pass strict parsing. Streams: nothing but the generator's buffer
     * is held. Leaves {@code out} open. For gzip ({@code application/tlsrpt+gzip}, the {@code .json.gz} of
     * section 5.1) or indented JSON, use {@link #write(TlsReport, OutputStream, WriteOptions)} with
     * {@code WriteOptions.defaults().withGzip(true)}.
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
