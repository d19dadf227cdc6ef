package dev.tlsrpt.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reading policy-strings as real senders write them: the records of TLSA policy-strings, the {@code mx:}
 * lines of MTA-STS ones, and matching host names against mx patterns.
 */
public final class PolicyStrings {
    private static final JsonFactory JSON = new JsonFactory();

    private PolicyStrings() {
    }

    /**
     * The TLSA records of a policy-string: each element as sent, except that an element holding a JSON
     * array of strings (Microsoft) is replaced by the array's elements, and an element holding several
     * records separated by semicolons (RFC 8460 section 4's wording) is split.
     *
     * @param policyStrings the policy-string elements
     * @return the records, stripped of surrounding white space, empty ones left out
     */
    public static List<String> tlsaRecords(List<String> policyStrings) {
        List<String> records = new ArrayList<>();
        for (String element : policyStrings) {
            String s = element.strip();
            List<String> decoded = s.startsWith("[") ? decodeArray(s) : null;
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

    /**
     * The values of the {@code mx:} lines of an MTA-STS policy-string, without surrounding white space.
     *
     * @param policyStrings the policy-string elements
     * @return the values in the order sent, possibly empty
     */
    public static List<String> stsMxLines(List<String> policyStrings) {
        List<String> patterns = new ArrayList<>();
        for (String line : policyStrings) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("mx")) {
                patterns.add(line.substring(colon + 1).strip());
            }
        }
        return List.copyOf(patterns);
    }

    /**
     * A host name as mx matching compares it: without surrounding white space, lower case, a trailing dot
     * removed.
     *
     * @param name the host name or pattern
     * @return the normalized name
     */
    public static String normalizeHost(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Host names matched against MTA-STS mx patterns as RFC 8461 section 4.1 says: exactly, or a {@code *.}
     * pattern matching one leftmost label; case-insensitive, a trailing dot ignored. Built once in time
     * linear in the patterns, each match then costs a hash lookup or two, however many patterns there are.
     */
    public static final class MxMatcher {
        private final Set<String> exact = new HashSet<>();
        /** The suffixes of the {@code *.} patterns, their leading dot included. */
        private final Set<String> wildcardSuffixes = new HashSet<>();

        /**
         * Reads the patterns.
         *
         * @param patterns the mx patterns, as sent
         */
        public MxMatcher(Collection<String> patterns) {
            for (String raw : patterns) {
                String pattern = normalizeHost(raw);
                if (pattern.startsWith("*.")) {
                    wildcardSuffixes.add(pattern.substring(1));
                } else {
                    exact.add(pattern);
                }
            }
        }

        /**
         * Whether a host name matches one of the patterns.
         *
         * @param hostname the host name
         * @return true when a pattern matches
         */
        public boolean matches(String hostname) {
            String host = normalizeHost(hostname);
            if (exact.contains(host)) {
                return true;
            }
            int dot = host.indexOf('.');
            return dot > 0 && !wildcardSuffixes.isEmpty() && wildcardSuffixes.contains(host.substring(dot));
        }
    }

    private static void addSplit(List<String> records, String s) {
        for (String part : s.split(";")) {
            String r = part.strip();
            if (!r.isEmpty()) {
                records.add(r);
            }
        }
    }

    private static @Nullable List<String> decodeArray(String s) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), s)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    return null;
                }
                out.add(p.getString());
            }
            return p.nextToken() == null ? out : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
