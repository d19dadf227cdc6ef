package dev.tlsrpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the benchmarks from rotting: each reads the 10 KB report to the right values, and each runs once
 * through the JMH harness (in this JVM, one short iteration). Nothing here is timed.
 */
class BenchmarkSmokeTest {

    private static ReportFiles.Report plain;
    private static ReportFiles.Report gzip;
    private static byte[] plainBytes;
    private static byte[] gzipBytes;

    @BeforeAll
    static void generate() throws IOException {
        plain = ReportFiles.get("10KB", false);
        gzip = ReportFiles.get("10KB", true);
        plainBytes = Files.readAllBytes(plain.path());
        gzipBytes = Files.readAllBytes(gzip.path());
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void theBaselinesReadTheWholeReport() throws IOException {
        long tokens = Readers.tokenLoop(in(plainBytes));
        // each failure detail is an object of at least 4 members: 10 tokens or more
        assertThat(tokens).isGreaterThan(10 * plain.stats().failureDetails());
        assertThat(Readers.tokenLoop(Readers.gunzip(in(gzipBytes)))).isEqualTo(tokens);
        assertThat(Readers.drain(Readers.gunzip(in(gzipBytes)))).isEqualTo(plain.stats().bytes());
        long decoded = Readers.decodeLoop(in(plainBytes));
        assertThat(decoded).as("tokens plus string lengths and number bits").isGreaterThan(tokens + plain.stats()
                .bytes() / 3);
        assertThat(Readers.decodeLoop(Readers.gunzip(in(gzipBytes)))).isEqualTo(decoded);

        JsonNode tree = Readers.readTree(in(plainBytes));
        assertThat(tree.get("policies").size()).isEqualTo(plain.stats().policies());
        PlainRecords.Report records = Readers.readRecords(Readers.gunzip(in(gzipBytes)));
        assertThat(records.policies()).hasSize((int) plain.stats().policies());
        assertThat(records.policies().stream()
                .mapToLong(p -> p.failureDetails() == null ? 0 : p.failureDetails().size()).sum())
                .isEqualTo(plain.stats().failureDetails());
        assertThat(Readers.readTreeThenRecords(in(plainBytes))).isEqualTo(records);
    }

    @Test
    void theBenchmarkMethodsReturnTheSameValuesAsTheReaders() throws IOException {
        long tokens = Readers.tokenLoop(in(plainBytes));
        ReportBenchmark report = new ReportBenchmark();
        report.size = "10KB";
        for (String encoding : new String[] {"plain", "gzip"}) {
            report.encoding = encoding;
            report.setUp();
            assertThat(report.tokenLoop()).isEqualTo(tokens);
            assertThat(report.decodeLoop()).isEqualTo(Readers.decodeLoop(in(plainBytes)));
            assertThat(report.databindTree().get("policies").size()).isEqualTo(plain.stats().policies());
            assertThat(report.databindRecords().policies()).hasSize((int) plain.stats().policies());
            assertThat(report.databindTreeThenRecords()).isEqualTo(report.databindRecords());
        }
        GzipBenchmark gz = new GzipBenchmark();
        gz.size = "10KB";
        gz.setUp();
        assertThat(gz.drain()).isEqualTo(plain.stats().bytes());
        long streamed = Readers.stream(in(gzipBytes));
        assertThat(gz.streamOneThread()).isEqualTo(streamed);
        assertThat(gz.streamTwoThreads()).isEqualTo(streamed);
    }

    /** Every benchmark method. */
    static final String SMOKE_METHODS = "(tokenLoop|decodeLoop|stream|parse|databindTree|databindRecords"
            + "|databindTreeThenRecords|drain|streamOneThread|streamTwoThreads"
            + "|oneThread|twoThreadsMerging|mergeHalves|summary)";

    @Test
    void everyBenchmarkRunsOnceThroughJmh() throws RunnerException {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("dev\\.tlsrpt\\.bench\\.(ReportBenchmark|GzipBenchmark|AggregateBenchmark)\\." + SMOKE_METHODS + "$")
                .param("size", "10KB")
                .param("reports", "200")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        Set<String> ran = new HashSet<>();
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
            String encoding = r.getParams().getParam("encoding");
            ran.add(r.getParams().getBenchmark().replace("dev.tlsrpt.bench.", "")
                    + (encoding == null ? "" : "/" + encoding));
        }
        assertThat(ran).containsExactlyInAnyOrder(
                "ReportBenchmark.tokenLoop/plain", "ReportBenchmark.tokenLoop/gzip",
                "ReportBenchmark.decodeLoop/plain", "ReportBenchmark.decodeLoop/gzip",
                "ReportBenchmark.stream/plain", "ReportBenchmark.stream/gzip",
                "ReportBenchmark.parse/plain", "ReportBenchmark.parse/gzip",
                "ReportBenchmark.databindTree/plain", "ReportBenchmark.databindTree/gzip",
                "ReportBenchmark.databindRecords/plain", "ReportBenchmark.databindRecords/gzip",
                "ReportBenchmark.databindTreeThenRecords/plain", "ReportBenchmark.databindTreeThenRecords/gzip",
                "GzipBenchmark.drain", "GzipBenchmark.streamOneThread", "GzipBenchmark.streamTwoThreads",
                "AggregateBenchmark.oneThread", "AggregateBenchmark.twoThreadsMerging", "AggregateBenchmark.parse",
                "AggregateBenchmark.mergeHalves",
                "AggregateBenchmark.summary");
    }
}
