package dev.tlsrpt.bench;

import dev.tlsrpt.ParseOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readers of {@link ReportBenchmark} timed by CPU time instead of wall time, for a machine shared with
 * other work: the CPU time of the calling thread (the critical path: on a machine with a core to spare, a
 * reader that inflates on a second thread takes about this long) and of the whole process (all the work,
 * with the inflater thread, the garbage collector and the compiler). The readers take turns, round after
 * round, and each figure is the median of the measured rounds, so that a change of load hits them alike. A
 * busy machine still slows every reader (caches, memory bandwidth), but far less than it changes wall time.
 *
 * <pre>
 * java -Xmx3g -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.CpuTimeMain 10KB 10MB 200MB
 * </pre>
 */
public final class CpuTimeMain {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuTimeMain() {
    }

    private interface Reader {
        long read(byte[] data) throws IOException;
    }

    private record Named(String name, boolean gzip, Reader reader) {
    }

    /**
     * Times every reader on each size and prints a table.
     *
     * @param args the sizes (default 10KB 10MB 200MB)
     * @throws IOException when a report cannot be generated or read
     */
    public static void main(String[] args) throws IOException {
        List<String> sizes = args.length == 0 ? List.of("10KB", "10MB", "200MB") : List.of(args);
        ParseOptions oneThread = Readers.OPTIONS.withParallelInflateThreshold(Long.MAX_VALUE);
        ParseOptions twoThreads = Readers.OPTIONS.withParallelInflateThreshold(0);
        List<Named> readers = List.of(
                new Named("Jackson token loop", false, d -> Readers.tokenLoop(new ByteArrayInputStream(d))),
                new Named("Jackson decode loop", false, d -> Readers.decodeLoop(new ByteArrayInputStream(d))),
                new Named("TlsRpt.stream", false, d -> Readers.stream(new ByteArrayInputStream(d))),
                new Named("TlsRpt.parse", false, d -> Readers.parse(new ByteArrayInputStream(d)).policies().size()),
                new Named("GZIPInputStream drain", true, CpuTimeMain::drain),
                new Named("Jackson token loop over GZIPInputStream", true,
                        d -> Readers.tokenLoop(Readers.gunzip(new ByteArrayInputStream(d)))),
                new Named("Jackson decode loop over GZIPInputStream", true,
                        d -> Readers.decodeLoop(Readers.gunzip(new ByteArrayInputStream(d)))),
                new Named("TlsRpt.stream, inflating on the calling thread", true,
                        d -> Readers.stream(new ByteArrayInputStream(d), oneThread)),
                new Named("TlsRpt.stream, inflating on a 2nd thread", true,
                        d -> Readers.stream(new ByteArrayInputStream(d), twoThreads)),
                new Named("TlsRpt.parse", true, d -> Readers.parse(new ByteArrayInputStream(d)).policies().size()));

        System.out.printf(Locale.ROOT, "Machine: %s; load average before %s%n%n", BenchMain.machine(),
                BenchMain.loadAverage());
        System.out.println("| report | input | reader | CPU time, calling thread | CPU time, process "
                + "| MB/s by the calling thread's CPU time | × decode loop (calling thread) |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        long sink = 0;
        for (String size : sizes) {
            byte[] plain = Files.readAllBytes(ReportFiles.get(size, false).path());
            byte[] gzip = Files.readAllBytes(ReportFiles.get(size, true).path());
            long jsonBytes = ReportFiles.get(size, false).stats().bytes();
            // about 0.2 s of work per reader per round, at least one read
            int reps = (int) Math.max(1, Math.min(20_000, 60_000_000L / jsonBytes));
            int rounds = 12;
            Map<Named, List<double[]>> times = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Named r : readers) {
                    byte[] data = r.gzip() ? gzip : plain;
                    long thread0 = THREADS.getCurrentThreadCpuTime();
                    long process0 = OS.getProcessCpuTime();
                    for (int i = 0; i < reps; i++) {
                        sink += r.reader().read(data);
                    }
                    double thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e3 / reps;
                    double process = (OS.getProcessCpuTime() - process0) / 1e3 / reps;
                    if (round >= rounds / 3) { // the first third warms up
                        times.computeIfAbsent(r, k -> new ArrayList<>()).add(new double[] {thread, process});
                    }
                }
            }
            Map<Boolean, Double> decode = new LinkedHashMap<>();
            for (Named r : readers) {
                if (r.name().startsWith("Jackson decode loop")) {
                    decode.put(r.gzip(), median(times.get(r), 0));
                }
            }
            for (Named r : readers) {
                double thread = median(times.get(r), 0);
                double process = median(times.get(r), 1);
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f | %.2f |%n", size,
                        r.gzip() ? "gzip" : "plain", r.name(), micros(thread), micros(process),
                        jsonBytes / thread, decode.get(r.gzip()) / thread);
            }
        }
        System.out.printf(Locale.ROOT, "%nload average after %s (%d)%n", BenchMain.loadAverage(), sink % 10);
    }

    private static double median(List<double[]> values, int column) {
        double[] v = values.stream().mapToDouble(a -> a[column]).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static String micros(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000)
                : String.format(Locale.ROOT, "%.1f µs", us);
    }

    private static long drain(byte[] gzip) throws IOException {
        try (java.io.InputStream in = Readers.gunzip(new ByteArrayInputStream(gzip))) {
            return Readers.drain(in);
        }
    }
}
