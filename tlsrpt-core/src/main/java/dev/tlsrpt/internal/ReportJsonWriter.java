package dev.tlsrpt.internal;

import dev.tlsrpt.WriteOptions;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes one RFC 8460 report with a Jackson {@link JsonGenerator} straight to the stream, member names and
 * order as in section 4.4, one piece at a time: nothing of the document is kept in memory but the
 * generator's buffer. The caller's stream is never closed.
 */
public final class ReportJsonWriter {

    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private enum State { START, HEADER, POLICY, FINISHED, CLOSED }

    private final OutputStream target;
    private final @Nullable GZIPOutputStream gzip;
    private final JsonGenerator g;
    private State state = State.START;

    /**
     * A writer on {@code out}.
     *
     * @param out the caller's stream, left open
     * @param options indented or compact, gzip or plain
     * @throws IOException when starting the gzip stream fails
     */
    public ReportJsonWriter(OutputStream out, WriteOptions options) throws IOException {
        this.target = new KeepOpen(Objects.requireNonNull(out, "out"));
        this.gzip = options.gzip() ? new GZIPOutputStream(target, 8192) : null;
        this.g = JsonOutput.generator(this.gzip != null ? this.gzip : target, options.pretty());
    }

    /**
     * Writes the members before {@code "policies"} and opens the policies array.
     *
     * @param header organization, dates, contact, report-id
     * @throws IOException when the stream fails
     */
    public void header(ReportHeader header) throws IOException {
        Objects.requireNonNull(header, "header");
        expect(State.START, "header() comes first, once");
        String reportId = header.reportId();
        if (reportId == null) {
            throw new IllegalArgumentException(
                    "report-id is missing: RFC 8460 requires it in a report written (header.reportId is null)");
        }
        checkText("organizationName", header.organizationName());
        checkText("contactInfo", header.contactInfo());
        checkText("reportId", reportId);
        String start = date("dateRange.start", header.dateRange().start());
        String end = date("dateRange.end", header.dateRange().end());
        run(() -> {
            g.writeStartObject();
            g.writeStringProperty("organization-name", header.organizationName());
            g.writeName("date-range");
            g.writeStartObject();
            g.writeStringProperty("start-datetime", start);
            g.writeStringProperty("end-datetime", end);
            g.writeEndObject();
            optional("contact-info", header.contactInfo());
            g.writeStringProperty("report-id", reportId);
            g.writeName("policies");
            g.writeStartArray();
        });
        state = State.HEADER;
    }

    /**
     * Starts a policies entry: writes its {@code "policy"} and {@code "summary"} and opens
     * {@code "failure-details"}, after closing the previous entry.
     *
     * @param policy the policy
     * @param summary its counts
     * @throws IOException when the stream fails
     */
    public void policy(Policy policy, Summary summary) throws IOException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(summary, "summary");
        if (state != State.HEADER && state != State.POLICY) {
            throw new IllegalStateException(state == State.START ? "policy() needs header() first"
                    : "the report is already finished");
        }
        checkText("policyTypeName", policy.policyTypeName());
        checkList("policyStrings", policy.policyStrings());
        checkText("policyDomain", policy.policyDomain());
        checkList("mxHosts", policy.mxHosts());
        run(() -> {
            if (state == State.POLICY) {
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeStartObject();
            g.writeName("policy");
            g.writeStartObject();
            g.writeStringProperty("policy-type", policy.policyTypeName());
            g.writeName("policy-string");
            strings(policy.policyStrings());
            optional("policy-domain", policy.policyDomain());
            if (!policy.mxHosts().isEmpty()) {
                g.writeName("mx-host");
                strings(policy.mxHosts());
            }
            g.writeEndObject();
            g.writeName("summary");
            g.writeStartObject();
            g.writeNumberProperty("total-successful-session-count", summary.totalSuccessfulSessionCount());
            g.writeNumberProperty("total-failure-session-count", summary.totalFailureSessionCount());
            g.writeEndObject();
            g.writeName("failure-details");
            g.writeStartArray();
        });
        state = State.POLICY;
    }

    /**
     * Writes one failure detail of the current policies entry.
     *
     * @param d the detail
     * @throws IOException when the stream fails
     */
    public void failureDetail(FailureDetail d) throws IOException {
        Objects.requireNonNull(d, "detail");
        expect(State.POLICY, "failureDetail() needs policy() first");
        checkText("resultTypeName", d.resultTypeName());
        checkText("sendingMtaIp", d.sendingMtaIp());
        checkText("receivingMxHostname", d.receivingMxHostname());
        checkText("receivingMxHelo", d.receivingMxHelo());
        checkText("receivingIp", d.receivingIp());
        checkText("additionalInformation", d.additionalInformation());
        checkText("failureReasonCode", d.failureReasonCode());
        run(() -> {
            g.writeStartObject();
            g.writeStringProperty("result-type", d.resultTypeName());
            optional("sending-mta-ip", d.sendingMtaIp());
            optional("receiving-mx-hostname", d.receivingMxHostname());
            optional("receiving-mx-helo", d.receivingMxHelo());
            optional("receiving-ip", d.receivingIp());
            g.writeNumberProperty("failed-session-count", d.failedSessionCount());
            optional("additional-information", d.additionalInformation());
            optional("failure-reason-code", d.failureReasonCode());
            g.writeEndObject();
        });
    }

    /**
     * Closes the open arrays and objects, flushes, and ends the gzip stream.
     *
     * @throws IOException when the stream fails
     */
    public void finish() throws IOException {
        if (state != State.HEADER && state != State.POLICY) {
            throw new IllegalStateException(state == State.START ? "finish() needs header() first"
                    : "the report is already finished");
        }
        run(() -> {
            if (state == State.POLICY) {
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        });
        state = State.FINISHED;
        end();
    }

    /**
     * Releases the writer. Before {@link #finish()} the document is left unterminated, so that a report cut
     * short by an error can never pass for a whole one.
     *
     * @throws IOException when the stream fails
     */
    public void close() throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        if (state != State.FINISHED) {
            state = State.CLOSED;
            end();
        }
        state = State.CLOSED;
    }

    private void end() throws IOException {
        run(g::close);
        if (gzip != null) {
            gzip.finish();
            gzip.close();
        }
        target.flush();
    }

    private void expect(State wanted, String message) {
        if (state != wanted) {
            throw new IllegalStateException(message);
        }
    }

    private void optional(String name, @Nullable String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private void strings(List<String> values) {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /**
     * RFC 3339 in UTC: seconds always, a fraction only when it is not zero ({@code 2016-04-01T00:00:00Z}).
     *
     * @param member the model component, for the error message
     * @param instant the time
     * @return the text
     * @throws IllegalArgumentException for a year outside 0000-9999, which RFC 3339 cannot write
     */
    public static String date(String member, Instant instant) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException(member + ": " + instant + " is outside the years 0000-9999 that"
                    + " RFC 3339 can write");
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void checkList(String member, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            int bad = unpairedSurrogate(values.get(i));
            if (bad >= 0) {
                // the member's name is built only here: building it for every string cost more than the check
                throw new IllegalArgumentException(member + "[" + i + "]: unpaired surrogate at index " + bad);
            }
        }
    }

    /** I-JSON (RFC 7493) forbids unpaired surrogates, and the parser rejects them: refuse to write one. */
    private static void checkText(String member, @Nullable String value) {
        int bad = unpairedSurrogate(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(member + ": unpaired surrogate at index " + bad);
        }
    }

    /** The index of the first unpaired surrogate of a string, or -1 when it has none (or is null). */
    private static int unpairedSurrogate(@Nullable String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private static void run(Step step) throws IOException {
        try {
            step.run();
        } catch (JacksonIOException e) {
            throw JsonOutput.streamFailure(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("writing the report failed: " + e.getOriginalMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Passes writes through in bulk and never closes the caller's stream. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
