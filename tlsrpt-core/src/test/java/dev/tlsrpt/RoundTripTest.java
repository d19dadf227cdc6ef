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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** parse, write, parse: the corpus and generated reports come back equal. */
class RoundTripTest {

    /** What a written document can still deviate in: what the model itself keeps (nulls, names as sent). */
    private static final Set<DeviationKind> KEPT_BY_THE_MODEL = EnumSet.of(DeviationKind.MISSING_CONTACT_INFO,
            DeviationKind.MISSING_POLICY_DOMAIN, DeviationKind.MISSING_SENDING_MTA_IP,
            DeviationKind.MISSING_RECEIVING_MX_HOSTNAME, DeviationKind.TLSA_POLICY_STRING_JSON_ARRAY,
            DeviationKind.UNKNOWN_POLICY_TYPE, DeviationKind.UNKNOWN_RESULT_TYPE, DeviationKind.INVALID_IP_ADDRESS,
            DeviationKind.INVALID_URI);

    static Stream<String> corpus() throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/corpus/EXPECTED.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> keys = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^ \"([^\"]+)\": \\{$").matcher(text);
            while (m.find()) {
                keys.add(m.group(1));
            }
            return keys.stream();
        }
    }

    static byte[] write(TlsReport report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TlsRpt.write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusReportComesBackEqual(String name) throws IOException {
        TlsReport original;
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/corpus/" + name)) {
            original = TlsRpt.parse(in);
        }
        byte[] written = write(original);
        ParseResult again = TlsRpt.parseWithDeviations(written, ParseOptions.lenient());
        assertThat(again.report()).isEqualTo(original);
        // shape deviations (mx-host as a string, dates without a zone, draft names, nulls, unknown members)
        // do not survive writing; only what the model keeps can deviate again
        assertThat(again.deviations()).extracting(Deviation::kind).allMatch(KEPT_BY_THE_MODEL::contains);
        // writing is a fixed point
        assertThat(write(again.report())).isEqualTo(written);
    }

    @Property(tries = 300)
    void generatedRfcReportsComeBackEqualAndPassStrictParsing(@ForAll("rfcReports") TlsReport report) {
        byte[] written = write(report);
        assertThat(TlsRpt.parse(written, ParseOptions.strict())).isEqualTo(report);
        assertThat(TlsRpt.parseWithDeviations(written, ParseOptions.lenient()).deviations()).isEmpty();
    }

    @Property(tries = 300)
    void anyGeneratedReportComesBackEqualLeniently(@ForAll("anyReports") TlsReport report) {
        byte[] written = write(report);
        ParseResult result = TlsRpt.parseWithDeviations(written, ParseOptions.lenient());
        assertThat(result.report()).isEqualTo(report);
        assertThat(result.deviations()).extracting(Deviation::kind).allMatch(KEPT_BY_THE_MODEL::contains);
    }

    // ---- generators ----

    /** Text with ASCII, control characters, Latin, CJK and astral characters; never an unpaired surrogate. */
    static Arbitrary<String> text() {
        Arbitrary<String> chunk = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(2),
                Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMaxLength(4),
                Arbitraries.strings().withCharRange('\u4e00', '\u4fff').ofMaxLength(3),
                Arbitraries.of("\ud83d\udce7", "\u2028", "\ufeff", "\"", "\\", "/", "\u007f"));
        return chunk.list().ofMaxSize(4).map(l -> String.join("", l));
    }

    static Arbitrary<String> ipv4() {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
    }

    static Arbitrary<String> ipv6() {
        Arbitrary<String> group = Arbitraries.integers().between(0, 0xffff).map(Integer::toHexString);
        Arbitrary<String> full = group.list().ofSize(8).map(l -> String.join(":", l));
        Arbitrary<String> compressed = Combinators.combine(group.list().ofMinSize(1).ofMaxSize(3),
                group.list().ofMinSize(1).ofMaxSize(3)).as((a, b) -> String.join(":", a) + "::" + String.join(":", b));
        Arbitrary<String> mapped = ipv4().map(v4 -> "::ffff:" + v4);
        return Arbitraries.oneOf(full, compressed, mapped, Arbitraries.of("::1", "::", "2001:db8:abcd:0012::1"));
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    static Arbitrary<Long> counts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000), Arbitraries.longs().between(0,
                Long.MAX_VALUE), Arbitraries.just(Long.MAX_VALUE));
    }

    static Arbitrary<@Nullable String> maybe(Arbitrary<String> a) {
        return Arbitraries.oneOf(a, Arbitraries.just((String) null));
    }

    @Provide
    Arbitrary<TlsReport> rfcReports() {
        return reports(true);
    }

    @Provide
    Arbitrary<TlsReport> anyReports() {
        return reports(false);
    }

    private static Arbitrary<TlsReport> reports(boolean rfc) {
        Arbitrary<String> ip = Arbitraries.oneOf(ipv4(), ipv6());
        Arbitrary<String> anyIp = rfc ? ip : Arbitraries.oneOf(ip, text());
        Arbitrary<String> uri = Arbitraries.of("https://reports.example/x?id=1#a", "mailto:a@example.com",
                "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "https://example.com/%20x");
        Arbitrary<String> anyUri = rfc ? uri : Arbitraries.oneOf(uri, text());
        Arbitrary<String> resultName = rfc
                ? Arbitraries.of(ResultType.values()).filter(t -> t != ResultType.UNKNOWN).map(ResultType::wireName)
                : Arbitraries.oneOf(Arbitraries.of(ResultType.values()).filter(t -> t != ResultType.UNKNOWN)
                        .map(ResultType::wireName), text());
        Arbitrary<String> required = text();
        Arbitrary<FailureDetail> detail = Combinators.combine(resultName,
                rfc ? ip : maybe(anyIp), rfc ? required : maybe(required), maybe(text()), maybe(anyIp), counts(),
                maybe(anyUri), maybe(text()))
                .as((type, sending, mx, helo, receiving, count, info, reason) -> new FailureDetail(
                        ResultType.fromWireName(type), type, sending, mx, helo, receiving, count, info, reason));
        Arbitrary<String> policyName = rfc ? Arbitraries.of("sts", "tlsa", "no-policy-found")
                : Arbitraries.oneOf(Arbitraries.of("sts", "tlsa", "no-policy-found"), text());
        Arbitrary<List<String>> policyStrings = text().filter(s -> !s.strip().startsWith("[")).list().ofMaxSize(5);
        Arbitrary<Policy> policy = Combinators.combine(policyName, policyStrings,
                rfc ? text() : maybe(text()), text().list().ofMaxSize(3))
                .as((name, strings, domain, mx) -> new Policy(PolicyType.fromWireName(name), name, strings, domain,
                        mx));
        Arbitrary<PolicyResult> entry = Combinators.combine(policy, counts(), counts(),
                detail.list().ofMaxSize(4))
                .as((p, ok, failed, details) -> new PolicyResult(p, new Summary(ok, failed), details));
        return Combinators.combine(text(), instants(), instants(), rfc ? text() : maybe(text()), text(),
                entry.list().ofMaxSize(3))
                .as((org, start, end, contact, id, entries) -> new TlsReport(org, new DateRange(start, end), contact,
                        id, entries));
    }
}
