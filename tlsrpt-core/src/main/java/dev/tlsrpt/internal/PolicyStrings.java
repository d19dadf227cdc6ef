package dev.tlsrpt.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reading the records out of TLSA policy-strings as real senders write them. */
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
