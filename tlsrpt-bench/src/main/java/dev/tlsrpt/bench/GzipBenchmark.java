package dev.tlsrpt.bench;

import dev.tlsrpt.ParseOptions;
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

/**
 * The gzip-only measurements on the same reports as {@link ReportBenchmark}: the inflate limit, and
 * {@code TlsRpt.stream} with the inflating thread forced off and forced on
 * ({@link ParseOptions#parallelInflateThreshold()} {@code Long.MAX_VALUE} and 0), whatever the report's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GzipBenchmark {

    /** The decompressed report size, see {@link ReportFiles#parseSize(String)}. */
    @Param({"10KB", "10MB", "200MB"})
    public String size = "10KB";

    private static final ParseOptions ONE_THREAD = Readers.OPTIONS.withParallelInflateThreshold(Long.MAX_VALUE);
    private static final ParseOptions TWO_THREADS = Readers.OPTIONS.withParallelInflateThreshold(0);

    private byte[] bytes = new byte[0];

    /** Creates the benchmark; JMH calls {@link #setUp()} before measuring. */
    public GzipBenchmark() {
    }

    /**
     * Generates the gzip report file unless a previous run left it, and reads it into memory.
     *
     * @throws IOException when the file cannot be written or read
     */
    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(ReportFiles.get(size, true).path());
    }

    private InputStream raw() {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * {@code GZIPInputStream} read to the end into a 64 KiB buffer: no JSON reader can be faster on one
     * thread.
     *
     * @return the decompressed byte count
     * @throws IOException when gzip is broken
     */
    @Benchmark
    public long drain() throws IOException {
        try (InputStream in = Readers.gunzip(raw())) { // close ends the Inflater: no native memory left to GC
            return Readers.drain(in);
        }
    }

    /**
     * {@code TlsRpt.stream} inflating on the calling thread whatever the size.
     *
     * @return the visitor's count
     * @throws IOException never for in-memory input
     */
    @Benchmark
    public long streamOneThread() throws IOException {
        return Readers.stream(raw(), ONE_THREAD);
    }

    /**
     * {@code TlsRpt.stream} inflating on a second thread from the first chunk whatever the size.
     *
     * @return the visitor's count
     * @throws IOException never for in-memory input
     */
    @Benchmark
    public long streamTwoThreads() throws IOException {
        return Readers.stream(raw(), TWO_THREADS);
    }
}
