package dev.tlsrpt.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Streams one generated report from its file with {@code TlsRpt.stream} and prints the throughput and the
 * heap high-water mark: the proof that a report of any size reads in bounded memory. Run it in a JVM with a
 * small heap:
 *
 * <pre>
 * java -Xmx64m -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.StreamHeapMain 1GB gzip
 * java -Xmx64m -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.StreamHeapMain 1GB gzip one-thread
 * </pre>
 *
 * <p>Arguments: the size (default {@code 1GB}), {@code plain} or {@code gzip} (default), and
 * {@code one-thread} to inflate on the calling thread (by default gzip past 1 MiB is inflated on a second
 * thread). The file is generated first when
 * missing (in the same bounded memory); the peaks are reset after that. The last line is machine-readable:
 * {@code RESULT bytes=... policies=... failureDetails=... peakHeapBytes=... maxLiveAfterGcBytes=...}.
 */
public final class StreamHeapMain {

    private StreamHeapMain() {
    }

    /**
     * Streams the report and prints what it cost.
     *
     * @param args size, encoding, optional {@code one-thread}
     * @throws IOException when the report cannot be generated or read
     */
    public static void main(String[] args) throws IOException {
        String size = args.length > 0 ? args[0] : "1GB";
        boolean gzip = args.length <= 1 || args[1].equals("gzip");
        boolean thread = !(args.length > 2 && args[2].equals("one-thread"));
        ReportFiles.Report report = ReportFiles.get(size, gzip);

        AtomicLong maxLiveAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            used += u.getUsed();
                        }
                        maxLiveAfterGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
        System.gc();
        maxLiveAfterGc.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long gcsBefore = gcCount();

        long start = System.nanoTime();
        Readers.CountingVisitor visitor = new Readers.CountingVisitor();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(report.path()), Readers.BUFFER)) {
            dev.tlsrpt.TlsRpt.stream(in, thread ? Readers.OPTIONS
                    : Readers.OPTIONS.withParallelInflateThreshold(Long.MAX_VALUE), visitor);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long peak = 0;
        StringBuilder pools = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long used = pool.getPeakUsage().getUsed();
                peak += used;
                pools.append(String.format(Locale.ROOT, " %s %.1f MB;", pool.getName(), used / 1e6));
            }
        }
        if (visitor.failureDetails != report.stats().failureDetails()
                || visitor.policies != report.stats().policies()) {
            throw new IllegalStateException("streamed " + visitor.policies + " policies and "
                    + visitor.failureDetails + " failure details, the generator wrote " + report.stats());
        }
        System.out.printf(Locale.ROOT, "%s (%,d bytes on disk), %s%n", report.path().getFileName(),
                report.fileBytes(), thread && gzip ? "inflating on a second thread past 1 MiB"
                : "TlsRpt.stream on one thread");
        System.out.printf(Locale.ROOT, "streamed %,d bytes of JSON, %,d policies, %,d failure details in %.1f s: "
                + "%.1f MB/s%n", report.stats().bytes(), visitor.policies, visitor.failureDetails, seconds,
                report.stats().bytes() / 1e6 / seconds);
        System.out.printf(Locale.ROOT, "heap: max %.1f MB (-Xmx), high-water mark %.1f MB (sum of pool peaks:%s),"
                + " most live after a GC %.1f MB, %d GCs%n", Runtime.getRuntime().maxMemory() / 1e6, peak / 1e6,
                pools, maxLiveAfterGc.get() / 1e6, gcCount() - gcsBefore);
        System.out.printf(Locale.ROOT, "RESULT bytes=%d policies=%d failureDetails=%d peakHeapBytes=%d "
                + "maxLiveAfterGcBytes=%d maxHeapBytes=%d seconds=%.3f%n", report.stats().bytes(),
                visitor.policies, visitor.failureDetails, peak, maxLiveAfterGc.get(),
                Runtime.getRuntime().maxMemory(), seconds);
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
