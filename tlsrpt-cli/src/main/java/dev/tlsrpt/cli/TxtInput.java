package dev.tlsrpt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code tlsrpt record} was given, made into TXT records: the record as text, or what
 * {@code dig +short TXT _smtp._tls.<domain>} prints (each record on a line of its own as quoted
 * character-strings, {@code "v=TLSRPTv1;" " rua=mailto:..."}, with {@code \"}, {@code \\} and {@code \DDD}
 * escapes: RFC 1035 section 5.1), so that {@code tlsrpt record "$(dig +short TXT _smtp._tls.example.com)"}
 * works; and whether it is a bare domain name instead of a record.
 */
final class TxtInput {
    /**
     * A domain name: dot-separated labels of letters, digits, {@code -} and {@code _}, at least two labels, the
     * last beginning with a letter (so that an IPv4 address is not one).
     */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]{0,61}[\\p{L}\\p{N}_])?\\.)+\\p{L}(?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.?");
    /** The owner name prefix of a TLSRPT record (RFC 8460 section 3). */
    static final String PREFIX = "_smtp._tls.";

    private TxtInput() {
    }

    /**
     * The TXT records the arguments hold: several arguments are one record's strings, joined without spaces
     * (RFC 8460 section 3); one argument in dig's quoted form may hold several records, one per line.
     *
     * @param args the arguments
     * @return the records, at least one
     */
    static List<String> records(List<String> args) {
        String text = String.join("", args);
        if (!text.strip().startsWith("\"")) {
            return List.of(text);
        }
        List<String> records = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> strings = quoted(line.strip());
            if (strings == null) {
                return List.of(text); // not dig's form after all: the record parser says what is wrong
            }
            records.add(String.join("", strings));
        }
        return records.isEmpty() ? List.of(text) : records;
    }

    /**
     * The character-strings of one line of quoted strings separated by white space, or null when the line is
     * not made of them (an unterminated quote, text outside quotes, a bad escape).
     */
    static @Nullable List<String> quoted(String line) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c != '"') {
                return null;
            }
            StringBuilder s = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < line.length()) {
                char d = line.charAt(i);
                if (d == '"') {
                    closed = true;
                    i++;
                    break;
                }
                if (d == '\\') {
                    if (isDigit(line, i + 1) && isDigit(line, i + 2) && isDigit(line, i + 3)) {
                        int value = Integer.parseInt(line.substring(i + 1, i + 4));
                        if (value > 255) {
                            return null;
                        }
                        s.append((char) value);
                        i += 4;
                        continue;
                    }
                    if (i + 1 >= line.length()) {
                        return null;
                    }
                    s.append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                s.append(d);
                i++;
            }
            if (!closed) {
                return null;
            }
            strings.add(s.toString());
        }
        return strings;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /**
     * The domain a text names when it is a bare domain name rather than a record ({@code example.com}, or the
     * record's own name {@code _smtp._tls.example.com}): no {@code =} or {@code ;}, labels of a host name.
     *
     * @param text the record text as given
     * @return the domain in lower case without a trailing dot and without the {@code _smtp._tls.} prefix, or
     *     null when the text is not a domain name
     */
    static @Nullable String bareDomain(String text) {
        String t = text.strip();
        if (t.length() > 253 || !DOMAIN.matcher(t).matches()) {
            return null;
        }
        String domain = t.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.startsWith(PREFIX)) {
            domain = domain.substring(PREFIX.length());
        }
        return domain;
    }
}
