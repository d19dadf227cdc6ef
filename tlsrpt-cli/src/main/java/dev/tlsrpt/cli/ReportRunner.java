package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.mail.MailOptions;
import dev.tlsrpt.mail.MailReport;
import dev.tlsrpt.mail.TlsRptMail;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads inputs one after the other and hands each report to a sink: bare reports, and the reports in e-mail
 * messages and mbox files. An input that cannot be read is named on
 * standard error with the reason (the typed error's pointer, line and column) and the run goes on with the
 * next one. A file found in a directory that holds no report is skipped (see {@link Skipped}).
 */
final class ReportRunner {
    private ReportRunner() {
    }

    /** Receives what the run read. */
    interface Sink {
        /**
         * One report, read whole.
         *
         * @param name the input's name
         * @param result the report and the deviations lenient parsing tolerated
         */
        void report(String name, ParseResult result);

        /**
         * One input that could not be read; already named on standard error.
         *
         * @param name the input's name
         * @param error why
         */
        default void unreadable(String name, Exception error) {
        }
    }

    /**
     * Reads every input.
     *
     * @param inputs the inputs, in order
     * @param options the parse options
     * @param sink receives each report
     * @param err standard error
     * @param skipped counts the files found in directories that hold no report
     * @return how many inputs could not be read
     */
    static int run(List<Input> inputs, ParseOptions options, Sink sink, PrintWriter err, Skipped skipped) {
        int unreadable = 0;
        for (Input input : inputs) {
            List<Named> reports;
            try (InputStream raw = input.open()) {
                BufferedInputStream in = new BufferedInputStream(raw, 16 * 1024);
                if (skipped.skipsContent(input, in, true)) {
                    continue;
                }
                reports = read(input.name(), in, options);
            } catch (IOException | RuntimeException e) {
                if (skipped.skipsFailure(input, e)) {
                    continue;
                }
                unreadable(err, input.name(), e);
                sink.unreadable(input.name(), e);
                unreadable++;
                continue;
            }
            for (Named report : reports) {
                sink.report(report.name(), report.result());
            }
        }
        return unreadable;
    }

    /**
     * A report with the name messages give it.
     *
     * @param name the input's name, with the attachment's name or number for a report from a message
     * @param result the report and its deviations
     */
    record Named(String name, ParseResult result) {
    }

    /**
     * Reads every report of one input: a bare report (plain or gzip), or the reports attached to an e-mail
     * message ({@code .eml}) or an mbox file, told apart by the content.
     *
     * @param name the input's name
     * @param raw the input, left open
     * @param options the parse options
     * @return the reports, at least one
     * @throws IOException when reading fails
     */
    static List<Named> read(String name, InputStream raw, ParseOptions options) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 16 * 1024);
        if (!Inputs.looksLikeMail(in)) {
            return List.of(new Named(name, TlsRpt.parseWithDeviations(in, options)));
        }
        MailOptions mail = MailOptions.lenient().withReportOptions(options);
        List<MailReport> found = TlsRptMail.parse(in, mail);
        List<Named> named = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            MailReport r = found.get(i);
            String part = r.fileName() != null ? r.fileName() : found.size() > 1 ? "#" + (i + 1) : null;
            named.add(new Named(part == null ? name : name + " [" + part + "]",
                    new ParseResult(r.report(), r.deviations())));
        }
        return named;
    }

    /**
     * Names an input that could not be read on standard error.
     *
     * @param err standard error
     * @param name the input's name
     * @param e why
     */
    static void unreadable(PrintWriter err, String name, Exception e) {
        err.println("tlsrpt: " + neutralise(name) + ": " + Inputs.describe(e));
        err.flush();
    }
}
