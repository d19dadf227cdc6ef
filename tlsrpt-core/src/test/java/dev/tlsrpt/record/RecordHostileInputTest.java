package dev.tlsrpt.record;

import static dev.tlsrpt.hostile.HostileStreams.MIB;
import static dev.tlsrpt.hostile.HostileStreams.allocatedBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile TXT records against {@code TlsRpt.parseRecord} (strict) and {@code checkRecord} (lenient): the
 * {@link MalformedRecordException} with its offset and problem, or the record read, within a hang guard
 * (20 s, generous: not a speed claim) and an allocation bound. A TXT record from DNS is at most 64 KiB; the
 * parser must still stay linear on anything longer a caller hands it.
 */
class RecordHostileInputTest {

    static final String RUA = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com";

    /**
     * One record and what must come of it.
     *
     * @param name what it is
     * @param txt the record (built lazily, once per run)
     * @param offset the expected error offset, or null when it reads
     * @param problem a fragment of the expected problem, or null when it reads
     * @param check checks on the record read (strict and lenient)
     * @param maxAllocated the most bytes the parsing thread may allocate
     * @param lenientReads whether lenient reading accepts (with a warning) what strict reading rejects
     */
    record Case(String name, Supplier<String> txt, @Nullable Integer offset, @Nullable String problem,
            Consumer<TlsRptRecord> check, long maxAllocated, boolean lenientReads) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case fails(String name, Supplier<String> txt, int offset, String problem, long maxAllocated) {
        return new Case(name, txt, offset, problem, r -> { }, maxAllocated, false);
    }

    static Case reads(String name, Supplier<String> txt, Consumer<TlsRptRecord> check, long maxAllocated) {
        return new Case(name, txt, null, null, check, maxAllocated, false);
    }

    static String uris(int n, boolean distinct) {
        return IntStream.range(0, n).mapToObj(i -> "mailto:r" + (distinct ? i : 0) + "@example.com")
                .collect(Collectors.joining(","));
    }

    /**
     * {@code n} rua URIs, then {@code n} {@code RUA=} fields that lenient reading tries as rua= and, holding
     * no URI, gives back as the extension strict reading sees.
     */
    static String manyFailingCaseVariants(int n) {
        return "v=TLSRPTv1; rua=" + uris(n, true) + "; RUA=x".repeat(n);
    }

    static Case lenientOnly(Case c) {
        return new Case(c.name(), c.txt(), c.offset(), c.problem(), c.check(), c.maxAllocated(), true);
    }

    static Stream<Case> cases() {
        String tenMb = "a".repeat(10 * 1024 * 1024);
        List<Case> t = new ArrayList<>();
        t.add(reads("a 10 MB mailto address", () -> "v=TLSRPTv1; rua=mailto:" + tenMb + "@example.com",
                r -> assertThat(r.rua().get(0).toString()).hasSize(10 * 1024 * 1024 + 19), 512 * MIB));
        t.add(reads("a 10 MB https path", () -> "v=TLSRPTv1; rua=https://example.com/" + tenMb,
                r -> assertThat(r.rua().get(0).getHost()).isEqualTo("example.com"), 512 * MIB));
        t.add(reads("a 10 MB extension value", () -> RUA + "; x=" + tenMb,
                r -> assertThat(r.extensions().get("x")).hasSize(tenMb.length()), 512 * MIB));
        t.add(reads("10 MB of white space before a field", () -> "v=TLSRPTv1;" + " ".repeat(10_000_000)
                + "rua=mailto:a@example.com", r -> assertThat(r.rua()).hasSize(1), 256 * MIB));
        t.add(lenientOnly(fails("10 MB of semicolons", () -> RUA + ";".repeat(10_000_000), RUA.length() + 1,
                "empty field", 768 * MIB)));
        t.add(reads("100 000 distinct rua URIs in one field", () -> "v=TLSRPTv1; rua=" + uris(100_000, true),
                r -> assertThat(r.rua()).hasSize(100_000), 512 * MIB));
        t.add(reads("100 000 copies of one rua URI", () -> "v=TLSRPTv1; rua=" + uris(100_000, false),
                r -> assertThat(r.rua()).hasSize(100_000), 512 * MIB));
        t.add(reads("100 000 rua fields", () -> "v=TLSRPTv1" + IntStream.range(0, 100_000)
                .mapToObj(i -> "; rua=mailto:r" + i + "@example.com").collect(Collectors.joining()),
                r -> assertThat(r.rua()).hasSize(100_000), 512 * MIB));
        t.add(reads("100 000 extensions", () -> RUA + IntStream.range(0, 100_000).mapToObj(i -> "; x" + i + "=1")
                .collect(Collectors.joining()), r -> assertThat(r.extensions()).hasSize(100_000), 512 * MIB));
        t.add(reads("16 000 rua URIs and 16 000 RUA= fields holding no URI", () -> manyFailingCaseVariants(16_000),
                r -> {
                    assertThat(r.rua()).hasSize(16_000);
                    assertThat(r.extensions()).containsEntry("RUA", "x");
                }, 256 * MIB));
        t.add(fails("a control character in a URI", () -> RUA + "\u0001", RUA.length(), "U+0001", 8 * MIB));
        t.add(fails("a NUL byte after the version", () -> "v=TLSRPTv1;\u0000rua=mailto:a@example.com", 11, "U+0000",
                8 * MIB));
        t.add(fails("a NUL byte in a URI", () -> "v=TLSRPTv1; rua=mailto:a\u0000@example.com", 24, "U+0000",
                8 * MIB));
        t.add(fails("a NUL byte before the version", () -> "\u0000" + RUA, 0, "v=TLSRPTv1", 8 * MIB));
        t.add(fails("DEL in an extension value", () -> RUA + "; x=a\u007fb", RUA.length() + 5, "U+007F",
                8 * MIB));
        t.add(fails("CR LF between fields", () -> "v=TLSRPTv1;\r\nrua=mailto:a@example.com", 11, "U+000D",
                8 * MIB));
        t.add(fails("an unpaired surrogate in a URI", () -> "v=TLSRPTv1; rua=mailto:a\ud800@example.com", 24,
                "U+D800", 8 * MIB));
        t.add(fails("an empty record", () -> "", 0, "empty", 8 * MIB));
        t.add(fails("the version alone", () -> "v=TLSRPTv1", 10, "rua", 8 * MIB));
        t.add(lenientOnly(fails("an address without mailto:", () -> "v=TLSRPTv1; rua=postmaster@example.com", 16,
                "missing mailto: scheme", 8 * MIB)));
        t.add(fails("an extension name of 33 characters", () -> RUA + "; " + "a".repeat(33) + "=1",
                RUA.length() + 2 + 32, "33 characters long", 8 * MIB));
        t.add(fails("a bracketed host that never closes", () -> "v=TLSRPTv1; rua=https://[" + "1:".repeat(100_000)
                + "/x", 16 + "https://[".length() + 200_000, "Expected closing bracket", 64 * MIB));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void strictReadingGivesTheExpectedOutcomeWithinBounds(Case c) {
        run(c, ParseOptions.strict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lenientReadingGivesTheExpectedOutcomeWithinBounds(Case c) {
        run(c, ParseOptions.lenient());
    }

    /**
     * Trying a case variant of rua= and giving it back costs what the field holds, not what was read before
     * it: four times the fields allocate about four times the bytes (it was sixteen: each try copied the set
     * of URIs seen so far).
     */
    @Test
    void lenientCaseVariantsCostLinearTime() {
        long small = lenientAllocation(2_000);
        long large = lenientAllocation(8_000);
        assertThat((double) large / small).as("allocated %d bytes for 2 000 fields, %d for 8 000", small, large)
                .isLessThan(6.0);
    }

    private static long lenientAllocation(int n) {
        String txt = manyFailingCaseVariants(n);
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long before = allocatedBytes();
            RecordCheck check = TlsRpt.checkRecord(txt, ParseOptions.lenient());
            long allocated = allocatedBytes() - before;
            assertThat(check.record().rua()).hasSize(n);
            assertThat(check.record().extensions()).containsEntry("RUA", "x");
            return allocated;
        }, () -> n + " case variants: no answer within the hang guard");
    }

    private static void run(Case c, ParseOptions options) {
        String txt = c.txt().get();
        Object[] outcome = new Object[2];
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long before = allocatedBytes();
            try {
                outcome[0] = options.isStrict() ? TlsRpt.parseRecord(txt) : TlsRpt.checkRecord(txt, options).record();
            } catch (MalformedRecordException e) {
                outcome[0] = e;
            }
            outcome[1] = allocatedBytes() - before;
        }, () -> c.name() + ": no answer within the hang guard");
        if (c.offset() == null || (c.lenientReads() && !options.isStrict())) {
            assertThat(outcome[0]).as(c.name()).isInstanceOf(TlsRptRecord.class);
            if (c.offset() == null) {
                c.check().accept((TlsRptRecord) outcome[0]);
            }
        } else {
            assertThat(outcome[0]).as(c.name()).isInstanceOf(MalformedRecordException.class);
            MalformedRecordException e = (MalformedRecordException) outcome[0];
            assertThat(e.offset()).as("offset of " + e).isEqualTo(c.offset());
            assertThat(e.problem()).as("problem of " + e).contains(c.problem());
            assertThat(e.problem().length()).as("a short problem").isLessThanOrEqualTo(400);
        }
        assertThat((long) outcome[1]).as("bytes allocated by %s", c.name()).isLessThanOrEqualTo(c.maxAllocated());
    }
}
