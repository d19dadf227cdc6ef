package dev.tlsrpt.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written checks equivalent to the regular expressions the JSON Schema uses (IP literals, URIs,
 * RFC 3339 date-times) and to the host-name syntax, fast enough for the hot path. Tests hold them to the
 * regular expressions.
 */
public final class Syntax {
    private Syntax() {
    }

    /**
     * An IPv4 dotted-decimal literal without leading zeros, or an RFC 3986 IPv6address (no zone).
     *
     * @param s the text
     * @return whether it is such a literal
     */
    public static boolean isIpLiteral(String s) {
        int n = s.length();
        if (n > 45) {
            return false; // longer than any IPv6 literal (8 groups of 4, or 6 and a dotted quad)
        }
        // an IPv6 literal has a colon among its first five characters (a first group of at most four hex
        // digits, or a leading "::"); a string with none there is no IPv6 literal, and isIpv4 refuses colons
        for (int i = 0, probe = Math.min(n, 5); i < probe; i++) {
            if (s.charAt(i) == ':') {
                return isIpv6(s, n);
            }
        }
        return isIpv4(s, 0, n);
    }

    /**
     * A host name as DNS writes it: labels of letters, digits and hyphens (LDH), each 1 to 63 characters long
     * and neither starting nor ending with a hyphen, separated by dots, at most 253 characters, an optional
     * trailing dot. Such a name never needs quoting in a shell and never starts with {@code -}.
     *
     * @param s the text
     * @return whether it is such a name
     */
    public static boolean isHostName(String s) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '.') {
            n--;
        }
        if (n == 0 || n > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = s.charAt(i);
                if (!(isAlpha(c) || isDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A dotted quad in {@code s[from..to)}, in one pass: four decimal parts of 0-255, no leading zero. */
    static boolean isIpv4(String s, int from, int to) {
        int dots = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                if (digits == 3 || (digits == 1 && value == 0)) {
                    return false; // a fourth digit, or a digit after a leading zero
                }
                value = value * 10 + d;
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && dots < 3) {
                dots++;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0 && value <= 255;
    }

    /** The value of a hex digit, or -1. */
    private static int hex(char c) {
        return c < HEX.length ? HEX[c] : -1;
    }

    private static final byte[] HEX = hexTable();

    private static byte[] hexTable() {
        byte[] t = new byte[128];
        java.util.Arrays.fill(t, (byte) -1);
        for (int c = 0; c < 128; c++) {
            t[c] = (byte) Character.digit(c, 16);
        }
        return t;
    }

    /**
     * An RFC 3986 IPv6address in one pass: h16 groups of one to four hex digits separated by single colons,
     * at most one {@code ::} (standing for at least one group), and an IPv4 tail counting two groups.
     */
    private static boolean isIpv6(String s, int n) {
        int groups = 0;
        boolean compressed = false;
        int digits = 0; // of the group being read
        int groupStart = 0;
        int i = 0;
        if (n >= 2 && s.charAt(0) == ':') {
            if (s.charAt(1) != ':') {
                return false;
            }
            compressed = true;
            i = 2;
            groupStart = 2;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (hex(c) >= 0) {
                if (++digits > 4) {
                    return false;
                }
            } else if (c == ':') {
                if (digits == 0) {
                    // "::" in the middle or at the end (a leading one was taken above)
                    if (compressed || i == 0 || s.charAt(i - 1) != ':' || i < 2) {
                        return false;
                    }
                    compressed = true;
                } else {
                    groups++;
                    digits = 0;
                    if (i + 1 == n) {
                        return false; // a trailing single colon
                    }
                }
                groupStart = i + 1;
            } else if (c == '.') {
                // an IPv4 tail ends the address: it starts where this group started
                if (!isIpv4(s, groupStart, n)) {
                    return false;
                }
                groups += 2;
                return compressed ? groups <= 7 : groups == 8;
            } else {
                return false;
            }
        }
        if (digits > 0) {
            groups++;
        } else if (!compressed || s.charAt(n - 1) != ':') {
            return false; // empty, or ends in a single colon
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    /**
     * An RFC 3986 {@code URI}: a scheme, a colon, then only URI characters and %-escapes.
     *
     * @param s the text
     * @return whether it is such a URI
     */
    public static boolean isUri(String s) {
        int n = s.length();
        if (n == 0 || !isAlpha(s.charAt(0))) {
            return false;
        }
        int i = 1;
        while (i < n && s.charAt(i) != ':') {
            char c = s.charAt(i);
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '.' || c == '-')) {
                return false;
            }
            i++;
        }
        if (i == n) {
            return false;
        }
        for (i++; i < n; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c >= URI_CHARS.length || !URI_CHARS[c]) {
                return false;
            }
        }
        return true;
    }

    /** The characters a URI may hold after its scheme, besides %-escapes: unreserved and reserved. */
    private static final boolean[] URI_CHARS = uriChars();

    private static boolean[] uriChars() {
        boolean[] ok = new boolean[128];
        for (char c = 0; c < ok.length; c++) {
            ok[c] = isAlpha(c) || isDigit(c) || "._~:/?#[]@!$&'()*+,;=-".indexOf(c) >= 0;
        }
        return ok;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return hex(c) >= 0;
    }

    /** A parsed date-time: the instant and whether the text carried a zone offset. */
    record DateTime(Instant instant, boolean hasZone) {
    }

    /**
     * Reads {@code YYYY-MM-DD[Tt]hh:mm:ss[.f{1,9}](Z|z|+hh:mm|-hh:mm)}, the offset optional here (the caller
     * decides whether its absence is a deviation), and a real calendar date.
     *
     * @return the date-time, or null when the text is not one
     */
    static @Nullable DateTime parseDateTime(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len < 1 || len > 9) {
                return null;
            }
            nanos = digits(s, start, len);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        boolean hasZone = true;
        if (i == n) {
            hasZone = false;
        } else if ((s.charAt(i) == 'Z' || s.charAt(i) == 'z') && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            long epoch = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
            return new DateTime(Instant.ofEpochSecond(epoch, nanos), hasZone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Classifies a JSON number whose exponent is beyond what {@link java.math.BigDecimal} holds: 0 when its digits are
     * all zero (the number is zero), -1 when the exponent is negative (a non-zero number of at most
     * {@code maxNumberLength} digits times 10 to less than -2^31 is a fraction), 1 when it is positive (the
     * number's magnitude is far above 2^63-1).
     *
     * @param text the number as sent
     * @return 0, -1 or 1
     */
    public static int exponentOutOfRangeSign(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        for (int i = 0; i < (e < 0 ? text.length() : e); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9') {
                return e >= 0 && e + 1 < text.length() && text.charAt(e + 1) == '-' ? -1 : 1;
            }
        }
        return 0;
    }

    /**
     * Where the first unpaired surrogate is, which I-JSON forbids.
     *
     * @param s the text
     * @return the index of the first unpaired surrogate in {@code s}, or -1
     */
    public static int unpairedSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
