package dev.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * Sender data made safe to show on a terminal: the one rule every text rendering applies to a report's
 * strings. A character a terminal acts on or does not show as itself becomes a visible escape
 * {@code \}{@code uXXXX} (lower-case hex, a code point beyond the BMP as its two UTF-16 halves): C0 controls
 * (line feed and tab included, so a sender's line feed never starts a line), DEL, C1 controls, Unicode
 * format characters (bidirectional embeddings, overrides, isolates and marks, zero-width characters, tag
 * characters), line and paragraph separators, and unpaired surrogates. Every other character stays,
 * letters of any script and emoji included.
 *
 * <p>Messages, exceptions and log lines quote sender text with {@link #quote}, renderings show it with
 * {@link #excerpt}: both bounded to {@link #MAX} characters, cut with {@code …}. The command line tool
 * shows sender text through {@link #neutralise} as well.
 */
public final class SenderText {

    /** The most characters of sender text a message shows (an escape counts as its six characters). */
    public static final int MAX = 80;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SenderText() {
    }

    /**
     * Whether a code point is shown as an escape.
     *
     * @param cp the code point (a lone surrogate counts as itself)
     * @return true for controls, format characters, line and paragraph separators and surrogates
     */
    public static boolean isEscaped(int cp) {
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
     * The whole text with each character of {@link #isEscaped} as a visible escape.
     *
     * @param s sender text
     * @return the text, the same instance when nothing needed escaping
     */
    public static String neutralise(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isEscaped(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            int count = Character.charCount(cp);
            if (isEscaped(cp)) {
                for (int k = i; k < i + count; k++) {
                    appendEscape(b, s.charAt(k));
                }
            } else {
                b.append(s, i, i + count);
            }
            i += count;
        }
        return b.toString();
    }

    /**
     * Sender text quoted for a message, an exception or a log line: in double quotes, a {@code "} or {@code \}
     * in it after a backslash, {@linkplain #neutralise neutralised}, and cut to at most {@link #MAX}
     * characters (an escape or a surrogate pair never cut in half) followed by {@code …} when something was
     * cut. White space is kept: inside the quotes it shows. Reads only as much of the text as it shows.
     *
     * @param s sender text, or null
     * @return the quoted excerpt, or {@code (none)} for null
     */
    public static String quote(@Nullable String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8).append('"');
        return append(b, s, 0, s.length(), MAX, true).append('"').toString();
    }

    /**
     * {@link #excerpt(String, int)} with at most {@link #MAX} characters.
     *
     * @param s sender text
     * @return the excerpt
     */
    public static String excerpt(String s) {
        return excerpt(s, MAX);
    }

    /**
     * A short excerpt of sender text for a message or a rendering: white space around the value left out,
     * the rest {@linkplain #neutralise neutralised} and cut to at most {@code max} characters (an escape or
     * a surrogate pair never cut in half), followed by {@code …} when something was cut. Reads only as much
     * of the text as it shows, so it costs the same for a value of a megabyte.
     *
     * @param s sender text
     * @param max the most characters shown before the {@code …}
     * @return the excerpt
     */
    public static String excerpt(String s, int max) {
        int n = s.length();
        int start = 0;
        while (start < n) {
            int cp = s.codePointAt(start);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        int end = n;
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return append(new StringBuilder(Math.min(end - start, max) + 8), s, start, end, max, false).toString();
    }

    /**
     * Appends {@code s[from..to)} neutralised, and with {@code "} and {@code \} after a backslash when
     * {@code quoted}, cut to {@code max} characters with {@code …}.
     */
    private static StringBuilder append(StringBuilder b, String s, int from, int to, int max, boolean quoted) {
        int shown = 0;
        int i = from;
        while (i < to) {
            int cp = s.codePointAt(i);
            int count = Character.charCount(cp);
            boolean escaped = isEscaped(cp);
            boolean backslashed = quoted && (cp == '"' || cp == '\\');
            int width = escaped ? 6 * count : backslashed ? 2 : count;
            if (shown + width > max) {
                return b.append('…');
            }
            if (escaped) {
                for (int k = i; k < i + count; k++) {
                    appendEscape(b, s.charAt(k));
                }
            } else {
                if (backslashed) {
                    b.append('\\');
                }
                b.append(s, i, i + count);
            }
            shown += width;
            i += count;
        }
        return b;
    }

    /**
     * The text as it is when it has at most {@code max} characters, else its first {@code max} characters (a
     * surrogate pair kept whole) and {@code …}: the bound on a sender's value repeated many times (in each
     * finding of a policy, each row of a CSV), taken before it is {@linkplain #neutralise neutralised}.
     *
     * @param s the text
     * @param max the most characters kept
     * @return the text or its beginning
     */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    /**
     * The text as one POSIX shell word, for a command an operator copies into a shell: as it is when it
     * holds only characters no shell treats specially (letters, digits and {@code . _ - : / @ % + = ,}),
     * else in single quotes with each {@code '} written as {@code '\''}. Callers put only checked host names
     * and IP literals into commands; this keeps anything else from being read as shell syntax.
     *
     * @param s the text
     * @return one shell word that the shell reads as {@code s}
     */
    public static String shellWord(String s) {
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "._-:/@%+=,".indexOf(c) >= 0;
        }
        return plain ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static void appendEscape(StringBuilder b, char c) {
        b.append('\\').append('u').append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }
}
