package dev.tlsrpt.bench;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.analysis.ReportAggregate;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap an aggregate holds after many reports: reports of the generated mailbox
 * ({@link AggregateBenchmark#mailboxReport}) are generated, parsed and added one at a time (nothing else is
 * kept), and at each count the heap in use after a full GC, less what it was before the first report, is
 * printed, with bytes per report. Then every report already added is added again: copies are duplicates,
 * so the heap should not grow.
 *
 * <pre>
 * java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.AggregateHeapMain 10000 20000
 * </pre>
 *
 * <p>The last line is machine-readable: {@code RESULT reports=... heapBytes=... ...} for each count.
 */
public final class AggregateHeapMain {

    private AggregateHeapMain() {
    }

    /** The heap held at one count of reports added. */
    record Step(long added, long reports, long duplicates, long keys, long heapBytes) {
        double bytesPerReport() {
            return (double) heapBytes / reports;
        }
    }

    /**
     * Adds the reports and prints the heap held.
     *
     * @param args the counts at which to measure, ascending (default {@code 10000 20000})
     */
    public static void main(String[] args) {
        int[] counts = args.length == 0 ? new int[] {10_000, 20_000} : new int[args.length];
        for (int i = 0; i < args.length; i++) {
            counts[i] = Integer.parseInt(args[i]);
        }
        run(counts, System.out);
    }

    /**
     * Adds the reports up to each count, measuring the heap at each, then adds them all again as copies.
     *
     * @param counts ascending counts of distinct reports
     * @param out where the lines go
     * @return one step per count, then one after the copies
     */
    static List<Step> run(int[] counts, PrintStream out) {
        long before = usedAfterGc();
        ReportAggregate aggregate = ReportAggregate.create();
        List<Step> steps = new ArrayList<>();
        int added = 0;
        for (int count : counts) {
            for (; added < count; added++) {
                aggregate.add(TlsRpt.parse(AggregateBenchmark.mailboxReport(added), ParseOptions.lenient()));
            }
            steps.add(step(added, aggregate, before));
        }
        for (int i = 0; i < added; i++) {
            aggregate.add(TlsRpt.parse(AggregateBenchmark.mailboxReport(i), ParseOptions.lenient()));
        }
        steps.add(step(2L * added, aggregate, before));
        Reference.reachabilityFence(aggregate);

        out.printf(Locale.ROOT, "%-14s %10s %11s %10s %14s %16s%n", "reports added", "distinct", "duplicates",
                "keys", "heap held", "bytes per report");
        StringBuilder result = new StringBuilder("RESULT");
        for (Step s : steps) {
            out.printf(Locale.ROOT, "%,14d %,10d %,11d %,10d %11.1f MB %,16.0f%n", s.added(), s.reports(),
                    s.duplicates(), s.keys(), s.heapBytes() / 1e6, s.bytesPerReport());
            result.append(String.format(Locale.ROOT, " added=%d reports=%d duplicates=%d heapBytes=%d", s.added(),
                    s.reports(), s.duplicates(), s.heapBytes()));
        }
        out.printf(Locale.ROOT, "heap: max %.0f MB (-Xmx), %s%n", Runtime.getRuntime().maxMemory() / 1e6,
                ManagementFactory.getRuntimeMXBean().getVmName() + " " + System.getProperty("java.version"));
        out.println(result);
        return steps;
    }

    private static Step step(long added, ReportAggregate aggregate, long before) {
        return new Step(added, aggregate.reports(), aggregate.duplicates(), aggregate.keys(),
                usedAfterGc() - before);
    }

    /** The heap in use after full collections, once it stops shrinking. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
