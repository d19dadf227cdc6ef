package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the writer produces, the parser reads: the lenient parser never throws on a written report and
 * reads back the very model that was written (hostile strings included: control characters, NUL, quotes,
 * backslashes, astral characters, Long.MAX_VALUE counts, unknown type names, absent optional members);
 * strict parsing of a written report succeeds exactly when lenient parsing tolerated nothing, and always for
 * a report that follows RFC 8460. Complements the record helper's round-trip property (corpus and plain
 * reports) with the hostile corner of the model. Plain and gzip output, whole-report and streaming reads.
 */
class WrittenReportsParsePropertiesTest {

    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Property(tries = 400)
    void lenientParsingNeverThrowsOnAWrittenReportAndReadsItBack(@ForAll("anyReports") TlsReport report)
            throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            byte[] written = write(report, gzip);
            ParseResult lenient = ReportChecks.parse(written, ParseOptions.lenient()).get();
            assertThat(lenient.report()).isEqualTo(report);
            assertThat(ReportChecks.stream(written, ParseOptions.lenient()).get()).isEqualTo(lenient);
            ReportChecks.Outcome strict = ReportChecks.parse(written, ParseOptions.strict());
            assertThat(strict.ok()).as("strict accepts exactly when nothing was tolerated: "
                    + lenient.deviations() + " / " + strict.error()).isEqualTo(lenient.deviations().isEmpty());
        }
    }

    @Property(tries = 400)
    void strictParsingOfAWrittenConformingReportAlwaysSucceeds(@ForAll("conformingReports") TlsReport report)
            throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            byte[] written = write(report, gzip);
            ParseResult strict = TlsRpt.parseWithDeviations(written, ParseOptions.strict());
            assertThat(strict.report()).isEqualTo(report);
            assertThat(strict.deviations()).isEmpty();
            assertThat(ReportChecks.checkAll(written).get().report()).isEqualTo(report);
        }
    }

    static byte[] write(TlsReport report, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TlsRpt.write(report, out, WriteOptions.defaults().withGzip(gzip));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------
    // any report the model and the writer accept

    /** Strings with control characters, NUL, quotes, backslashes, non-ASCII and astral characters. */
    static Arbitrary<String> hostileStrings() {
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0000', '\u001f')
                .withChars('"', '\\', '/', '~', ' ', 'a', 'Z', '0', '[', ']', '{', '}', ':', ',', '\u007f')
                .withCharRange('\u0080', '\u00ff')
                .withCharRange('\u2028', '\u2029')
                .withCharRange('\ufff0', '\uffff')
                .withCharRange('\ue000', '\ue00f')
                .ofMaxLength(24);
        Arbitrary<String> astral = Arbitraries.of("\uD83D\uDE00", "\uD800\uDC00", "\uDBFF\uDFFF", "");
        return Combinators.combine(bmp, astral, bmp).as((a, b, c) -> a + b + c);
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(MIN.getEpochSecond(), MAX.getEpochSecond()),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    static Arbitrary<Long> counts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000), Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.of(0L, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1));
    }

    static Arbitrary<PolicyType> policyTypes() {
        return Arbitraries.of(PolicyType.class);
    }

    static String policyTypeName(PolicyType type, String unknownName) {
        return type == PolicyType.UNKNOWN ? unknownName : type.wireName();
    }

    static boolean isKnownPolicyTypeName(String name) {
        return Arrays.stream(PolicyType.values()).anyMatch(t -> t != PolicyType.UNKNOWN && t.wireName().equals(name));
    }

    static boolean isKnownResultTypeName(String name) {
        return ResultType.fromWireName(name) != ResultType.UNKNOWN;
    }

    static Arbitrary<Policy> anyPolicies() {
        return Combinators.combine(policyTypes(),
                hostileStrings().filter(s -> !isKnownPolicyTypeName(s)),
                hostileStrings().list().ofMaxSize(4),
                hostileStrings().injectNull(0.2),
                hostileStrings().list().ofMaxSize(3))
                .as((type, name, strings, domain, mx) -> new Policy(type, policyTypeName(type, name), strings, domain,
                        mx));
    }

    static Arbitrary<FailureDetail> anyDetails() {
        Arbitrary<String> optional = hostileStrings().injectNull(0.3);
        return Combinators.combine(Arbitraries.of(ResultType.class),
                hostileStrings().filter(s -> !isKnownResultTypeName(s)), optional, optional, optional, optional,
                counts(), Combinators.combine(optional, optional).as((a, b) -> Arrays.asList(a, b)))
                .as((type, name, sending, mx, helo, receiving, count, rest) -> new FailureDetail(type,
                        type == ResultType.UNKNOWN ? name : type.wireName(), sending, mx, helo, receiving, count,
                        rest.get(0), rest.get(1)));
    }

    static Arbitrary<PolicyResult> anyPolicyResults() {
        return Combinators.combine(anyPolicies(), Combinators.combine(counts(), counts()).as(Summary::new),
                anyDetails().list().ofMaxSize(4)).as(PolicyResult::new);
    }

    @Provide
    Arbitrary<TlsReport> anyReports() {
        return Combinators.combine(hostileStrings(), Combinators.combine(instants(), instants()).as(DateRange::new),
                hostileStrings().injectNull(0.2), hostileStrings(), anyPolicyResults().list().ofMaxSize(4))
                .as(TlsReport::new);
    }

    // ---------------------------------------------------------------------------------------------------
    // reports that follow RFC 8460 exactly

    static Arbitrary<String> ips() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> v4 = Combinators.combine(octet, octet, octet, octet)
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(l -> String.join(":", l.stream().map(Integer::toHexString).toList()));
        return Arbitraries.oneOf(v4, v6, Arbitraries.of("::1", "2001:db8::25", "::ffff:192.0.2.1", "::"));
    }

    static Arbitrary<String> uris() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '.', '_', '~', '/', '%')
                .ofMaxLength(20).filter(s -> !s.contains("%"))
                .map(s -> "https://mx.example/" + s + "?q=%41");
    }

    static Arbitrary<Policy> conformingPolicies() {
        Arbitrary<String> strings = hostileStrings().filter(s -> !s.strip().startsWith("["));
        return Combinators.combine(Arbitraries.of(PolicyType.TLSA, PolicyType.STS, PolicyType.NO_POLICY_FOUND),
                strings.list().ofMaxSize(4), hostileStrings(), hostileStrings().list().ofMaxSize(3))
                .as((type, ps, domain, mx) -> new Policy(type, type.wireName(), ps, domain, mx));
    }

    static Arbitrary<FailureDetail> conformingDetails() {
        Arbitrary<ResultType> known = Arbitraries.of(ResultType.class).filter(t -> t != ResultType.UNKNOWN);
        return Combinators.combine(known, ips(), hostileStrings(), hostileStrings().injectNull(0.5),
                ips().injectNull(0.5), counts(), uris().injectNull(0.5), hostileStrings().injectNull(0.5))
                .as((type, sending, mx, helo, receiving, count, uri, code) -> new FailureDetail(type,
                        type.wireName(), sending, mx, helo, receiving, count, uri, code));
    }

    @Provide
    Arbitrary<TlsReport> conformingReports() {
        Arbitrary<PolicyResult> results = Combinators.combine(conformingPolicies(),
                Combinators.combine(counts(), counts()).as(Summary::new), conformingDetails().list().ofMaxSize(4))
                .as(PolicyResult::new);
        return Combinators.combine(hostileStrings(), Combinators.combine(instants(), instants()).as(DateRange::new),
                hostileStrings(), hostileStrings(), results.list().ofMaxSize(4)).as(TlsReport::new);
    }
}
