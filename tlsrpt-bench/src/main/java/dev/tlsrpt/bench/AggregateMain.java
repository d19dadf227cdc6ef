package dev.tlsrpt.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AggregateBenchmark} through the JMH Runner API and prints reports per second for each way,
 * and the ratios the README shows; then, in this JVM, {@link AggregateHeapMain} for the heap held.
 *
 * <pre>
 * java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.AggregateMain
 * </pre>
 *
 * <p>Options: {@code --reports 10000}, {@code --warmup 3}, {@code --iterations 5}, {@code --time 2} (seconds
 * per iteration), {@code --forks 1}, {@code --heap 10000,20000} (the counts of {@link AggregateHeapMain}).
 */
public final class AggregateMain {

    private AggregateMain() {
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args see the class comment
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int reports = 10_000;
        int warmup = 3;
        int iterations = 5;
        int seconds = 2;
        int forks = 1;
        String heap = "10000,20000";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reports" -> reports = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--time" -> seconds = Integer.parseInt(args[++i]);
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String loadBefore = BenchMain.loadAverage();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("dev\\.tlsrpt\\.bench\\.AggregateBenchmark\\.")
                .param("reports", Integer.toString(reports))
                .forks(forks)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .build()).run();
        Map<String, double[]> perSecond = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            perSecond.put(full.substring(full.lastIndexOf('.') + 1), new double[] {
                r.getPrimaryResult().getScore() * reports, r.getPrimaryResult().getScoreError() * reports});
        }
        System.out.println();
        System.out.println("Machine: " + BenchMain.machine());
        System.out.printf(Locale.ROOT, "Run: JMH 1.37, %d fork(s), %d warmup + %d measurement iterations of %d s;"
                + " load average before %s, after %s.%n%n", forks, warmup, iterations, seconds, loadBefore,
                BenchMain.loadAverage());
        System.out.printf(Locale.ROOT, "| %,d reports of the generated mailbox | reports/s | ± (99.9 %%) | per report |%n",
                reports);
        System.out.println("|---|---:|---:|---:|");
        for (String method : new String[] {"oneThread", "twoThreadsMerging", "mergeHalves", "parse", "summary"}) {
            double[] s = perSecond.get(method);
            if (s != null) {
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f µs |%n", label(method), s[0], s[1],
                        1e6 / s[0]);
            }
        }
        double[] one = perSecond.get("oneThread");
        double[] two = perSecond.get("twoThreadsMerging");
        double[] parse = perSecond.get("parse");
        double[] merge = perSecond.get("mergeHalves");
        if (one != null && two != null && parse != null && merge != null) {
            double share = one[0] / merge[0]; // the merge's time as a share of adding every report on one thread
            System.out.printf(Locale.ROOT, "%ntwo threads merging / one thread, measured: %.2f; merging the halves"
                    + " takes %.3f of the time adding them all does, so two idle cores would give at most %.2f;"
                    + " adding a report takes %.2f times as long as parsing it%n", two[0] / one[0], share,
                    1 / (0.5 + share), parse[0] / one[0]);
        }
        System.out.println();
        String[] counts = heap.split(",");
        int[] n = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            n[i] = Integer.parseInt(counts[i].strip());
        }
        AggregateHeapMain.run(n, System.out);
    }

    private static String label(String method) {
        return switch (method) {
            case "oneThread" -> "`add` on one thread";
            case "twoThreadsMerging" -> "`add` on two threads, then `merge`";
            case "mergeHalves" -> "`merge` of the two halves' aggregates alone";
            case "parse" -> "`TlsRpt.parse` of the same reports (for comparison)";
            case "summary" -> "`summary()` of all of them";
            default -> method;
        };
    }
}
