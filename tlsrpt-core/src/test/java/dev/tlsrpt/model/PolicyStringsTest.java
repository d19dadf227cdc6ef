package dev.tlsrpt.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The model's JSON string-array decoder (Microsoft's TLSA policy-string) accepts exactly what the Jackson
 * reading it replaced accepted, with the same strings: on a table of edge cases, on arrays Jackson writes, and
 * on those arrays mutated one to three characters at a time. {@link #jackson(String)} is that former reading,
 * verbatim, kept here as the oracle.
 */
class PolicyStringsTest {
    private static final JsonFactory JSON = new JsonFactory();

    /** The Jackson reading that {@code Policy.tlsaRecords()} used before the model stopped depending on Jackson. */
    static @Nullable List<String> jackson(String s) {
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

    private static void agree(String text) {
        assertThat(PolicyStrings.decodeStringArray(text)).as("decoding %s", text).isEqualTo(jackson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "[ ]", " [ ] ", "[\"\"]", "[\"a\"]", "[\"a\",\"b\"]", "[ \"a\" , \"b\" ]", "\t[\n\"a\"\r,\"b\"]\n",
        "[\"3 1 1 ABCD\",\"3 1 1 EF01\"]", "[\"a\\\"b\"]", "[\"\\\\\"]", "[\"\\/\"]", "[\"\\b\\f\\n\\r\\t\"]",
        "[\"\\u0041\\u00e9\\u00E9\"]", "[\"\\uD83D\\uDE00\"]", "[\"\\uD800\"]", "[\"\\uDC00x\"]", "[\"\\u0000\"]",
        "[\"\uD800\"]", "[\"\u007f\u0080\u2028\"]",
        // not accepted
        "", "[", "]", "[,]", "[\"a\",]", "[,\"a\"]", "[\"a\" \"b\"]", "[\"a\"", "[\"a]", "[\"a\"]]", "[\"a\"] x",
        "[\"a\"][\"b\"]", "[\"a\"] \"b\"", "[\"a\"],", "[\"a\"]\u0000", "[\"a\"]\u00a0", "[\u00a0\"a\"]",
        "[\"a\"\u000b]", "[\"a\"\f]", "[1]", "[\"a\",1]", "[null]", "[true]", "[[\"a\"]]", "[{}]", "{}", "\"a\"",
        "['a']", "[\"\\x41\"]", "[\"\\u004\"]", "[\"\\u004g\"]", "[\"\\u\"]", "[\"\\U0041\"]", "[\"\\\"]",
        "[\"\\'\"]", "[\"a\u0001\"]", "[\"a\tb\"]", "[\"a\nb\"]", "[\"\\u00\"]", "[/* c */\"a\"]", "[\"a\"]//",
        "[\"a\"]#", "[\"\\u\uff10\uff10\uff14\uff11\"]", "[\"a\"\u001f]", "\ufeff[\"a\"]", "[\"\\u0041"
    })
    void agreesWithJacksonOnEdgeCases(String text) {
        agree(text);
    }

    @Test
    void decodesTheStringsOfAnArray() {
        assertThat(PolicyStrings.decodeStringArray(" [\"3 1 1 AB\", \"x\\u0041\\n\"] "))
                .containsExactly("3 1 1 AB", "xA\n");
        assertThat(PolicyStrings.decodeStringArray("[]")).isEmpty();
        assertThat(PolicyStrings.decodeStringArray("[\"a\",]")).isNull();
        assertThat(PolicyStrings.decodeStringArray("[\"a\", 1]")).isNull();
    }

    @Test
    void tlsaRecordsReadsArraysAndSemicolonsAndLeavesTheRestAsSent() {
        assertThat(PolicyStrings.tlsaRecords(List.of("[\"3 1 1 AB\",\"3 1 1 CD; 3 1 1 EF\"]", " 2 0 1 01 ",
                "[not json", "3 0 1 AA;;3 0 1 BB;"))).containsExactly("3 1 1 AB", "3 1 1 CD", "3 1 1 EF",
                        "2 0 1 01", "[not json", "3 0 1 AA", "3 0 1 BB");
    }

    @Property(tries = 3000)
    void agreesWithJacksonOnArraysJacksonWrites(@ForAll("stringLists") List<String> strings) {
        String text = write(strings);
        assertThat(PolicyStrings.decodeStringArray(text)).isEqualTo(strings);
        agree(text);
    }

    @Property(tries = 20000)
    void agreesWithJacksonOnMutatedArrays(@ForAll("mutated") String text) {
        agree(text);
    }

    @Property(tries = 5000)
    void agreesWithJacksonOnTextOfJsonCharacters(@ForAll("jsonish") String text) {
        agree(text);
    }

    private static final String ALPHABET = "[]{}\",:\\/ubfnrtx0129aAfFgG \t\n\r\u0000\u000b\u001f\u007f\u00a0"
            + "\u2028\ufeff\ud800\udc00é-;.";

    @Provide
    Arbitrary<List<String>> stringLists() {
        Arbitrary<String> element = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(12)
                .injectDuplicates(0.1);
        return element.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = stringLists().map(PolicyStringsTest::write)
                .map(t -> t.replace(",", ", ").replace("[", "[ "));
        Arbitrary<Character> chars = Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 1000);
        Arbitrary<List<int[]>> edits = Combinators.combine(kinds, positions, chars)
                .as((k, p, c) -> new int[] {k, p, c}).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(base, edits).as(PolicyStringsTest::apply);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(16).map(t -> "[" + t);
    }

    private static String apply(String text, List<int[]> edits) {
        StringBuilder b = new StringBuilder(text);
        for (int[] e : edits) {
            int at = e[1] % (b.length() + 1);
            switch (e[0]) {
                case 0 -> b.insert(at, (char) e[2]);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) e[2]);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String write(List<String> strings) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartArray();
            for (String s : strings) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        return out.toString();
    }
}
