package dev.tlsrpt.schema;

import static dev.tlsrpt.hostile.HostileStreams.GIB;
import static dev.tlsrpt.hostile.HostileStreams.MIB;
import static dev.tlsrpt.hostile.HostileStreams.allocatedBytes;
import static dev.tlsrpt.hostile.HostileStreams.concat;
import static dev.tlsrpt.hostile.HostileStreams.gzip;
import static dev.tlsrpt.hostile.HostileStreams.gzipLazily;
import static dev.tlsrpt.hostile.HostileStreams.head;
import static dev.tlsrpt.hostile.HostileStreams.join;
import static dev.tlsrpt.hostile.HostileStreams.repeat;
import static dev.tlsrpt.hostile.HostileStreams.sandwich;
import static dev.tlsrpt.hostile.HostileStreams.text;
import static dev.tlsrpt.hostile.HostileStreams.utf8;
import static dev.tlsrpt.hostile.HostileStreams.withHeaderCrc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs against {@code TlsRptSchema.strict()} and {@code lenient()}: each gives a
 * {@link ValidationResult} (never an exception, never a {@code StackOverflowError} or an
 * {@code OutOfMemoryError}) whose first violation has the expected keyword, pointer and message, within a
 * hang guard (20 s, generous) and an allocation bound.
 */
class SchemaHostileInputTest {

    static final String HEAD = """
            {"organization-name":"Org","date-range":{"start-datetime":"2026-11-26T00:00:00Z",\
            "end-datetime":"2026-11-26T23:59:59Z"},"contact-info":"c@example.org","report-id":"r1",""";
    static final String POLICY = """
            {"policy":{"policy-type":"no-policy-found","policy-domain":"example.org"},\
            "summary":{"total-successful-session-count":1,"total-failure-session-count":0}}""";
    static final String VALID = HEAD + "\"policies\":[" + POLICY + "]}";
    static final String DETAIL_START = HEAD + "\"policies\":[" + POLICY.replace("}}", "},\"failure-details\":[")
            + "{\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"192.0.2.1\","
            + "\"receiving-mx-hostname\":\"mx.example.org\",\"failed-session-count\":1,";
    static final String URI = "/policies/0/failure-details/0/additional-information";

    /**
     * One input and what both validators must say about it.
     *
     * @param name what it is
     * @param input a fresh stream of it
     * @param keyword the first violation's keyword
     * @param pointer the first violation's pointer
     * @param message a fragment of the first violation's message
     * @param maxAllocated the most bytes the validating thread may allocate
     * @param strictOnly whether only the strict schema rejects it (the lenient one accepts)
     */
    record Case(String name, Supplier<InputStream> input, String keyword, String pointer, String message,
            long maxAllocated, boolean strictOnly) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Supplier<InputStream> bytes(byte[] data) {
        return () -> new ByteArrayInputStream(data);
    }

    static Stream<Case> cases() {
        List<Case> t = new ArrayList<>();
        t.add(new Case("gzip bomb: 1 GiB of white space, about 1 MiB compressed",
                () -> gzipLazily(sandwich("{\"organization-name\":", " ", GIB, "\"x\"}")), Violation.LIMIT, "",
                "maxDecompressedBytes", 16 * MIB, false)); // was 768 MiB: the document was buffered, doubling
        t.add(new Case("gzip bomb: 1 GiB of one string, about 1 MiB compressed",
                () -> gzipLazily(sandwich("{\"organization-name\":\"", "a", GIB, "\"}")), Violation.LIMIT,
                "/organization-name", "String value length", 32 * MIB, false));
        t.add(new Case("truncated gzip", bytes(head(gzip(VALID), 40)), Violation.GZIP, "", "gzip", 8 * MIB, false));
        t.add(new Case("gzip with a wrong CRC", bytes(corruptCrc(gzip(VALID))), Violation.GZIP, "", "gzip", 8 * MIB,
                false));
        t.add(new Case("gzip with FHCRC and a wrong header CRC", bytes(withHeaderCrc(gzip(VALID), 1)), Violation.GZIP,
                "", "wrong header CRC (FHCRC) at byte offset 10", 8 * MIB, false));
        t.add(new Case("100 000 levels of arrays", () -> repeat("[", 100_000), Violation.LIMIT,
                "/0".repeat(64), "nesting", 16 * MIB, false));
        t.add(new Case("100 000 levels of objects in organization-name",
                () -> concat(text("{\"organization-name\":"), repeat("{\"a\":", 100_000)), Violation.LIMIT,
                "/organization-name" + "/a".repeat(63), "nesting", 16 * MIB, false));
        t.add(new Case("a 1 GiB string", () -> sandwich("{\"organization-name\":\"", "a", GIB, "\"}"),
                Violation.LIMIT, "/organization-name", "String value length", 32 * MIB, false)); // was
                // maxCompressedBytes at 256 MiB: the whole input was buffered before the string was read
        t.add(new Case("a member name of 10 MiB", () -> sandwich("{\"", "k", 10 * MIB, "\":1}"), Violation.LIMIT,
                "", "Name length", 128 * MIB, false));
        t.add(new Case("10 million empty policies",
                () -> concat(text(HEAD + "\"policies\":[{}"), repeat(",{}", 10_000_000), text("]}")),
                Violation.LIMIT, "/policies/100000", "maxPolicies", 256 * MIB, false));
        t.add(new Case("a count of 10 000 digits",
                bytes(utf8(VALID.replace("\"total-successful-session-count\":1",
                        "\"total-successful-session-count\":" + "9".repeat(10_000)))),
                Violation.LIMIT, "/policies/0/summary/total-successful-session-count", "Number value length",
                16 * MIB, false));
        t.add(new Case("overlong UTF-8", bytes(join(utf8("{\"organization-name\":\""),
                new byte[] {(byte) 0xc0, (byte) 0xaf}, utf8("\"}"))), Violation.JSON, "", "UTF-8", 8 * MIB, false));
        t.add(new Case("a UTF-16 document", bytes(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16)),
                Violation.JSON, "", "UTF-8", 8 * MIB, false));
        t.add(new Case("an escaped unpaired surrogate", bytes(utf8(VALID.replace("\"Org\"", "\"\\ud800\""))),
                Violation.JSON, "/organization-name", "surrogate", 8 * MIB, false));
        t.add(new Case("two documents", bytes(utf8(VALID + VALID)), Violation.JSON, "", "after", 8 * MIB, false));
        t.add(new Case("an empty document", bytes(new byte[0]), Violation.JSON, "", "empty", 8 * MIB, false));
        t.add(new Case("a comment", bytes(utf8(VALID.replace("{\"organization", "{/* c */\"organization"))),
                Violation.JSON, "", "comment", 8 * MIB, false));
        t.add(new Case("a duplicate member", bytes(utf8(VALID.replace("\"contact-info\"",
                "\"organization-name\":\"Evil\",\"contact-info\""))), Violation.DUPLICATE_MEMBER,
                "/organization-name", "twice", 64 * MIB, true)); // the first document validated builds the validators
        return t.stream();
    }

    /** The URI pattern's recursion in java.util.regex: an open bug, see the test below. */
    static Stream<Case> regexRecursionCases() {
        List<Case> t = new ArrayList<>();
        t.add(new Case("an additional-information of 100 000 characters (a regular expression's recursion)",
                () -> sandwich(DETAIL_START + "\"additional-information\":\"https:", "a", 100_000, "\"}]}]}"),
                "pattern", URI, "URI", 64 * MIB, true));
        t.add(new Case("an additional-information of 100 000 %-escapes",
                () -> sandwich(DETAIL_START + "\"additional-information\":\"https:", "%41", 100_000, "\"}]}]}"),
                "pattern", URI, "URI", 64 * MIB, true));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regexRecursionCases")
    void strictSchemaSurvivesAVeryLongUri(Case c) throws Exception {
        // both are well-formed URIs: the strict schema must accept them, not overflow the stack on them
        ValidationResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (InputStream in = c.input().get()) {
                return TlsRptSchema.strict().validate(in);
            }
        }, () -> c.name() + ": no answer within the hang guard");
        assertThat(result.violations()).as(c.name()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void strictSchemaGivesTheExpectedViolationWithinBounds(Case c) {
        check(c, TlsRptSchema.strict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lenientSchemaGivesTheExpectedViolationWithinBounds(Case c) {
        check(c, TlsRptSchema.lenient());
    }

    private static void check(Case c, TlsRptSchema schema) {
        long[] allocated = new long[1];
        ValidationResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long before = allocatedBytes();
            try (InputStream in = c.input().get()) {
                return schema.validate(in);
            } finally {
                allocated[0] = allocatedBytes() - before;
            }
        }, () -> c.name() + ": no answer within the hang guard");
        if (c.strictOnly() && !schema.isStrict()) {
            assertThat(result.violations()).as("lenient accepts " + c.name())
                    .noneMatch(v -> v.keyword().equals(c.keyword()));
        } else {
            assertThat(result.isValid()).isFalse();
            Violation first = result.violations().get(0);
            assertThat(first.keyword()).as("keyword of " + first).isEqualTo(c.keyword());
            assertThat(first.pointer()).as("pointer of " + first).isEqualTo(c.pointer());
            assertThat(first.message()).as("message of " + first).containsIgnoringCase(c.message());
        }
        assertThat(allocated[0]).as("bytes allocated by %s", c.name()).isLessThanOrEqualTo(c.maxAllocated());
    }

    /**
     * SECURITY.md promises memory bounded by {@code maxDecompressedBytes}: the validator buffered the whole
     * document in a doubling buffer (1 GiB bomb: 450-550 MB of heap; here 16 MiB cost 32 MiB and more), and
     * now stops as the limit passes, holding far less than the limit.
     */
    @org.junit.jupiter.api.Test
    void aBombStopsAtMaxDecompressedBytesWithoutHoldingMoreThanTheLimit() throws Exception {
        long limit = 16 * MIB;
        dev.tlsrpt.ParseOptions small = dev.tlsrpt.ParseOptions.lenient().withMaxDecompressedBytes(limit);
        List<Supplier<InputStream>> bombs = List.of(
                () -> gzipLazily(sandwich("{\"organization-name\":", " ", GIB, "\"x\"}")),
                () -> sandwich("{\"organization-name\":", " ", 48 * MIB, "\"x\"}"));
        for (TlsRptSchema schema : List.of(TlsRptSchema.of(small), TlsRptSchema.of(small.withStrict(true)))) {
            for (int i = 0; i < bombs.size(); i++) {
                Supplier<InputStream> bomb = bombs.get(i);
                long[] allocated = new long[1];
                ValidationResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    long before = allocatedBytes();
                    try (InputStream in = bomb.get()) {
                        return schema.validate(in);
                    } finally {
                        allocated[0] = allocatedBytes() - before;
                    }
                });
                String what = (i == 0 ? "gzip" : "plain") + " bomb, " + schema;
                assertThat(result.violations()).as(what).singleElement().satisfies(v -> {
                    assertThat(v.keyword()).isEqualTo(Violation.LIMIT);
                    assertThat(v.message()).isEqualTo("more than 16777216 bytes of JSON"
                            + (bomb == bombs.get(0) ? " after decompression" : "") + " (maxDecompressedBytes)");
                });
                assertThat(allocated[0]).as("bytes allocated by the %s", what).isLessThan(limit / 4);
            }
        }
    }

    /** A Java string's unpaired surrogate has no UTF-8 form: it was validated as '?' (getBytes), now refused. */
    @org.junit.jupiter.api.Test
    void anUnpairedSurrogateInJsonTextIsAJsonViolationWithItsPlace() {
        String json = VALID.replace("{\"organization-name\":\"Org\"", "{\n  \"organization-name\": \"\u00e9\u00e9\ud800\"");
        for (TlsRptSchema schema : List.of(TlsRptSchema.strict(), TlsRptSchema.lenient())) {
            ValidationResult result = schema.validate(json);
            assertThat(result.violations()).as(schema.toString()).singleElement().satisfies(v -> {
                assertThat(v.keyword()).isEqualTo(Violation.JSON);
                assertThat(v.pointer()).isEmpty();
                assertThat(v.line()).isEqualTo(2);
                assertThat(v.column()).isEqualTo(29);
                assertThat(v.message()).isEqualTo("not UTF-8: an unpaired surrogate U+D800 at char index 28 of the"
                        + " text: it has no UTF-8 encoding, and RFC 8460 reports are I-JSON, which must be UTF-8");
            });
        }
        assertThat(TlsRptSchema.strict().validate(VALID.replace("\"Org\"", "\"\ud83d\ude00\"")).isValid()).isTrue();
    }

    static byte[] corruptCrc(byte[] gz) {
        byte[] copy = gz.clone();
        copy[copy.length - 8] ^= 0x55;
        return copy;
    }
}
