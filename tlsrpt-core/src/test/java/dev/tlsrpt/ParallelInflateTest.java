package dev.tlsrpt;

import static dev.tlsrpt.hostile.HostileStreams.gzip;
import static dev.tlsrpt.hostile.HostileStreams.head;
import static dev.tlsrpt.hostile.HostileStreams.join;
import static dev.tlsrpt.hostile.HostileStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsrpt.internal.JsonInput;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gzip inflated on a second thread ({@link ParseOptions#parallelInflateThreshold()}): the same reports and the
 * same errors as on the calling thread, the caller's stream read on the calling thread only, and no thread
 * left behind whatever ends the read. The hostile table and the fuzz checks run at threshold 0 too
 * ({@code HostileInputTest}, {@code ReportChecks.checkAll}).
 */
@Timeout(60) // a hang guard, not a speed claim
class ParallelInflateTest {

    static final ParseOptions THREADED = ParseOptions.lenient().withParallelInflateThreshold(0);
    static final ParseOptions ONE_THREAD = ParseOptions.lenient().withParallelInflateThreshold(Long.MAX_VALUE);

    /** A valid report of {@code details} failure details with varied values (about 150 bytes of JSON each). */
    static String report(int details) {
        Random random = new Random(details);
        StringBuilder b = new StringBuilder(HostileInputTest.HEAD).append("\"policies\":[")
                .append(HostileInputTest.POLICY.replace("}}", "},\"failure-details\":["));
        for (int i = 0; i < details; i++) {
            b.append(i == 0 ? "" : ",").append("{\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"192.0.")
                    .append(random.nextInt(256)).append('.').append(random.nextInt(256))
                    .append("\",\"receiving-mx-hostname\":\"mx").append(random.nextInt(100_000))
                    .append(".example.org\",\"failed-session-count\":").append(random.nextInt(1000)).append('}');
        }
        return b.append("]}]}").toString();
    }

    static final int DETAILS = 20_000;
    static final byte[] LARGE = gzip(report(20_000)); // 3 MB of JSON, 230 kB of gzip

    /** Whether an inflater thread started by this thread (so in its thread group) is alive; cheap. */
    static boolean inflaterAlive() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(threads);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().equals("tlsrpt-inflater") && threads[i].isAlive()) {
                return true;
            }
        }
        return false;
    }

    /** Every inflater thread of the JVM. */
    static int inflaterThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("tlsrpt-inflater") && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    @BeforeEach
    @AfterEach
    void noInflaterThreadIsLeft() {
        assertThat(inflaterThreads()).as("inflater threads alive").isZero();
    }

    /** Counts what it is given and whether an inflater thread was alive while it was called. */
    static class Watching implements ReportVisitor {
        long details;
        boolean sawInflater;

        @Override
        public void failureDetail(Policy policy, FailureDetail detail) {
            details++;
            sawInflater |= inflaterAlive();
        }
    }

    /** The caller's stream, noting which threads read it. */
    static final class Recording extends FilterInputStream {
        final Set<Thread> readers = new HashSet<>();

        Recording(byte[] data) {
            super(new ByteArrayInputStream(data));
        }

        @Override
        public int read() throws IOException {
            readers.add(Thread.currentThread());
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readers.add(Thread.currentThread());
            return super.read(b, off, len);
        }
    }

    // ------------------------------------------------------------------ the same reports

    @ParameterizedTest
    @MethodSource("dev.tlsrpt.CorpusTest#corpusFiles")
    void everyCorpusReportGzippedReadsTheSameOnASecondThread(String name) throws IOException {
        byte[] bytes = CorpusTest.corpusBytes(name);
        boolean gzipped = bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
        byte[] gz = gzipped ? bytes : gzip(bytes);
        ReportChecks.Outcome one = ReportChecks.parse(bytes, ParseOptions.lenient());
        assertThat(ReportChecks.parse(gz, THREADED).identity()).isEqualTo(one.identity());
        assertThat(ReportChecks.stream(gz, THREADED.withStrict(true)).identity())
                .isEqualTo(ReportChecks.parse(bytes, ParseOptions.strict()).identity());
    }

    @Test
    void aLargeReportReadsTheSameAndTheSecondThreadRan() throws IOException {
        ParseResult one = TlsRpt.parseWithDeviations(LARGE, ONE_THREAD);
        assertThat(one.report().policies().get(0).failureDetails()).hasSize(DETAILS);
        assertThat(TlsRpt.parseWithDeviations(LARGE, THREADED)).isEqualTo(one);

        Watching watching = new Watching();
        Recording in = new Recording(LARGE);
        TlsRpt.stream(in, THREADED, watching);
        assertThat(watching.details).isEqualTo(DETAILS);
        assertThat(watching.sawInflater).as("an inflater thread ran").isTrue();
        assertThat(in.readers).as("the caller's stream is read on the calling thread only")
                .containsExactly(Thread.currentThread());

        Watching single = new Watching();
        TlsRpt.stream(new ByteArrayInputStream(LARGE), ONE_THREAD, single);
        assertThat(single.details).isEqualTo(DETAILS);
        assertThat(single.sawInflater).isFalse();
    }

    @Test
    void theSecondThreadStartsOnlyOnceTheThresholdIsPassed() throws IOException {
        // past 100 000 compressed bytes of 230 000, most of the JSON is still to come: the thread is seen
        for (long threshold : new long[] {LARGE.length, 100_000, 0}) {
            Watching watching = new Watching();
            TlsRpt.stream(new ByteArrayInputStream(LARGE), ParseOptions.lenient()
                    .withParallelInflateThreshold(threshold), watching);
            assertThat(watching.details).isEqualTo(DETAILS);
            assertThat(watching.sawInflater).as("threshold %d of %d bytes", threshold, LARGE.length)
                    .isEqualTo(threshold < LARGE.length);
        }
        // the default: a report of a few hundred kilobytes of gzip stays on the calling thread
        assertThat(LARGE.length).isLessThan((int) ParseOptions.DEFAULT_PARALLEL_INFLATE_THRESHOLD);
        Watching byDefault = new Watching();
        TlsRpt.stream(new ByteArrayInputStream(LARGE), byDefault);
        assertThat(byDefault.sawInflater).isFalse();
    }

    @Test
    void aReportDeliveredOneByteAtATimeReadsTheSame() throws IOException {
        byte[] gz = gzip(report(300));
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(gz)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(TlsRpt.parse(trickle, THREADED)).isEqualTo(TlsRpt.parse(gz, ONE_THREAD));
    }

    // ------------------------------------------------------------------ the same errors

    /** Damaged copies of gzip input: cut short, a byte changed, a byte that is not UTF-8 put in. */
    static List<byte[]> damaged() {
        String json = report(2_000);
        byte[] gz = gzip(json);
        List<byte[]> out = new ArrayList<>();
        for (int cut = 1; cut < gz.length; cut += gz.length / 23) {
            out.add(head(gz, cut));
        }
        for (int at = 5; at < gz.length; at += gz.length / 19) {
            byte[] flipped = gz.clone();
            flipped[at] ^= 0x55;
            out.add(flipped);
        }
        for (int at = 300; at < json.length(); at += json.length() / 7) {
            int quote = json.indexOf("mx", at);
            byte[] bytes = utf8(json);
            bytes[quote] = (byte) (at % 2 == 0 ? 0xff : 0xc3); // an invalid byte, or a lead byte without its follower
            out.add(gzip(bytes));
        }
        byte[] plain = utf8(json);
        for (int split : new int[] {1, 100, plain.length / 2}) {
            out.add(join(gzip(head(plain, split)), gzip(java.util.Arrays.copyOfRange(plain, split, plain.length))));
        }
        out.add(join(gz, utf8("garbage")));
        out.add(join(gz, gz));
        return out;
    }

    @Test
    void damagedGzipFailsTheSameWayOnASecondThread() {
        int failures = 0;
        for (byte[] input : damaged()) {
            ReportChecks.Outcome one = ReportChecks.parse(input, ONE_THREAD);
            ReportChecks.Outcome two = ReportChecks.parse(input, THREADED);
            assertThat(two.identity()).isEqualTo(one.identity());
            assertThat(ReportChecks.stream(input, THREADED.withStrict(true)).identity())
                    .isEqualTo(ReportChecks.stream(input, ONE_THREAD.withStrict(true)).identity());
            failures += one.ok() ? 0 : 1;
        }
        assertThat(failures).as("nearly every damaged input fails").isGreaterThan(40);
    }

    @Test
    void limitsStopTheSameWayOnASecondThread() {
        byte[] gz = gzip(report(2_000));
        List<Function<ParseOptions, ParseOptions>> limits = new ArrayList<>();
        for (long bytes : new long[] {1, 5, 6, 7, 1000, 65_536, 100_000, 250_000}) {
            limits.add(o -> o.withMaxDecompressedBytes(bytes));
        }
        for (long bytes : new long[] {1, 2, 10, 11, 1000, gz.length - 9, gz.length - 1}) {
            limits.add(o -> o.withMaxCompressedBytes(bytes));
        }
        limits.add(o -> o.withMaxFailureDetails(1_000));
        limits.add(o -> o.withMaxStringLength(10));
        for (Function<ParseOptions, ParseOptions> limit : limits) {
            ReportChecks.Outcome one = ReportChecks.parse(gz, limit.apply(ONE_THREAD));
            assertThat(one.failure()).isInstanceOf(LimitExceededException.class);
            assertThat(ReportChecks.parse(gz, limit.apply(THREADED)).identity()).isEqualTo(one.identity());
        }
        assertThat(ReportChecks.parse(gz, THREADED.withMaxCompressedBytes(gz.length)).ok()).isTrue();
    }

    // ------------------------------------------------------------------ no thread left behind

    @Test
    void aVisitorThatThrowsLeavesNoThread() {
        IllegalStateException stop = new IllegalStateException("the visitor gives up");
        Watching watching = new Watching() {
            @Override
            public void failureDetail(Policy policy, FailureDetail detail) {
                super.failureDetail(policy, detail);
                if (details == 7_001) {
                    throw stop;
                }
            }
        };
        Exception e = assertThrows(IllegalStateException.class,
                () -> TlsRpt.stream(new ByteArrayInputStream(LARGE), THREADED, watching));
        assertThat(e).isSameAs(stop);
        assertThat(watching.sawInflater).isTrue();
        assertThat(inflaterThreads()).isZero();
    }

    @Test
    void aFailingCallerStreamStaysTheCallersExceptionAndLeavesNoThread() {
        for (int failAt : new int[] {1, 100_000, LARGE.length * 3 / 4}) {
            IOException broken = new IOException("connection reset");
            Watching watching = new Watching();
            Set<Thread> readers = new HashSet<>();
            InputStream in = new FilterInputStream(new ByteArrayInputStream(LARGE)) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    readers.add(Thread.currentThread());
                    if (read >= failAt) {
                        throw broken;
                    }
                    int n = super.read(b, off, (int) Math.min(len, Math.max(1, failAt - read)));
                    read += Math.max(n, 0);
                    return n;
                }
            };
            IOException e = assertThrows(IOException.class, () -> TlsRpt.stream(in, THREADED, watching));
            assertThat(e).isSameAs(broken);
            assertThat(readers).containsExactly(Thread.currentThread());
            assertThat(inflaterThreads()).isZero();
            if (failAt == LARGE.length * 3 / 4) {
                assertThat(watching.sawInflater).isTrue();
                assertThat(watching.details).isBetween(1L, DETAILS - 1L);
            }
        }
    }

    @Test
    void limitsAndBrokenGzipLeaveNoThread() {
        byte[] truncated = head(LARGE, LARGE.length * 2 / 3);
        List<ReportChecks.Outcome> outcomes = List.of(
                ReportChecks.stream(LARGE, THREADED.withMaxDecompressedBytes(2_000_000)),
                ReportChecks.stream(LARGE, THREADED.withMaxFailureDetails(15_000)),
                ReportChecks.parse(LARGE, THREADED.withMaxCompressedBytes(LARGE.length / 2)),
                ReportChecks.stream(truncated, THREADED));
        assertThat(outcomes).extracting(o -> o.failure().getClass().getSimpleName() + " " + (o.failure()
                instanceof LimitExceededException l ? l.limitName() : o.failure().problem())).containsExactly(
                        "LimitExceededException maxDecompressedBytes", "LimitExceededException maxFailureDetails",
                        "LimitExceededException maxCompressedBytes",
                        "MalformedReportException truncated gzip data: the input ends inside the compressed stream");
        assertThat(inflaterThreads()).isZero();
    }

    @Test
    void anInterruptStopsTheReadWithTheInterruptKept() {
        Watching watching = new Watching() {
            @Override
            public void failureDetail(Policy policy, FailureDetail detail) {
                super.failureDetail(policy, detail);
                if (details == 10) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            InterruptedIOException e = assertThrows(InterruptedIOException.class,
                    () -> TlsRpt.stream(new ByteArrayInputStream(LARGE), THREADED, watching));
            assertThat(e).hasMessage("interrupted while reading a report inflated on a second thread");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
            assertThat(watching.details).isBetween(10L, DETAILS - 1L);
            assertThat(inflaterThreads()).isZero();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void openJsonInflatesOnTheCallingThread() throws IOException {
        try (InputStream json = JsonInput.open(new ByteArrayInputStream(LARGE), THREADED)) {
            byte[] first = json.readNBytes(1_500_000);
            assertThat(inflaterThreads()).isZero();
            assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8) + new String(json.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(report(DETAILS));
        }
    }

    @Test
    void openJsonLocatesInvalidUtf8AtTheByteFoundWrongThoughItHoldsBackTheWholeCharacter() {
        // 0xc3 starts a character, 0x28 ('(') cannot continue it: the fault is the 0x28 at offset 23, column 24;
        // the reader gets neither byte, and the bytes before them
        byte[] data = join(utf8("\n"), HostileInputTest.withOrganizationBytes(new byte[] {'a', (byte) 0xc3, 0x28}));
        for (byte[] input : List.of(data, gzip(data))) {
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            MalformedReportException e = assertThrows(MalformedReportException.class, () -> {
                try (InputStream json = JsonInput.open(new ByteArrayInputStream(input),
                        ParseOptions.lenient())) {
                    for (int b; (b = json.read()) >= 0; ) {
                        got.write(b);
                    }
                }
            });
            assertThat(e.problem()).isEqualTo("invalid UTF-8: byte 0x28 where a continuation byte belongs"
                    + " at byte offset 25 of the JSON");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(25);
            assertThat(got.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\n{\"organization-name\":\"a");
        }
    }

    // ------------------------------------------------------------------ the option

    @Test
    void theThresholdIsAnOptionLikeTheOthers() {
        assertThat(ParseOptions.lenient().parallelInflateThreshold()).isEqualTo(1024 * 1024);
        assertThat(ParseOptions.strict().withParallelInflateThreshold(0).parallelInflateThreshold()).isZero();
        assertThat(THREADED).isNotEqualTo(ParseOptions.lenient())
                .isEqualTo(ParseOptions.lenient().withParallelInflateThreshold(0))
                .hasSameHashCodeAs(ParseOptions.lenient().withParallelInflateThreshold(0));
        assertThat(THREADED.toString()).contains("parallelInflateThreshold=0");
        assertThat(THREADED.withStrict(true).withMaxPolicies(5).parallelInflateThreshold()).isZero();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParseOptions.lenient().withParallelInflateThreshold(-1));
        assertThat(e).hasMessage("parallelInflateThreshold must not be negative, got -1");
    }
}
