package dev.tlsrpt.bench;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ReportVisitor;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ways of reading a report that the benchmarks compare, as plain methods (the benchmarks and the smoke
 * test call the same code). Each returns a value that depends on everything it read.
 */
public final class Readers {

    /** The buffer of every {@link GZIPInputStream} and drain loop here: 64 KiB. */
    public static final int BUFFER = 1 << 16;

    /**
     * Options for benchmark inputs: lenient (the generated reports have no deviations, so strict would read
     * the same), with the byte and count limits lifted so that the 1 GB report passes; gzip past the default
     * {@code parallelInflateThreshold} (1 MiB compressed) is inflated on a second thread.
     */
    public static final ParseOptions OPTIONS = ParseOptions.lenient()
            .withMaxCompressedBytes(Long.MAX_VALUE)
            .withMaxDecompressedBytes(Long.MAX_VALUE)
            .withMaxPolicies(Long.MAX_VALUE)
            .withMaxFailureDetails(Long.MAX_VALUE);

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Readers() {
    }

    /**
     * Wraps gzip bytes the way a user would, with a 64 KiB buffer.
     *
     * @param compressed the gzip stream
     * @return the decompressed stream
     * @throws IOException when the gzip header is broken
     */
    public static InputStream gunzip(InputStream compressed) throws IOException {
        return new GZIPInputStream(compressed, BUFFER);
    }

    /**
     * Reads a stream to its end and throws the bytes away: the inflate limit when {@code in} is a
     * {@link GZIPInputStream}.
     *
     * @param in the stream
     * @return the number of bytes read
     * @throws IOException when reading fails
     */
    public static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /**
     * The Jackson 3 token loop: every token of the document, nothing built (string values are not even
     * decoded). The fastest anything built on jackson-core can read JSON.
     *
     * @param in plain JSON
     * @return the number of tokens
     */
    public static long tokenLoop(InputStream in) {
        long tokens = 0;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /**
     * The decode loop: the token loop that also decodes every member name, string value ({@code getString})
     * and integer ({@code getLongValue}), the least any reader that keeps the values must do. Builds nothing.
     *
     * @param in plain JSON
     * @return the number of tokens plus the lengths of the strings and the integers' low bits (so that no
     *     decoding is dead code)
     */
    public static long decodeLoop(InputStream in) {
        long sum = 0;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                sum++;
                switch (t) {
                    case PROPERTY_NAME -> sum += p.currentName().length();
                    case VALUE_STRING -> sum += p.getString().length();
                    case VALUE_NUMBER_INT -> sum += p.getLongValue() & 0xff;
                    default -> {
                    }
                }
            }
        }
        return sum;
    }

    /**
     * {@link TlsRpt#stream(InputStream, ParseOptions, ReportVisitor)} with a visitor that keeps nothing.
     *
     * @param in the report, plain or gzip
     * @return headers + policies + failure details + deviations delivered, plus the failed session counts
     *     (so that nothing is dead code)
     * @throws IOException when reading fails
     */
    public static long stream(InputStream in) throws IOException {
        return stream(in, OPTIONS);
    }

    /**
     * {@link TlsRpt#stream(InputStream, ParseOptions, ReportVisitor)} with other options (here: where the
     * inflating thread starts) and a visitor that keeps nothing.
     *
     * @param in the report, plain or gzip
     * @param options the options
     * @return as {@link #stream(InputStream)}
     * @throws IOException when reading fails
     */
    public static long stream(InputStream in, ParseOptions options) throws IOException {
        CountingVisitor visitor = new CountingVisitor();
        TlsRpt.stream(in, options, visitor);
        return visitor.calls + visitor.sessions;
    }

    /**
     * {@link TlsRpt#parse(InputStream, ParseOptions)}: the whole report as records.
     *
     * @param in the report, plain or gzip
     * @return the report
     * @throws IOException when reading fails
     */
    public static TlsReport parse(InputStream in) throws IOException {
        return TlsRpt.parse(in, OPTIONS);
    }

    /**
     * Jackson databind {@code readTree}: the whole document as a {@link JsonNode} tree.
     *
     * @param in plain JSON
     * @return the tree
     */
    public static JsonNode readTree(InputStream in) {
        return MAPPER.readTree(in);
    }

    /**
     * Jackson databind straight into {@link PlainRecords}: what a user would write without tlsrpt-java.
     *
     * @param in plain JSON
     * @return the report
     */
    public static PlainRecords.Report readRecords(InputStream in) {
        return MAPPER.readValue(in, PlainRecords.Report.class);
    }

    /**
     * Jackson databind {@code readTree}, then the tree mapped to {@link PlainRecords}.
     *
     * @param in plain JSON
     * @return the report
     */
    public static PlainRecords.Report readTreeThenRecords(InputStream in) {
        return MAPPER.treeToValue(MAPPER.readTree(in), PlainRecords.Report.class);
    }

    /** Counts what {@link TlsRpt#stream} delivers and keeps nothing else. */
    static final class CountingVisitor implements ReportVisitor {
        long calls;
        long headers;
        long policies;
        long failureDetails;
        long deviations;
        long sessions;

        @Override
        public void header(ReportHeader header) {
            calls++;
            headers++;
        }

        @Override
        public void policy(Policy policy, Summary summary) {
            calls++;
            policies++;
            sessions += summary.totalFailureSessionCount();
        }

        @Override
        public void failureDetail(Policy policy, FailureDetail detail) {
            calls++;
            failureDetails++;
            sessions += detail.failedSessionCount();
        }

        @Override
        public void deviation(Deviation deviation) {
            calls++;
            deviations++;
        }
    }
}
