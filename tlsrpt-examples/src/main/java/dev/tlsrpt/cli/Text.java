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
     * Replaces control characters (C0, DEL, C1, and the bidirectional overrides) with {@code \}{@code uXXXX}.
     *
     * @param s sender text
     * @return text that is safe to print
     */
    static String safe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069);
            if (control) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
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
     * A share as a percentage with two decimals.
     *
     * @param part the part
     * @param whole the whole
     * @return for example {@code 0.06%}, or {@code -} when the whole is 0
     */
    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }
}
