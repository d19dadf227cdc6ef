package dev.tlsrpt.diagnose;

import dev.tlsrpt.internal.SenderText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Small text helpers shared by the diagnoser and the renderers. */
final class Texts {

    /** The longest excerpt of sender data quoted in a text. */
    static final int MAX_QUOTE = 80;

    private Texts() {
    }

    /** A share from 0 to 1 as a percentage with at most two decimals, such as {@code 0.06%}. */
    static String percent(double share) {
        if (share <= 0.0) {
            return "0%";
        }
        if (share >= 1.0) {
            return "100%";
        }
        BigDecimal pct = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP);
        if (pct.signum() == 0) {
            return "<0.01%";
        }
        if (pct.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return ">99.99%";
        }
        return pct.stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * An instant as {@link DateTimeFormatter#ISO_INSTANT} prints it ({@code 2026-11-26T00:00:00Z}, a fraction
     * in groups of three digits when there is one). Years 0 to 9999 are printed here, without initialising
     * {@code DateTimeFormatter}'s constants, which took a short run about a millisecond; others by it.
     */
    static String isoInstant(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        LocalDate date = day >= -719_528 && day <= 2_932_896 ? LocalDate.ofEpochDay(day) : null; // 0000 to 9999
        if (date == null) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        int second = Math.floorMod(seconds, 86_400);
        StringBuilder b = new StringBuilder(30);
        digits(b, date.getYear(), 4).append('-');
        digits(b, date.getMonthValue(), 2).append('-');
        digits(b, date.getDayOfMonth(), 2).append('T');
        digits(b, second / 3600, 2).append(':');
        digits(b, second / 60 % 60, 2).append(':');
        digits(b, second % 60, 2);
        int nano = instant.getNano();
        if (nano != 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                digits(b, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(b, nano / 1000, 6);
            } else {
                digits(b, nano, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /** Sender data made safe to show ({@link SenderText#excerpt}), cut to {@link #MAX_QUOTE} characters. */
    static String excerpt(String s) {
        return excerpt(s, MAX_QUOTE);
    }

    /**
     * Sender data made safe to show, cut to {@code max} characters: the one excerpt function,
     * {@link SenderText#excerpt}, which shows control characters, bidirectional controls and line
     * separators as visible escapes.
     */
    static String excerpt(String s, int max) {
        return SenderText.excerpt(s, max);
    }

    /** A value repeated in every finding of a policy, bounded by {@link SenderText#cut}. */
    static String cut(String s, int max) {
        return SenderText.cut(s, max);
    }

    /** {@link #excerpt(String)} in double quotes. */
    static String quote(String s) {
        return "\"" + excerpt(s) + "\"";
    }

    /**
     * Wraps a text at {@code width} columns; the first line starts with {@code first}, the others with
     * {@code indent}. Words (separated by the white space of {@link #isSpace}) longer than a line stay
     * whole. One pass, linear in the text.
     */
    static List<String> wrap(String text, String first, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int prefix = first.length();
        boolean empty = true;
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (!empty && line.length() + 1 + length > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                prefix = indent.length();
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(text, start, i);
            empty = false;
        }
        if (!empty || line.length() > prefix || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The white space words are separated by: the characters of the regular expression {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }
}
