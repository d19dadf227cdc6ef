package dev.tlsrpt.bench;

import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/**
 * Every way of reading a report, side by side on the same generated report held in memory, plain and gzip.
 * Scores are operations (whole reports) per second; {@link BenchMain} turns them into MB/s of decompressed
 * JSON and ratios against {@link #tokenLoop()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReportBenchmark {

    /** The decompressed report size, see {@link ReportFiles#parseSize(String)}. */
    @Param({"10KB", "10MB", "200MB"})
    public String size = "10KB";

    /** {@code plain} JSON or {@code gzip}. */
    @Param({"plain", "gzip"})
    public String encoding = "plain";

    private byte[] bytes = new byte[0];
    private boolean gzip;

    /** Creates the benchmark; JMH calls {@link #setUp()} before measuring. */
    public ReportBenchmark() {
    }

    /**
     * Generates the report file unless a previous run left it, and reads it into memory.
     *
     * @throws IOException when the file cannot be written or read
     */
    @Setup
    public void setUp() throws IOException {
        gzip = switch (encoding) {
            case "plain" -> false;
            case "gzip" -> true;
            default -> throw new IllegalArgumentException("encoding must be plain or gzip, got " + encoding);
        };
        bytes = Files.readAllBytes(ReportFiles.get(size, gzip).path());
    }

    private InputStream raw() {
        return new ByteArrayInputStream(bytes);
    }

    /** The JSON: the raw bytes, or a {@code GZIPInputStream} over them with a 64 KiB buffer. */
    private InputStream json() throws IOException {
        return gzip ? Readers.gunzip(raw()) : raw();
    }

    /**
     * The Jackson 3 token loop (through {@code GZIPInputStream} for gzip): the baseline of every ratio.
     *
     * @return the token count
     * @throws IOException when gzip is broken
     */
    @Benchmark
    public long tokenLoop() throws IOException {
        return Readers.tokenLoop(json());
    }

    /**
     * The decode loop (through {@code GZIPInputStream} for gzip): the token loop that also decodes every
     * string and integer, the second baseline.
     *
     * @return the decoded sum
     * @throws IOException when gzip is broken
     */
    @Benchmark
    public long decodeLoop() throws IOException {
        return Readers.decodeLoop(json());
    }

    /**
     * {@code TlsRpt.stream} with a visitor that keeps nothing; the library sniffs and inflates gzip itself.
     *
     * @return the visitor's count
     * @throws IOException never for in-memory input
     */
    @Benchmark
    public long stream() throws IOException {
        return Readers.stream(raw());
    }

    /**
     * {@code TlsRpt.parse}: the whole report as records; the library sniffs and inflates gzip itself.
     *
     * @return the report
     * @throws IOException never for in-memory input
     */
    @Benchmark
    public TlsReport parse() throws IOException {
        return Readers.parse(raw());
    }

    /**
     * Jackson databind {@code readTree}.
     *
     * @return the tree
     * @throws IOException when gzip is broken
     */
    @Benchmark
    public JsonNode databindTree() throws IOException {
        return Readers.readTree(json());
    }

    /**
     * Jackson databind into plain records.
     *
     * @return the records
     * @throws IOException when gzip is broken
     */
    @Benchmark
    public PlainRecords.Report databindRecords() throws IOException {
        return Readers.readRecords(json());
    }

    /**
     * Jackson databind {@code readTree}, then the tree mapped to plain records.
     *
     * @return the records
     * @throws IOException when gzip is broken
     */
    @Benchmark
    public PlainRecords.Report databindTreeThenRecords() throws IOException {
        return Readers.readTreeThenRecords(json());
    }
}
