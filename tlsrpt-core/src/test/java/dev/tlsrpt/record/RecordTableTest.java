package dev.tlsrpt.record;

import static dev.tlsrpt.record.RecordWarningKind.DUPLICATE_EXTENSION;
import static dev.tlsrpt.record.RecordWarningKind.DUPLICATE_URI;
import static dev.tlsrpt.record.RecordWarningKind.EMPTY_FIELD;
import static dev.tlsrpt.record.RecordWarningKind.FIELD_NAME_CASE;
import static dev.tlsrpt.record.RecordWarningKind.HTTPS_WITHOUT_HOST;
import static dev.tlsrpt.record.RecordWarningKind.HTTP_NOT_HTTPS;
import static dev.tlsrpt.record.RecordWarningKind.MAILTO_WITHOUT_DOMAIN;
import static dev.tlsrpt.record.RecordWarningKind.MISSING_SCHEME;
import static dev.tlsrpt.record.RecordWarningKind.MULTIPLE_RUA_FIELDS;
import static dev.tlsrpt.record.RecordWarningKind.STRAY_WHITESPACE;
import static dev.tlsrpt.record.RecordWarningKind.TOO_MANY_URIS;
import static dev.tlsrpt.record.RecordWarningKind.UNSUPPORTED_SCHEME;
import static dev.tlsrpt.record.RecordWarningKind.VERSION_CASE;
import static dev.tlsrpt.record.RecordWarningKind.VERSION_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The record table: valid, suspicious and invalid {@code _smtp._tls} records, strict and lenient. */
class RecordTableTest {

    private static final String A = "mailto:a@example.com";
    private static final String NAME_32 = "a" + "b".repeat(30) + "9";
    private static final String NAME_33 = NAME_32 + "x";

    /** One row: a record, the mode, and what must come out. */
    record Row(String txt, boolean lenient, List<String> rua, Map<String, String> ext,
            List<RecordWarningKind> warnings, List<Integer> warningOffsets,
            int errorOffset, @Nullable String error) {
    }

    private static Arguments ok(String name, String txt, List<String> rua, RecordWarningKind... warnings) {
        return ok(name, txt, false, rua, Map.of(), warnings);
    }

    private static Arguments ok(String name, String txt, boolean lenient, List<String> rua, Map<String, String> ext,
            RecordWarningKind... warnings) {
        return Arguments.of(Named.of(name, new Row(txt, lenient, rua, ext, List.of(warnings), List.of(), -1, null)));
    }

    private static Arguments warnAt(String name, String txt, boolean lenient, List<String> rua,
            RecordWarningKind kind, int offset) {
        return Arguments.of(Named.of(name,
                new Row(txt, lenient, rua, Map.of(), List.of(kind), List.of(offset), -1, null)));
    }

    private static Arguments bad(String name, String txt, int offset, String message) {
        return bad(name, txt, false, offset, message);
    }

    private static Arguments bad(String name, String txt, boolean lenient, int offset, String message) {
        return Arguments.of(Named.of(name, new Row(txt, lenient, List.of(), Map.of(), List.of(), List.of(),
                offset, message)));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // valid, strict
                ok("RFC 8460 section 3.1 example", "v=TLSRPTv1;rua=mailto:reports@example.com",
                        List.of("mailto:reports@example.com")),
                ok("RFC 8460 https example", "v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt",
                        List.of("https://reporting.example.com/v1/tlsrpt")),
                ok("two URIs in one rua", "v=TLSRPTv1; rua=" + A + ",https://r.example.com/tlsrpt",
                        List.of(A, "https://r.example.com/tlsrpt")),
                ok("white space around the comma", "v=TLSRPTv1; rua=" + A + " ,\tmailto:b@example.com",
                        List.of(A, "mailto:b@example.com")),
                ok("trailing semicolon", "v=TLSRPTv1; rua=" + A + ";", List.of(A)),
                ok("trailing semicolon and space", "v=TLSRPTv1; rua=" + A + " ; ", List.of(A)),
                ok("percent-encoded comma", "v=TLSRPTv1; rua=mailto:a%2Cb@example.com",
                        List.of("mailto:a%2Cb@example.com")),
                ok("percent-encoded exclamation mark and semicolon", "v=TLSRPTv1; rua=https://x.example/a%21b%3Bc",
                        List.of("https://x.example/a%21b%3Bc")),
                ok("scheme in upper case", "v=TLSRPTv1; rua=MAILTO:a@example.com", List.of("MAILTO:a@example.com")),
                ok("mailto with a subject", "v=TLSRPTv1; rua=mailto:a@example.com?subject=tlsrpt",
                        List.of("mailto:a@example.com?subject=tlsrpt")),
                ok("https with port, query and fragment", "v=TLSRPTv1;rua=https://example.com:8443/tls?x=1#f",
                        List.of("https://example.com:8443/tls?x=1#f")),
                ok("extension kept", "v=TLSRPTv1; rua=" + A + "; ext=val", false, List.of(A), Map.of("ext", "val")),
                ok("extension before rua", "v=TLSRPTv1; foo=bar; rua=" + A, false, List.of(A), Map.of("foo", "bar")),
                ok("extension name of 32 characters", "v=TLSRPTv1; rua=" + A + "; " + NAME_32 + "=1", false,
                        List.of(A), Map.of(NAME_32, "1")),
                ok("extension name with _ - .", "v=TLSRPTv1; rua=" + A + "; my_ext-1.x=1", false, List.of(A),
                        Map.of("my_ext-1.x", "1")),
                ok("extension value with every allowed punctuation",
                        "v=TLSRPTv1; rua=" + A + "; x=!\"#$%&'()*+,-./:<>?@[\\]^_`{|}~", false, List.of(A),
                        Map.of("x", "!\"#$%&'()*+,-./:<>?@[\\]^_`{|}~")),
                ok("an unencoded ; in a URI ends the field: the rest is an extension",
                        "v=TLSRPTv1; rua=https://example.com/report;jsessionid=1", false,
                        List.of("https://example.com/report"), Map.of("jsessionid", "1")),
                // legal but suspicious
                warnAt("mox: space before the first semicolon", "v=TLSRPTv1 ; rua=mailto:x@example.com", false,
                        List.of("mailto:x@example.com"), VERSION_PREFIX, 10),
                warnAt("tabs around the first semicolon", "v=TLSRPTv1\t;\trua=" + A, false, List.of(A),
                        VERSION_PREFIX, 10),
                warnAt("mox: two rua fields", "v=TLSRPTv1; rua=mailto:x@example.com; rua=mailto:y@example.com",
                        false, List.of("mailto:x@example.com", "mailto:y@example.com"), MULTIPLE_RUA_FIELDS, 38),
                warnAt("http instead of https", "v=TLSRPTv1; rua=http://example.com/tlsrpt", false,
                        List.of("http://example.com/tlsrpt"), HTTP_NOT_HTTPS, 16),
                warnAt("mailto without a domain", "v=TLSRPTv1; rua=mailto:postmaster", false,
                        List.of("mailto:postmaster"), MAILTO_WITHOUT_DOMAIN, 16),
                warnAt("mailto with an empty domain", "v=TLSRPTv1; rua=mailto:postmaster@", false,
                        List.of("mailto:postmaster@"), MAILTO_WITHOUT_DOMAIN, 16),
                warnAt("mailto with slashes", "v=TLSRPTv1; rua=mailto://a@example.com", false,
                        List.of("mailto://a@example.com"), RecordWarningKind.MAILTO_WITH_SLASHES, 16),
                warnAt("duplicate URI", "v=TLSRPTv1; rua=" + A + "," + A, false, List.of(A, A), DUPLICATE_URI, 37),
                warnAt("three URIs", "v=TLSRPTv1; rua=" + A + ",mailto:b@example.com,mailto:c@example.com", false,
                        List.of(A, "mailto:b@example.com", "mailto:c@example.com"), TOO_MANY_URIS, 58),
                warnAt("ftp scheme", "v=TLSRPTv1; rua=ftp://example.com/r", false, List.of("ftp://example.com/r"),
                        UNSUPPORTED_SCHEME, 16),
                warnAt("https without a host", "v=TLSRPTv1; rua=https:/tlsrpt", false, List.of("https:/tlsrpt"),
                        HTTPS_WITHOUT_HOST, 16),
                ok("RUA= next to rua= is an extension", "v=TLSRPTv1; RUA=mailto:b@example.com; rua=" + A, false,
                        List.of(A), Map.of("RUA", "mailto:b@example.com"), FIELD_NAME_CASE),
                ok("duplicate extension keeps the first", "v=TLSRPTv1; rua=" + A + "; e=1; e=2", false, List.of(A),
                        Map.of("e", "1"), DUPLICATE_EXTENSION),
                ok("the same URI in two rua fields", "v=TLSRPTv1; rua=" + A + "; rua=" + A, false, List.of(A, A),
                        Map.of(), MULTIPLE_RUA_FIELDS, DUPLICATE_URI),
                // invalid, strict
                bad("empty record", "", 0, "empty record"),
                bad("version only", "v=TLSRPTv1", 10, "no rua= field"),
                bad("version and semicolon only", "v=TLSRPTv1;", 11, "no rua= field"),
                bad("sys4: address without mailto:", "v=TLSRPTv1; rua=postmaster@isaspa.it", 16,
                        "missing mailto: scheme (write rua=mailto:postmaster@isaspa.it)"),
                bad("two semicolons after the version", "v=TLSRPTv1;;rua=" + A, 11, "empty field"),
                bad("two semicolons at the end", "v=TLSRPTv1; rua=" + A + ";;", 37, "empty field"),
                bad("version in lower case", "v=tlsrptv1; rua=" + A, 0, "exactly v=TLSRPTv1"),
                bad("V= in upper case", "V=TLSRPTv1; rua=" + A, 0, "exactly v=TLSRPTv1"),
                bad("another version", "v=TLSRPTv2; rua=" + A, 0, "not a TLSRPT record: it begins with v=TLSRPTv2"),
                bad("an SPF record", "v=spf1 -all", 0, "not a TLSRPT record: it begins with v=spf1"),
                bad("version not first", "rua=" + A + "; v=TLSRPTv1", 0, "must begin with v=TLSRPTv1"),
                bad("leading space", " v=TLSRPTv1; rua=" + A, 0, "must begin with v=TLSRPTv1"),
                bad("no semicolon after the version", "v=TLSRPTv1 rua=" + A, 11,
                        "expected ';' after v=TLSRPTv1, found 'r'"),
                bad("version with a trailing digit", "v=TLSRPTv10; rua=" + A, 10, "found '0'"),
                bad("DMARC-style size limit", "v=TLSRPTv1; rua=" + A + "!10m", 36, "'!' must be percent-encoded"),
                bad("two URIs without a comma", "v=TLSRPTv1; rua=" + A + " mailto:b@example.com", 37,
                        "expected ',' or ';' after the URI"),
                bad("an unencoded comma in a URI splits it", "v=TLSRPTv1; rua=https://example.com/a,b", 38,
                        "not a URI: b has no scheme"),
                bad("rua without a URI", "v=TLSRPTv1; rua=", 16, "rua= without a URI"),
                bad("rua with a trailing comma", "v=TLSRPTv1; rua=" + A + ",", 37, "empty URI after ','"),
                bad("extension name of 33 characters", "v=TLSRPTv1; rua=" + A + "; " + NAME_33 + "=1", 70,
                        "is 33 characters long, at most 32"),
                bad("= in an extension value", "v=TLSRPTv1; rua=" + A + "; ext=a=b", 43,
                        "'=' not allowed in an extension value"),
                bad("non-ASCII extension value", "v=TLSRPTv1; rua=" + A + "; ext=caf\u00e9", 45,
                        "character U+00E9 not allowed in an extension value"),
                bad("control character in an extension value", "v=TLSRPTv1; rua=" + A + "; ext=a\u0001b", 43,
                        "character U+0001 not allowed"),
                bad("extension name starting with _", "v=TLSRPTv1; rua=" + A + "; _ext=1", 38,
                        "'_' not allowed at the start of a field name"),
                bad("extension name with a slash", "v=TLSRPTv1; rua=" + A + "; a/b=1", 39,
                        "'/' not allowed in a field name"),
                bad("empty extension value", "v=TLSRPTv1; rua=" + A + "; ext=", 42, "empty value"),
                bad("trailing white space without a semicolon", "v=TLSRPTv1; rua=" + A + " ", 36,
                        "white space at the end"),
                bad("space before =", "v=TLSRPTv1; rua = " + A, 15, "white space before '='"),
                bad("network-path reference", "v=TLSRPTv1; rua=//reports.example.com/tls", 16,
                        "missing https: scheme"),
                bad("bare host name", "v=TLSRPTv1; rua=reports.example.com", 16, "missing https: scheme"),
                bad("non-ASCII in a URI", "v=TLSRPTv1; rua=mailto:caf\u00e9@example.com", 26,
                        "percent-encode non-ASCII"),
                bad("broken percent escape", "v=TLSRPTv1; rua=mailto:a%zz@example.com", 24,
                        "'%' not followed by two hex digits"),
                bad("only RUA=", "v=TLSRPTv1; RUA=" + A, 36, "'RUA=' is not 'rua='"),
                bad("field without =", "v=TLSRPTv1; foo", 15, "has no '='"),
                bad("field without a name", "v=TLSRPTv1; rua=" + A + "; =x", 38, "field without a name"),
                bad("line feed between fields", "v=TLSRPTv1;\nrua=" + A, 11, "character U+000A not allowed"),
                // lenient
                warnAt("lenient: mox form", "v=TLSRPTv1 ; rua=mailto:x@example.com", true,
                        List.of("mailto:x@example.com"), VERSION_PREFIX, 10),
                warnAt("lenient: version case", "V=tlsrptv1; rua=" + A, true, List.of(A), VERSION_CASE, 0),
                warnAt("lenient: sys4 address read as mailto", "v=TLSRPTv1; rua=postmaster@isaspa.it", true,
                        List.of("mailto:postmaster@isaspa.it"), MISSING_SCHEME, 16),
                warnAt("lenient: ;;", "v=TLSRPTv1;;rua=" + A, true, List.of(A), EMPTY_FIELD, 11),
                warnAt("lenient: RUA= read as rua=", "v=TLSRPTv1; RUA=" + A, true, List.of(A), FIELD_NAME_CASE, 12),
                ok("lenient: white space at both ends", "  v=TLSRPTv1; rua=" + A + "  ", true, List.of(A), Map.of(),
                        STRAY_WHITESPACE, STRAY_WHITESPACE),
                ok("lenient: spaces around =", "v = TLSRPTv1; rua = " + A, true, List.of(A), Map.of(),
                        VERSION_CASE, STRAY_WHITESPACE, STRAY_WHITESPACE),
                bad("lenient still rejects !", "v=TLSRPTv1; rua=" + A + "!10m", true, 36, "'!' must be"),
                bad("lenient still needs a rua", "v=TLSRPTv1; x=1", true, 15, "no rua= field"),
                bad("lenient still rejects another version", "v=TLSRPTv2; rua=" + A, true, 0, "not a TLSRPT record"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsEachRecordAsTheTableSays(Row row) {
        ParseOptions options = row.lenient() ? ParseOptions.lenient() : ParseOptions.strict();
        if (row.error() != null) {
            var e = catchThrowableOfType(MalformedRecordException.class,
                    () -> TlsRpt.checkRecord(row.txt(), options));
            assertThat(e).as("expected an error for %s", row.txt()).isNotNull();
            assertThat(e.problem()).contains(row.error());
            assertThat(e.offset()).isEqualTo(row.errorOffset());
            assertThat(e.getMessage()).startsWith("offset " + row.errorOffset() + ": ");
            return;
        }
        RecordCheck check = TlsRpt.checkRecord(row.txt(), options);
        List<String> rua = new ArrayList<>();
        for (URI u : check.record().rua()) {
            rua.add(u.toString());
        }
        assertThat(rua).containsExactlyElementsOf(row.rua());
        assertThat(check.record().extensions()).isEqualTo(row.ext());
        assertThat(check.warnings()).extracting(RecordWarning::kind).containsExactlyElementsOf(row.warnings());
        if (!row.warningOffsets().isEmpty()) {
            assertThat(check.warnings()).extracting(RecordWarning::offset)
                    .containsExactlyElementsOf(row.warningOffsets());
        }
        // the canonical form reads back equal, strictly
        assertThat(TlsRpt.parseRecord(check.record().toString())).isEqualTo(check.record());
    }

    @org.junit.jupiter.api.Test
    void theTableHasAtLeastFortyRecords() {
        assertThat(rows().count()).isGreaterThanOrEqualTo(40);
    }

    @org.junit.jupiter.api.Test
    void canonicalFormHasOneRuaAndTheExtensionsInOrder() {
        TlsRptRecord r = TlsRpt.parseRecord("v=TLSRPTv1;z=1; rua=" + A + ";a=2;rua=https://r.example/x");
        assertThat(r).hasToString("v=TLSRPTv1; rua=" + A + ",https://r.example/x; z=1; a=2");
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("z", "1");
        ordered.put("a", "2");
        assertThat(List.copyOf(r.extensions().keySet())).containsExactlyElementsOf(ordered.keySet());
    }
}
