package dev.tlsrpt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ReportBenchmark} and {@link GzipBenchmark} in one JMH run through the Runner API, then prints
 * (and writes to {@code target/bench-results.md}) the table of MB/s and ratios against the token loop and the
 * decode loop, and the targets of issue 18, each met or not. The figures of the README come from here:
 *
 * <pre>
 * java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.BenchMain            # the full run
 * java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.BenchMain --quick    # a few minutes
 * </pre>
 *
 * <p>Options: {@code --sizes 10KB,10MB,200MB}, {@code --warmup 3}, {@code --iterations 5},
 * {@code --time 2} (seconds per iteration), {@code --forks 1}, {@code --xmx 3g} (heap of the forked JVM,
 * databind trees of 200 MB need it), {@code --include REGEX} (benchmark methods), {@code --out FILE}.
 */
public final class BenchMain {

    /** MB in MB/s: decimal, 10^6 bytes. */
    private static final double MB = 1e6;

    private static final List<String> PLAIN_ORDER = List.of("tokenLoop", "decodeLoop", "stream", "parse",
            "databindTree", "databindRecords", "databindTreeThenRecords");
    private static final List<String> GZIP_ORDER = List.of("drain", "tokenLoop", "decodeLoop", "stream",
            "streamOneThread", "streamTwoThreads", "parse", "databindTree", "databindRecords",
            "databindTreeThenRecords");

    private BenchMain() {
    }

    /** One measured score: reports per second and its 99.9 % error. */
    private record Score(double opsPerSecond, double error) {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args see the class comment
     * @throws IOException when the reports cannot be generated or the table written
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws IOException, RunnerException {
        List<String> sizes = List.of("10KB", "10MB", "200MB");
        int warmup = 3;
        int iterations = 5;
        int seconds = 2;
        int forks = 1;
        String xmx = "3g";
        String include = ".*";
        Path out = Path.of(ReportFiles.directory().getParent().toString(), "bench-results.md");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> {
                    sizes = List.of("10KB", "10MB");
                    warmup = 2;
                    iterations = 3;
                    seconds = 1;
                }
                case "--sizes" -> sizes = List.of(args[++i].split(","));
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--time" -> seconds = Integer.parseInt(args[++i]);
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--include" -> include = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }

        Map<String, ReportGenerator.Stats> stats = new LinkedHashMap<>();
        for (String size : sizes) {
            stats.put(size, ReportFiles.get(size, false).stats());
            ReportFiles.Report gz = ReportFiles.get(size, true);
            if (gz.stats().bytes() != stats.get(size).bytes()) {
                throw new IllegalStateException("plain and gzip reports of " + size + " differ");
            }
        }
        String loadBefore = loadAverage();
        long started = System.nanoTime();

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.tlsrpt\\.bench\\.(ReportBenchmark|GzipBenchmark)\\." + include)
                .param("size", sizes.toArray(String[]::new))
                .forks(forks)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgs("-Xms" + xmx, "-Xmx" + xmx,
                        "-D" + ReportFiles.DIR_PROPERTY + "=" + ReportFiles.directory())
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolveSibling("jmh-result.json").toString());
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String method = full.substring(full.lastIndexOf('.') + 1);
            String encoding = r.getParams().getParam("encoding");
            scores.put(key(r.getParams().getParam("size"), encoding == null ? "gzip" : encoding, method),
                    new Score(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        String report = table(sizes, stats, scores, warmup, iterations, seconds, forks, xmx, loadBefore,
                loadAverage(), (System.nanoTime() - started) / 60e9);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static String key(String size, String encoding, String method) {
        return size + "/" + encoding + "/" + method;
    }

    private static String table(List<String> sizes, Map<String, ReportGenerator.Stats> stats,
            Map<String, Score> scores, int warmup, int iterations, int seconds, int forks, String xmx,
            String loadBefore, String loadAfter, double minutes) {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine()).append('\n');
        s.append(String.format(Locale.ROOT, "Run: JMH 1.37, %d fork(s) with -Xmx%s, %d warmup + %d measurement "
                + "iterations of %d s, %.0f min; load average before %s, after %s.%n%n", forks, xmx, warmup,
                iterations, seconds, minutes, loadBefore, loadAfter));
        s.append("| report | input | reader | MB/s | ± (99.9 %) | time per report | × token loop "
                + "| × decode loop |\n");
        s.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (String size : sizes) {
            ReportGenerator.Stats st = stats.get(size);
            for (String encoding : List.of("plain", "gzip")) {
                Score base = scores.get(key(size, encoding, "tokenLoop"));
                Score decode = scores.get(key(size, encoding, "decodeLoop"));
                for (String method : encoding.equals("plain") ? PLAIN_ORDER : GZIP_ORDER) {
                    Score sc = scores.get(key(size, encoding, method));
                    if (sc == null) {
                        continue;
                    }
                    s.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %s | %s | %s |%n", size,
                            encoding, label(method, encoding), sc.opsPerSecond() * st.bytes() / MB,
                            sc.error() * st.bytes() / MB, time(1 / sc.opsPerSecond()), times(sc, base),
                            times(sc, decode)));
                }
            }
        }
        s.append('\n');
        for (String size : sizes) {
            ReportGenerator.Stats st = stats.get(size);
            s.append(String.format(Locale.ROOT, "%s: %,d bytes of JSON, %,d policies, %,d failure details.%n",
                    size, st.bytes(), st.policies(), st.failureDetails()));
        }
        s.append('\n').append(targets(sizes, scores));
        return s.toString();
    }

    private static String times(Score a, @Nullable Score b) {
        return b == null ? "" : String.format(Locale.ROOT, "%.2f", a.opsPerSecond() / b.opsPerSecond());
    }

    private static String label(String method, String encoding) {
        return switch (method) {
            case "drain" -> "GZIPInputStream drain (inflate limit)";
            case "tokenLoop" -> encoding.equals("gzip") ? "Jackson token loop over GZIPInputStream"
                    : "Jackson token loop";
            case "decodeLoop" -> encoding.equals("gzip") ? "Jackson decode loop over GZIPInputStream"
                    : "Jackson decode loop";
            case "stream" -> encoding.equals("gzip") ? "TlsRpt.stream (2nd thread past 1 MiB gzip)"
                    : "TlsRpt.stream";
            case "streamOneThread" -> "TlsRpt.stream, inflating on the calling thread";
            case "streamTwoThreads" -> "TlsRpt.stream, inflating on a 2nd thread from the start";
            case "parse" -> "TlsRpt.parse";
            case "databindTree" -> "databind readTree";
            case "databindRecords" -> "databind into records";
            case "databindTreeThenRecords" -> "databind readTree + treeToValue records";
            default -> method;
        };
    }

    private static String time(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }

    private static String targets(List<String> sizes, Map<String, Score> scores) {
        StringBuilder s = new StringBuilder("Targets of issue 18 (ratios of the same run):\n\n");
        String large = null;
        for (String size : sizes) {
            if (ReportFiles.parseSize(size) >= 10_000_000
                    && (large == null || ReportFiles.parseSize(size) > ReportFiles.parseSize(large))) {
                large = size;
            }
        }
        if (large != null) {
            ratio(s, large + " gzip: TlsRpt.stream ≥ 1.0× the token loop over GZIPInputStream",
                    scores.get(key(large, "gzip", "stream")), scores.get(key(large, "gzip", "tokenLoop")),
                    1.0);
            ratio(s, large + " gzip: TlsRpt.stream inflating on a 2nd thread from the start ≥ 1.0× the token loop"
                    + " over GZIPInputStream", scores.get(key(large, "gzip", "streamTwoThreads")),
                    scores.get(key(large, "gzip", "tokenLoop")), 1.0);
            ratio(s, large + " plain: TlsRpt.stream ≥ 0.85× the decode loop",
                    scores.get(key(large, "plain", "stream")), scores.get(key(large, "plain", "decodeLoop")), 0.85);
        }
        if (sizes.contains("10KB")) {
            Score parse = scores.get(key("10KB", "gzip", "parse"));
            Score loop = scores.get(key("10KB", "gzip", "decodeLoop"));
            if (parse != null && loop != null) {
                double timeRatio = loop.opsPerSecond() / parse.opsPerSecond();
                s.append(String.format(Locale.ROOT, "- 10KB gzip: TlsRpt.parse time ≤ 1.2× (GZIPInputStream + "
                        + "decode loop) time: %.2f× — %s%n", timeRatio,
                        timeRatio <= 1.2 ? "**met**" : "**not met**"));
            }
        }
        s.append("- whole process on a report of several hundred MB: see src/main/python/whole_process.py\n");
        return s.toString();
    }

    private static void ratio(StringBuilder s, String what, @Nullable Score a, @Nullable Score b, double atLeast) {
        if (a == null || b == null) {
            s.append("- ").append(what).append(": not measured in this run\n");
            return;
        }
        double r = a.opsPerSecond() / b.opsPerSecond();
        s.append(String.format(Locale.ROOT, "- %s: %.2f× — %s%n", what, r, r >= atLeast ? "**met**" : "**not met**"));
    }

    /**
     * The machine, as the README describes it: processors, memory, CPU model, JVM.
     *
     * @return one line
     */
    static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, ", %.1f GiB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say less
        }
        return String.format(Locale.ROOT, "%d processors (%s)%s, %s %s (%s)", Runtime.getRuntime()
                .availableProcessors(), cpu, memory, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
    }

    /**
     * The 1, 5 and 15 minute load averages from {@code /proc/loadavg}.
     *
     * @return the three numbers, or "unknown"
     */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
