package dev.tlsrpt;

import dev.tlsrpt.internal.ReportJsonWriter;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes one report piece by piece, so that an MTA never holds all its failure details in memory: the
 * header, then each policy with its summary followed by that policy's failure details, then
 * {@link #finish()}. Made by {@link TlsRpt#writer(OutputStream)}. Members and order are those of RFC 8460
 * section 4.4, exactly as {@link TlsRpt#write(dev.tlsrpt.model.TlsReport, OutputStream)} writes them.
 *
 * <pre>{@code
 * try (ReportWriter w = TlsRpt.writer(out)) {
 *     w.header(new ReportHeader("Example Mail", range, "tlsrpt@mail.example", "2026-11-27_example.com"));
 *     w.policy(policy, new Summary(4821, 3));
 *     for (FailureDetail d : failures) {
 *         w.failureDetail(d);
 *     }
 *     w.finish();
 * }
 * }</pre>
 *
 * <p>Calling the methods out of order throws {@link IllegalStateException}. {@link #close()} without
 * {@link #finish()} (an exception on the way) leaves the JSON unterminated on purpose, so a report cut
 * short can never pass for a whole one. The caller's stream is never closed. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class ReportWriter implements Closeable {

    private final ReportJsonWriter writer;

    ReportWriter(OutputStream out, WriteOptions options) throws IOException {
        this.writer = new ReportJsonWriter(out, options);
    }

    /**
     * Writes {@code organization-name}, {@code date-range}, {@code contact-info} (left out when null) and
     * {@code report-id}, and opens {@code policies}. Call it first, once.
     *
     * @param header the report's header
     * @return this writer
     * @throws IOException when the stream fails
     * @throws IllegalArgumentException when a date lies outside the years 0000-9999 or a string holds an
     *     unpaired surrogate (I-JSON forbids it)
     */
    public ReportWriter header(ReportHeader header) throws IOException {
        writer.header(header);
        return this;
    }

    /**
     * Starts the next {@code policies} entry: writes its {@code policy} (with {@code policy-string} always,
     * {@code policy-domain} unless null, {@code mx-host} unless empty, always as an array) and its
     * {@code summary}. The failure details that follow belong to this policy.
     *
     * @param policy the policy
     * @param summary its session counts
     * @return this writer
     * @throws IOException when the stream fails
     */
    public ReportWriter policy(Policy policy, Summary summary) throws IOException {
        writer.policy(policy, summary);
        return this;
    }

    /**
     * Writes one {@code failure-details} entry of the current policy; null members are left out.
     *
     * @param detail the failure detail
     * @return this writer
     * @throws IOException when the stream fails
     */
    public ReportWriter failureDetail(FailureDetail detail) throws IOException {
        writer.failureDetail(detail);
        return this;
    }

    /**
     * This writer as a {@link ReportVisitor}, so that {@link TlsRpt#stream(java.io.InputStream, ReportVisitor)}
     * can rewrite a report of any size in bounded memory (normalized: RFC member names and order, arrays for
     * {@code mx-host}, UTC dates). Deviations are not written. A failing stream surfaces as an
     * {@link UncheckedIOException} wrapping the {@link IOException}.
     *
     * <pre>{@code
     * try (ReportWriter w = TlsRpt.writer(out)) {
     *     TlsRpt.stream(in, w.visitor());
     *     w.finish();
     * }
     * }</pre>
     *
     * @return a visitor that writes what it is given
     */
    public ReportVisitor visitor() {
        return new ReportVisitor() {
            @Override
            public void header(ReportHeader header) {
                unchecked(() -> writer.header(header));
            }

            @Override
            public void policy(Policy policy, Summary summary) {
                unchecked(() -> writer.policy(policy, summary));
            }

            @Override
            public void failureDetail(Policy policy, FailureDetail detail) {
                unchecked(() -> writer.failureDetail(detail));
            }
        };
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private static void unchecked(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the document (and the gzip stream) and flushes the caller's stream, which stays open.
     *
     * @throws IOException when the stream fails
     */
    public void finish() throws IOException {
        writer.finish();
    }

    /**
     * Releases the writer; after {@link #finish()} it does nothing more. Without it the document stays
     * unterminated. The caller's stream stays open.
     *
     * @throws IOException when the stream fails
     */
    @Override
    public void close() throws IOException {
        writer.close();
    }
}
