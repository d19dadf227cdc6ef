package dev.tlsrpt.bench;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Many reports added up by {@link ReportAggregate}: a mailbox of {@link #reports} small generated reports
 * ({@link ReportGenerator#writeMailboxReport}: {@value #REPORTERS} reporters, {@value #DOMAINS} policy domains,
 * one report per reporter, domain and day), parsed ahead, fed to one aggregate on one thread, or half each
 * to two aggregates on two threads that are then merged; with the cost of the merge step alone, of parsing
 * the same reports and of the summary of all of them for comparison. An operation is all {@link #reports} reports: reports per
 * second is the score times {@link #reports} ({@link AggregateMain} prints them so).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AggregateBenchmark {

    /** The reporters of the generated mailbox. */
    public static final int REPORTERS = 20;
    /** The policy domains of the generated mailbox. */
    public static final int DOMAINS = 5;

    /** How many reports one operation adds up. */
    @Param({"10000"})
    public int reports = 10_000;

    private List<byte[]> json = List.of();
    private List<TlsReport> parsed = List.of();
    private ReportAggregate all = ReportAggregate.create();
    private ReportAggregate firstHalf = ReportAggregate.create();
    private ReportAggregate secondHalf = ReportAggregate.create();
    private ExecutorService pool = Executors.newFixedThreadPool(1);

    /** Creates the benchmark; JMH calls {@link #setUp()} before measuring. */
    public AggregateBenchmark() {
    }

    /** Generates and parses the reports, and starts the two threads of {@link #twoThreadsMerging()}. */
    @Setup
    public void setUp() {
        json = mailbox(reports);
        List<TlsReport> list = new ArrayList<>(reports);
        for (byte[] b : json) {
            list.add(TlsRpt.parse(b, ParseOptions.lenient()));
        }
        parsed = List.copyOf(list);
        all = aggregate(parsed, 0, parsed.size());
        firstHalf = aggregate(parsed, 0, parsed.size() / 2);
        secondHalf = aggregate(parsed, parsed.size() / 2, parsed.size());
        pool.shutdownNow();
        pool = Executors.newFixedThreadPool(2);
    }

    /** Stops the threads. */
    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    /**
     * The JSON of the first {@code count} reports of the generated mailbox.
     *
     * @param count how many
     * @return one compact JSON document per report
     */
    public static List<byte[]> mailbox(int count) {
        List<byte[]> reports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reports.add(mailboxReport(i));
        }
        return reports;
    }

    /**
     * The JSON of report {@code index} of the generated mailbox.
     *
     * @param index from 0
     * @return the compact JSON document
     */
    public static byte[] mailboxReport(long index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ReportGenerator.writeMailboxReport(out, index, REPORTERS, DOMAINS, ReportFiles.SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream failed", e);
        }
        return out.toByteArray();
    }

    static ReportAggregate aggregate(List<TlsReport> reports, int from, int to) {
        ReportAggregate a = ReportAggregate.create();
        for (int i = from; i < to; i++) {
            a.add(reports.get(i));
        }
        return a;
    }

    /**
     * Every report added to one aggregate on this thread.
     *
     * @return the aggregate
     */
    @Benchmark
    public ReportAggregate oneThread() {
        return aggregate(parsed, 0, parsed.size());
    }

    /**
     * Half of the reports added to an aggregate on each of two threads, then the two merged.
     *
     * @return the merged aggregate
     * @throws InterruptedException when interrupted while waiting for the threads
     * @throws ExecutionException when a thread failed
     */
    @Benchmark
    public ReportAggregate twoThreadsMerging() throws InterruptedException, ExecutionException {
        int half = parsed.size() / 2;
        Future<ReportAggregate> first = pool.submit(() -> aggregate(parsed, 0, half));
        Future<ReportAggregate> second = pool.submit(() -> aggregate(parsed, half, parsed.size()));
        return first.get().merge(second.get());
    }

    /** A fresh copy of the first half's aggregate for each {@link #mergeHalves(Halves)}, made outside the timing. */
    @State(Scope.Thread)
    public static class Halves {
        ReportAggregate first = ReportAggregate.create();

        /** Creates the state; JMH calls {@link #copy(AggregateBenchmark)} before each invocation. */
        public Halves() {
        }

        /**
         * Copies the first half's aggregate (merging changes the aggregate merged into).
         *
         * @param b the benchmark, holding the halves
         */
        @Setup(Level.Invocation)
        public void copy(AggregateBenchmark b) {
            first = ReportAggregate.create().merge(b.firstHalf);
        }
    }

    /**
     * The merge step alone: the second half's aggregate merged into (a copy of) the first half's, what
     * {@link #twoThreadsMerging()} does after its threads; unlike that, it does not depend on how busy the
     * other core is.
     *
     * @param halves the copy to merge into
     * @return the merged aggregate
     */
    @Benchmark
    public ReportAggregate mergeHalves(Halves halves) {
        return halves.first.merge(secondHalf);
    }

    /**
     * For comparison: parsing the same reports (lenient), which a command reading files pays on top.
     *
     * @return the number of policies read
     */
    @Benchmark
    public long parse() {
        long policies = 0;
        for (byte[] b : json) {
            policies += TlsRpt.parse(b, ParseOptions.lenient()).policies().size();
        }
        return policies;
    }

    /**
     * The summary of the aggregate of every report: totals, day series, findings and reporters.
     *
     * @return the summary
     */
    @Benchmark
    public AggregateSummary summary() {
        return all.summary();
    }
}
