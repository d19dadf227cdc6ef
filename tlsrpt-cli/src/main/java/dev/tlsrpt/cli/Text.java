package dev.tlsrpt.cli;

import java.util.Locale;

/**
 * Small text helpers: counts and shares as the commands print them. Sender text reaches the terminal through
 * core's one rule, {@code SenderText.neutralise}, which keeps a sender's control characters (terminal escape
 * sequences among them) out.
 */
final class Text {
    private Text() {
    }

    /**
     * A count with thousands separators, the same on every machine.
     *
     * @param n the count
     * @return for example {@code 4,824}
     */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The failed sessions as a percentage of all, with two decimals, computed in floating point so that it
     * stays right when the counts' sum passes 2^63-1.
     *
     * @param failed the failed sessions
     * @param successful the successful sessions
     * @return for example {@code 0.06%}, or {@code -} when there were no sessions
     */
    static String failedPercent(long failed, long successful) {
        double all = (double) failed + (double) successful;
        return all == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * failed / all);
    }

    /**
     * Adds two counts that are not negative, saturating at 2^63-1 instead of wrapping to a negative number.
     *
     * @param a a count
     * @param b another count
     * @return the sum, or {@link Long#MAX_VALUE} when it is larger
     */
    static long sum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
