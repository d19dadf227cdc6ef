package dev.tlsrpt.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reading policy-string elements as real senders write them: the {@code key: value} lines of an MTA-STS
 * policy, and the TLSA records of a DANE policy, including Microsoft's JSON array of records inside one string.
 * No JSON library: the model depends on no other package, so the array is read by a small decoder that accepts
 * exactly RFC 8259 JSON arrays of strings (a property test holds it equal to Jackson's reading).
 */
final class PolicyStrings {
    private PolicyStrings() {
    }

    /**
     * The values of the {@code key: value} lines with this key, in order (RFC 8461 section 3.2: the key
     * before the first colon, both sides stripped of white space).
     *
     * @param lines the policy-string elements
     * @param key the key, such as {@code "mx"}
     * @return the values, possibly empty
     */
    static List<String> values(List<String> lines, String key) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                values.add(line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    /**
     * The TLSA records of a policy-string: each element as sent, except that an element holding a JSON
     * array of strings (Microsoft) is replaced by the array's elements, and an element holding several
     * records separated by semicolons (RFC 8460 section 4's wording) is split.
     *
     * @param policyStrings the policy-string elements
     * @return the records, stripped of surrounding white space, empty ones left out
     */
    static List<String> tlsaRecords(List<String> policyStrings) {
        List<String> records = new ArrayList<>();
        for (String element : policyStrings) {
            String s = element.strip();
            List<String> decoded = s.startsWith("[") ? decodeStringArray(s) : null;
            if (decoded != null) {
                for (String d : decoded) {
                    addSplit(records, d);
                }
            } else {
                addSplit(records, s);
            }
        }
        return List.copyOf(records);
    }

    private static void addSplit(List<String> records, String s) {
        for (String part : s.split(";")) {
            String r = part.strip();
            if (!r.isEmpty()) {
                records.add(r);
            }
        }
    }

    /**
     * The elements of a JSON array of strings (RFC 8259), or null when the text is anything else: not an
     * array, an element that is not a string, broken JSON, or anything but white space after the array.
     * White space is JSON's (space, tab, line feed, carriage return); a string holds no raw control
     * character, and its escapes are {@code \" \\ \/ \b \f \n \r \t} and {@code \}{@code uXXXX} (a
     * surrogate escape is taken as it stands, paired or not, as Jackson does). One difference is deliberate:
     * Jackson's default cap of 100 million characters per string is not copied, so such a string, which only
     * a report read with {@code maxStringLength} raised past it can hold, is decoded here.
     *
     * @param text the text
     * @return the strings, or null
     */
    static @Nullable List<String> decodeStringArray(String text) {
        return new ArrayDecoder(text).array();
    }

    /** One pass over the text; every method returns -1 (or null) at the first character that does not fit. */
    private static final class ArrayDecoder {
        private final String s;
        private int pos;

        ArrayDecoder(String s) {
            this.s = s;
        }

        @Nullable List<String> array() {
            skipWhitespace();
            if (!take('[')) {
                return null;
            }
            List<String> out = new ArrayList<>();
            skipWhitespace();
            if (!take(']')) {
                while (true) {
                    String element = string();
                    if (element == null) {
                        return null;
                    }
                    out.add(element);
                    skipWhitespace();
                    if (take(']')) {
                        break;
                    }
                    if (!take(',')) {
                        return null;
                    }
                    skipWhitespace();
                }
            }
            skipWhitespace();
            return pos == s.length() ? out : null;
        }

        private @Nullable String string() {
            if (!take('"')) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos == s.length()) {
                    return null;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        int code = hex4();
                        if (code < 0) {
                            return null;
                        }
                        b.append((char) code);
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }

        private int hex4() {
            if (pos + 4 > s.length()) {
                return -1;
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
                char c = s.charAt(pos + i);
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0) {
                    return -1;
                }
                code = code << 4 | digit;
            }
            pos += 4;
            return code;
        }

        private boolean take(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }
    }
}
