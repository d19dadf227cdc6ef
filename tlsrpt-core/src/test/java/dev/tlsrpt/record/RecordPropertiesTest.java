package dev.tlsrpt.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Properties of the record reader and writer, and the RRset helpers. */
class RecordPropertiesTest {

    @Property(tries = 500)
    void canonicalOutputAlwaysParsesBackEqual(@ForAll("records") TlsRptRecord record) {
        String text = record.toString();
        assertThat(TlsRpt.parseRecord(text)).isEqualTo(record);
        assertThat(TlsRpt.checkRecord(text, ParseOptions.lenient()).record().rua()).isEqualTo(record.rua());
        assertThat(TlsRpt.selectRecord(List.of("v=spf1 -all", text)).record()).isEqualTo(text);
    }

    @Property(tries = 1000)
    void anyTextEitherReadsBackEqualOrFailsWithAnOffsetInside(@ForAll("recordish") String text) {
        for (ParseOptions options : List.of(ParseOptions.strict(), ParseOptions.lenient())) {
            try {
                RecordCheck check = TlsRpt.checkRecord(text, options);
                assertThat(check.record().rua()).isNotEmpty();
                assertThat(TlsRpt.parseRecord(check.record().toString())).isEqualTo(check.record());
                assertThat(check.warnings()).allSatisfy(w -> assertThat(w.offset()).isBetween(0, text.length()));
            } catch (MalformedRecordException e) {
                assertThat(e.offset()).isBetween(0, text.length());
                assertThat(e.problem()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<TlsRptRecord> records() {
        Arbitrary<List<URI>> rua = uris().list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Map<String, String>> ext = Combinators.combine(extNames(), extValues()).as(Map::entry)
                .list().ofMaxSize(3).map(entries -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    entries.forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
                    return m;
                });
        return Combinators.combine(rua, ext).as(TlsRptRecord::new);
    }

    @Provide
    Arbitrary<String> recordish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("v=TLSRPTv1", "v=TLSRPTv1;", "V=tlsrptv1", "rua=", "RUA=", ";", ";;", " ", "\t", ",",
                        "=", "!", "mailto:", "https://", "a@example.com", "example.com", "%2C", "%zz", "ext", "\u00e9",
                        "x_y", "\n", "//"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    private static Arbitrary<String> label() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10);
    }

    private static Arbitrary<String> domain() {
        return label().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l) + ".example");
    }

    private static Arbitrary<URI> uris() {
        Arbitrary<String> local = Arbitraries.oneOf(label(),
                Combinators.combine(label(), Arbitraries.of("%2C", "%21", "%3B", "+", ".", "-", "_"), label())
                        .as((a, b, c) -> a + b + c));
        Arbitrary<String> mailto = Combinators.combine(Arbitraries.of("mailto:", "MAILTO:", "mailto:"), local, domain())
                .as((s, l, d) -> s + l + "@" + d);
        Arbitrary<String> path = Arbitraries.strings().withChars("abcxyz0129-._~/%").ofMaxLength(12)
                .map(p -> p.replace("%", "%41"));
        Arbitrary<String> https = Combinators.combine(Arbitraries.of("https://", "http://"), domain(), path,
                Arbitraries.of("", "?a=1&b=2", "#frag", ":8443"))
                .as((s, d, p, q) -> q.startsWith(":") ? s + d + q + "/" + p : s + d + "/" + p + q);
        return Arbitraries.oneOf(mailto, https, domain().map(d -> "xmpp:tls@" + d)).map(URI::create);
    }

    private static Arbitrary<String> extNames() {
        Arbitrary<Character> first = Arbitraries.chars().alpha().numeric();
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars("_-.").ofMaxLength(31);
        return Combinators.combine(first, rest).as((f, r) -> f + r).filter(n -> !n.equals("rua"));
    }

    private static Arbitrary<String> extValues() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)
                .map(v -> v.replace('=', 'x').replace(';', 'y'));
    }

    @Test
    void aRecordSentAsSeveralStringsIsReadOnceJoinedWithoutSpaces() {
        String txt = String.join("", List.of("v=TLSRPTv1;rua=mailto:a@exa", "mple.com"));
        assertThat(RecordCheck.strict(txt).record().rua()).containsExactly(URI.create("mailto:a@example.com"));
        assertThat(RecordSelection.strict(List.of(txt)).record()).isEqualTo("v=TLSRPTv1;rua=mailto:a@example.com");
    }

    @Test
    void theFrontDoorAndTheRecordPackageReadAlike() {
        String txt = "V=tlsrptv1; rua=http://example.com/r ;; RUA=mailto:a@example.com";
        assertThat(TlsRpt.checkRecord(txt, ParseOptions.lenient())).isEqualTo(RecordCheck.lenient(txt));
        assertThatThrownBy(() -> TlsRpt.checkRecord(txt)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> RecordCheck.strict(txt)).isInstanceOf(MalformedRecordException.class);
        String ok = "v=TLSRPTv1 ; rua=http://example.com/r";
        assertThat(TlsRpt.checkRecord(ok)).isEqualTo(RecordCheck.strict(ok));
        assertThat(TlsRpt.checkRecord(ok, ParseOptions.strict())).isEqualTo(RecordCheck.strict(ok));
        assertThat(RecordCheck.strict(ok).warnings()).extracting(RecordWarning::kind)
                .containsExactly(RecordWarningKind.VERSION_PREFIX, RecordWarningKind.HTTP_NOT_HTTPS);
        List<String> rrset = List.of("v=spf1 -all", "V=TLSRPTv1;rua=mailto:a@example.com");
        assertThat(TlsRpt.selectRecord(rrset)).isEqualTo(RecordSelection.strict(rrset));
        assertThat(TlsRpt.selectRecord(rrset, ParseOptions.lenient())).isEqualTo(RecordSelection.lenient(rrset));
        assertThat(RecordSelection.strict(rrset).outcome()).isEqualTo(RecordSelection.Outcome.NONE);
        assertThat(RecordSelection.lenient(rrset).outcome()).isEqualTo(RecordSelection.Outcome.ONE);
    }

    @Test
    void selectsTheOneRecordAndDiscardsTheOthers() {
        RecordSelection s = TlsRpt.selectRecord(List.of("v=spf1 -all", "v=TLSRPTv1;rua=mailto:a@example.com",
                "google-site-verification=abc"));
        assertThat(s.outcome()).isEqualTo(RecordSelection.Outcome.ONE);
        assertThat(s.record()).isEqualTo("v=TLSRPTv1;rua=mailto:a@example.com");
        assertThat(s.discarded()).containsExactly("v=spf1 -all", "google-site-verification=abc");
    }

    @Test
    void reportsNoneWhenNoRecordBeginsWithTheVersion() {
        RecordSelection s = TlsRpt.selectRecord(List.of("v=spf1 -all"));
        assertThat(s.outcome()).isEqualTo(RecordSelection.Outcome.NONE);
        assertThat(s.record()).isNull();
        assertThat(s.explanation()).contains("does not implement TLSRPT");
    }

    @Test
    void reportsMoreThanOneAndNoRecord() {
        RecordSelection s = TlsRpt.selectRecord(List.of("v=TLSRPTv1;rua=mailto:a@example.com",
                "v=TLSRPTv1;rua=mailto:b@example.com"));
        assertThat(s.outcome()).isEqualTo(RecordSelection.Outcome.MORE_THAN_ONE);
        assertThat(s.record()).isNull();
        assertThat(s.explanation()).startsWith("2 TXT records").contains("Publish exactly one");
    }

    @Test
    void strictSelectionDiscardsTheSpaceBeforeTheSemicolonAndSaysSo() {
        List<String> rrset = List.of("v=TLSRPTv1 ; rua=mailto:a@example.com");
        RecordSelection strict = TlsRpt.selectRecord(rrset);
        assertThat(strict.outcome()).isEqualTo(RecordSelection.Outcome.NONE);
        assertThat(strict.explanation()).contains("'v=TLSRPTv1 ;'");
        RecordSelection lenient = TlsRpt.selectRecord(rrset, ParseOptions.lenient());
        assertThat(lenient.outcome()).isEqualTo(RecordSelection.Outcome.ONE);
        assertThat(lenient.record()).isEqualTo(rrset.get(0));
    }

    @Test
    void aRecordWithoutRuaIsACandidateButDoesNotParse() {
        RecordSelection s = TlsRpt.selectRecord(List.of("v=TLSRPTv1;", "v=TLSRPTv1;rua=mailto:a@example.com"));
        assertThat(s.outcome()).isEqualTo(RecordSelection.Outcome.MORE_THAN_ONE);
    }

    @Test
    void constructorRejectsWhatCannotBeWrittenBack() {
        assertThatThrownBy(() -> TlsRptRecord.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rua is empty");
        assertThatThrownBy(() -> TlsRptRecord.of("mailto:a!b@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'!' must be percent-encoded");
        assertThatThrownBy(() -> TlsRptRecord.of("a@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing mailto: scheme");
        assertThatThrownBy(() -> new TlsRptRecord(List.of(URI.create("mailto:a@example.com")), Map.of("rua", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rua'");
        assertThatThrownBy(() -> new TlsRptRecord(List.of(URI.create("mailto:a@example.com")), Map.of("e", "a b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not allowed in an extension value");
        assertThatThrownBy(() -> new TlsRptRecord(List.of(URI.create("mailto:a@example.com")), Map.of("-e", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start of a field name");
    }

    @Test
    void ofWritesTheCanonicalRecord() {
        assertThat(TlsRptRecord.of("mailto:tlsrpt@example.com", "https://example.com/tlsrpt"))
                .hasToString("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://example.com/tlsrpt");
    }
}
