package dev.tlsrpt.cli;

import java.util.Locale;

/**
 * Small text helpers. Reports are untrusted: {@link #safe(String)} keeps a sender's control characters
 * (terminal escape sequences among them) from reaching the terminal.
 */
final class Text {
    private Text() {
    }

    /**
     * Whether a code point is shown as an escape: the rule of core's {@code dev.tlsrpt.internal.SenderText}
     * (which this module cannot see), held to the same cases by the tests. C0 controls, DEL, C1 controls,
     * Unicode format characters (bidirectional embeddings, overrides, isolates and marks, zero-width
     * characters), line and paragraph separators and surrogates.
     *
     * @param cp the code point
     * @return true when it is shown as {@code \}{@code uXXXX}
     */
    static boolean isEscaped(int cp) {
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            return true;
        }
        if (cp < 0xa0) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /**
     * Replaces each character of {@link #isEscaped} with {@code \}{@code uXXXX} (lower-case hex; a code
     * point beyond the BMP as its two UTF-16 halves), so a line feed in a sender's value never starts a line.
     *
     * @param s sender text
     * @return text that is safe to print
     */
    static String safe(String s) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int count = Character.charCount(cp);
            if (isEscaped(cp)) {
                if (sb == null) {
                    sb = new StringBuilder(n + 16).append(s, 0, i);
                }
                for (int k = i; k < i + count; k++) {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) s.charAt(k)));
                }
            } else if (sb != null) {
                sb.append(s, i, i + count);
            }
            i += count;
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * The text as it is when it has at most {@code max} characters, else its first {@code max} characters
     * (a surrogate pair kept whole) and {@code …}.
     *
     * @param s the text
     * @param max the most characters kept
     * @return the text or its beginning
     */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
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
