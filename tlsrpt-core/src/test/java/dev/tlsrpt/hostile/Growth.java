package dev.tlsrpt.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * How the cost of an operation grows with its input, for complexity regressions (a regular expression that
 * backtracks, a loop that rescans): the time on an input of size {@code 2n} against the time on size
 * {@code n}, measured robustly (see {@link #ratio}). Linear cost gives a ratio near 2, quadratic near 4. Public so that the other
 * modules' tests reach it through core's test-jar.
 */
public final class Growth {
    /** The largest ratio accepted as linear: 2 plus room for noise, well below the 4 of quadratic cost. */
    public static final double MAX_LINEAR_RATIO = 3.0;

    private static final int RUNS = 5;
    private static final long MIN_RUN_NANOS = 10_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Growth() {
    }

    /**
     * An operation on one input; may throw, e.g. an expected exception the operation catches itself.
     *
     * @param <T> the input type
     */
    @FunctionalInterface
    public interface Op<T> {
        /**
         * Runs the operation once.
         *
         * @param input the input
         * @throws Exception when the operation fails
         */
        void run(T input) throws Exception;
    }

    /**
     * The ratio of the time {@code op} takes on {@code input.apply(2 * n)} to the time on
     * {@code input.apply(n)}. Times are the CPU time of the calling thread, so other processes on the machine
     * do not count; each is the best of several interleaved runs, each run repeated until it lasts long
     * enough to measure. When the ratio comes out above {@link #MAX_LINEAR_RATIO} the measurement is taken
     * again, up to three times, and the smallest ratio is returned: noise only adds time, so a linear
     * operation shows its ratio in one clean measurement while a quadratic one never comes under.
     *
     * @param <T> the input type
     * @param input makes the input of a size
     * @param op the operation
     * @param n the smaller size
     * @return the ratio: about 2 for linear cost
     * @throws Exception when the operation fails
     */
    public static <T> double ratio(IntFunction<? extends T> input, Op<? super T> op, int n) throws Exception {
        T small = input.apply(n);
        T large = input.apply(2 * n);
        op.run(small); // warm-up
        op.run(large);
        int reps = 1;
        while (reps < 1 << 16 && time(op, small, reps) < MIN_RUN_NANOS) {
            reps *= 2;
        }
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && best >= MAX_LINEAR_RATIO; attempt++) {
            long bestSmall = Long.MAX_VALUE;
            long bestLarge = Long.MAX_VALUE;
            for (int i = 0; i < RUNS; i++) {
                bestSmall = Math.min(bestSmall, time(op, small, reps));
                bestLarge = Math.min(bestLarge, time(op, large, reps));
            }
            best = Math.min(best, (double) bestLarge / Math.max(1, bestSmall));
        }
        return best;
    }

    /**
     * Asserts that the cost of {@code op} grows linearly: the {@link #ratio} stays below
     * {@link #MAX_LINEAR_RATIO}. Wrap the call in a hang guard (a JUnit timeout): a quadratic operation on a
     * large input does not come back.
     *
     * @param <T> the input type
     * @param what what is measured, for the failure message
     * @param input makes the input of a size
     * @param op the operation
     * @param n the smaller size
     * @throws Exception when the operation fails
     */
    public static <T> void assertLinear(String what, IntFunction<? extends T> input, Op<? super T> op, int n)
            throws Exception {
        double ratio = ratio(input, op, n);
        assertThat(ratio).as("%s: time at size %d over time at size %d", what, 2 * n, n)
                .isLessThan(MAX_LINEAR_RATIO);
    }

    /**
     * How many characters {@code pattern.matcher(text).find()} reads: the work of a backtracking regular
     * expression, counted exactly (no clock involved), for the ratio between two input sizes.
     *
     * @param pattern the pattern
     * @param text the text searched
     * @return the number of {@link CharSequence#charAt} calls the search made
     */
    public static long charReads(Pattern pattern, String text) {
        long[] reads = new long[1];
        CharSequence counting = new CharSequence() {
            @Override
            public int length() {
                return text.length();
            }

            @Override
            public char charAt(int index) {
                reads[0]++;
                return text.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return text.subSequence(start, end);
            }

            @Override
            public String toString() {
                return text;
            }
        };
        pattern.matcher(counting).find();
        return reads[0];
    }

    /**
     * Asserts that a search with {@code pattern} reads a number of characters linear in its input: at size
     * {@code 2n} fewer than {@link #MAX_LINEAR_RATIO} times the reads at size {@code n} (plus a small
     * constant, for patterns that stop after a few characters whatever the size).
     *
     * @param what what is measured, for the failure message
     * @param pattern the pattern
     * @param input makes the text of a size
     * @param n the smaller size
     */
    public static void assertLinearReads(String what, Pattern pattern, IntFunction<String> input, int n) {
        long small = charReads(pattern, input.apply(n));
        long large = charReads(pattern, input.apply(2 * n));
        assertThat((double) large)
                .as("%s: %d characters read at size %d, %d at size %d", what, large, 2 * n, small, n)
                .isLessThan(MAX_LINEAR_RATIO * small + 64);
    }

    private static <T> long time(Op<? super T> op, T input, int reps) throws Exception {
        long start = now();
        for (int i = 0; i < reps; i++) {
            op.run(input);
        }
        return now() - start;
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
