package dev.tlsrpt;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.HostileReports;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input table: each input against {@code TlsRpt.parse} and {@code TlsRpt.stream}, lenient and
 * strict, asserting the typed error (class, limit name, pointer, problem, deviation kind) or the values
 * read, that the call returned within a hang guard (20 s, generous: not a speed claim) and that the thread
 * allocated no more than the case's bound (a gzip bomb allocates a small fraction of its expanded size).
 * Big inputs are generated lazily while they are read; nothing of a gigabyte ever exists in memory.
 */
class HostileInputTest {

    static final String HEAD = """
            {"organization-name":"Org","date-range":{"start-datetime":"2026-11-26T00:00:00Z",\
            "end-datetime":"2026-11-26T23:59:59Z"},"contact-info":"c@example.org","report-id":"r1",""";
    static final String POLICY = """
            {"policy":{"policy-type":"no-policy-found","policy-domain":"example.org"},\
            "summary":{"total-successful-session-count":1,"total-failure-session-count":0}}""";
    static final String DETAIL = """
            {"result-type":"certificate-expired","sending-mta-ip":"192.0.2.1",\
            "receiving-mx-hostname":"mx.example.org","failed-session-count":1}""";
    static final String VALID = HEAD + "\"policies\":[" + POLICY + "]}";
    /** A failure detail with one deviation: its additional-information is free text, not a URI. */
    static final String FREE_TEXT_DETAIL = DETAIL.replace("}", ",\"additional-information\":"
            + "\"the receiving MTA presented an expired certificate for its host name\"}");

    /** A valid report whose only policy has {@code summary} counts given as JSON text. */
    static String withCounts(String successful, String failed) {
        return HEAD + "\"policies\":[{\"policy\":{\"policy-type\":\"no-policy-found\",\"policy-domain\":"
                + "\"example.org\"},\"summary\":{\"total-successful-session-count\":" + successful
                + ",\"total-failure-session-count\":" + failed + "}}]}";
    }

    /** A valid report with {@code organization-name} given as raw bytes between the quotes. */
    static byte[] withOrganizationBytes(byte[] inside) {
        return join(utf8("{\"organization-name\":\""), inside, utf8(VALID.substring(VALID.indexOf("\",") + 0)));
    }

    /** A valid report with {@code organization-name} given as JSON string content (escapes allowed). */
    static String withOrganization(String jsonContent) {
        return VALID.replace("\"Org\"", "\"" + jsonContent + "\"");
    }

    static final String ORG = "/organization-name";
    static final String SUCCESSFUL = "/policies/0/summary/total-successful-session-count";

    // ---------------------------------------------------------------------------------------------------
    // the table

    static Stream<Case> cases() {
        List<Case> t = new ArrayList<>();

        // gzip
        t.add(both("gzip bomb: 1 GiB of white space inside the report, deflated lazily to about 1 MiB",
                () -> gzipLazily(sandwich("{\"organization-name\":", " ", GIB, "\"x\"}")),
                limit("maxDecompressedBytes", "", "larger than 268435456 bytes once decompressed"), 16 * MIB));
        t.add(both("gzip bomb: 1 GiB of NUL bytes stops at the first byte",
                () -> gzipLazily(repeat(new byte[] {0}, GIB)),
                fails("", "not UTF-8"), 16 * MIB));
        t.add(both("gzip bomb under a small maxDecompressedBytes: 64 MiB of spaces, limit 1 MiB",
                () -> gzipLazily(repeat(" ", 64 * MIB)), limit("maxDecompressedBytes", "", "decompressed"),
                8 * MIB, ParseOptions.lenient().withMaxDecompressedBytes(MIB)));
        t.add(both("gzip with trailing garbage after the member",
                bytes(join(gzip(VALID), utf8("trailing garbage"))), fails("", "gzip"), 8 * MIB));
        t.add(both("gzip with two members that together hold one report",
                bytes(join(gzip(VALID.substring(0, 50)), gzip(VALID.substring(50)))), reads(r -> {
                    assertThat(r.report().organizationName()).isEqualTo("Org");
                    assertThat(r.report().policies()).hasSize(1);
                }), 8 * MIB));
        t.add(both("gzip with two members that each hold a whole report (two documents)",
                bytes(join(gzip(VALID), gzip(VALID))), fails("", "after"), 8 * MIB));
        t.add(both("truncated gzip (half of the member)",
                bytes(head(gzip(VALID), gzip(VALID).length / 2)), fails("", "truncated gzip data: the input ends inside the compressed stream"),
                8 * MIB));
        t.add(both("truncated gzip (the magic and one more byte)",
                bytes(new byte[] {0x1f, (byte) 0x8b, 8}), fails("", "gzip"), 8 * MIB));
        t.add(both("gzip with a wrong CRC", bytes(corruptCrc(gzip(VALID))), fails("", "gzip"), 8 * MIB));
        t.add(both("gzip with FHCRC and a wrong header CRC (GZIPInputStream rejects it)",
                bytes(withHeaderCrc(gzip(VALID), 1)),
                fails("", "corrupt gzip data: wrong header CRC (FHCRC) at byte offset 10"), 8 * MIB));
        t.add(both("gzip with FHCRC and the right header CRC is read", bytes(withHeaderCrc(gzip(VALID), 0)),
                reads(r -> assertThat(r.report().reportId()).isEqualTo("r1")), 8 * MIB));
        t.add(both("gzip whose second member has FHCRC and a wrong header CRC: the offset is the input's",
                bytes(join(gzip(VALID.substring(0, 50)), withHeaderCrc(gzip(VALID.substring(50)), 0x100))),
                fails("", "wrong header CRC (FHCRC) at byte offset " + (gzip(VALID.substring(0, 50)).length + 10)),
                8 * MIB));
        t.add(both("gzip of a gzip (reports are compressed once)", bytes(gzip(gzip(VALID))),
                fails("", "not UTF-8"), 8 * MIB));

        // deviations: maxDeviations bounds what parse collects; stream holds none and delivers them all
        t.add(new Case("120 000 failure details whose additional-information is free text (not a URI)",
                () -> gzipLazily(concat(text(HEAD + "\"policies\":[" + POLICY.replace("}}", "},\"failure-details\":[")
                        + FREE_TEXT_DETAIL), repeat("," + FREE_TEXT_DETAIL, 119_999), text("]}]}"))),
                limit("maxDeviations", "/policies/0/failure-details/100000/additional-information",
                        "more than 100000 deviations"),
                deviation(DeviationKind.INVALID_URI, "/policies/0/failure-details/0/additional-information"),
                256 * MIB, null, o -> {
                    assertThat(o.error()).as("error").isNull();
                    assertThat(o.get().deviations()).hasSize(120_000)
                            .allSatisfy(d -> assertThat(d.kind()).isEqualTo(DeviationKind.INVALID_URI));
                    assertThat(o.get().report().policies().get(0).failureDetails()).hasSize(120_000);
                }));

        // nesting
        t.add(both("100 000 levels of arrays at the top", () -> repeat("[", 100_000),
                fails("", "object"), 16 * MIB));
        t.add(new Case("100 000 levels of arrays in an unknown member",
                () -> concat(text("{\"x\":"), repeat("[", 100_000)),
                limit("maxNestingDepth", "/x" + "/0".repeat(63), "nested deeper than 64"),
                deviation(DeviationKind.UNKNOWN_MEMBER, "/x"),
                16 * MIB, null));
        t.add(both("100 000 levels of objects in a string member",
                () -> concat(text("{\"organization-name\":"), repeat("{\"a\":", 100_000)),
                fails(ORG, "must be a string, got an object"), 16 * MIB));

        // huge strings and names
        t.add(both("a 1 GiB string as organization-name",
                () -> sandwich("{\"organization-name\":\"", "a", GIB, "\"}"),
                limit("maxStringLength", ORG, "string"), 16 * MIB));
        t.add(new Case("a 1 GiB string in an unknown member: skipped unread, stopped by the input limit",
                () -> sandwich("{\"x\":\"", "a", GIB, "\"}"),
                limit("maxCompressedBytes", "", "larger than 67108864 bytes"), deviation(DeviationKind.UNKNOWN_MEMBER, "/x"),
                64 * MIB, null));
        t.add(both("a member name of 10 MiB", () -> sandwich("{\"", "k", 10 * MIB, "\":1}"),
                limit("maxStringLength", "", "name"), 16 * MIB));

        // many entries
        t.add(both("10 million empty policies: the first fails, no limit is needed",
                () -> concat(text(HEAD + "\"policies\":[{}"), repeat(",{}", 10_000_000), text("]}")),
                fails("/policies/0/policy", "missing"), 16 * MIB));
        t.add(both("10 million minimal policies: maxPolicies stops the 100 001st",
                () -> concat(text(HEAD + "\"policies\":[" + POLICY), repeat("," + POLICY, 10_000_000),
                        text("]}")),
                limit("maxPolicies", "/policies/100000", "policies"), 512 * MIB));
        t.add(both("10 million failure details, gzip: maxFailureDetails stops the 1 000 001st",
                () -> gzipLazily(concat(text(HEAD + "\"policies\":["
                        + POLICY.replace("}}", "},\"failure-details\":[") + DETAIL),
                        repeat("," + DETAIL, 10_000_000), text("]}]}"))),
                limit("maxFailureDetails", "/policies/0/failure-details/1000000", "failure details"),
                2048 * MIB));

        // numbers
        t.add(both("a count of 10 000 digits", bytes(withCounts("1".repeat(10_000), "0")),
                fails(SUCCESSFUL, "number"), 8 * MIB));
        t.add(both("a count of 1e400", bytes(withCounts("1e400", "0")), fails(SUCCESSFUL, "integer"), 8 * MIB));
        t.add(both("a count of 1e2147483648 (an exponent beyond 32 bits)", bytes(withCounts("1e2147483648", "0")),
                fails(SUCCESSFUL, "got \"1e2147483648\" (larger than 2^63-1)"), 8 * MIB));
        t.add(both("a count of 44E444444444444444444", bytes(withCounts("44E444444444444444444", "0")),
                fails(SUCCESSFUL, "got \"44E444444444444444444\" (larger than 2^63-1)"), 8 * MIB));
        t.add(both("a count of 0e99999999999 is 0", bytes(withCounts("0e99999999999", "-0.00E+99999999999")),
                reads(r -> assertThat(r.report().policies().get(0).summary())
                        .extracting(s -> s.totalSuccessfulSessionCount(), s -> s.totalFailureSessionCount())
                        .containsExactly(0L, 0L)), 8 * MIB));
        t.add(both("a count of 1e-2147483649", bytes(withCounts("1e-2147483649", "0")),
                fails(SUCCESSFUL, "got \"1e-2147483649\" (a fraction: its exponent is below -2^31)"), 8 * MIB));
        t.add(both("a count of 0.001E-99999999999", bytes(withCounts("0", "0.001E-99999999999")),
                fails("/policies/0/summary/total-failure-session-count", "a fraction"), 8 * MIB));
        t.add(both("a count of -0 is 0", bytes(withCounts("-0", "0")),
                reads(r -> assertThat(r.report().policies().get(0).summary().totalSuccessfulSessionCount())
                        .isZero()), 8 * MIB));
        t.add(both("a count of 1e2 is 100", bytes(withCounts("1e2", "5.0")), reads(r -> {
            assertThat(r.report().policies().get(0).summary().totalSuccessfulSessionCount()).isEqualTo(100);
            assertThat(r.report().policies().get(0).summary().totalFailureSessionCount()).isEqualTo(5);
        }), 8 * MIB));
        t.add(both("a count of 2^63 - 1 is read", bytes(withCounts("9223372036854775807", "0")),
                reads(r -> assertThat(r.report().policies().get(0).summary().totalSuccessfulSessionCount())
                        .isEqualTo(Long.MAX_VALUE)), 8 * MIB));
        t.add(both("a count of 2^63", bytes(withCounts("9223372036854775808", "0")),
                fails(SUCCESSFUL, "integer"), 8 * MIB));
        t.add(both("a count of 2^64", bytes(withCounts("18446744073709551616", "0")),
                fails(SUCCESSFUL, "integer"), 8 * MIB));
        t.add(both("a count of 9.3e18 (above 2^63 as a double)", bytes(withCounts("9.3e18", "0")),
                fails(SUCCESSFUL, "integer"), 8 * MIB));
        t.add(both("a negative count", bytes(withCounts("-1", "0")), fails(SUCCESSFUL, "integer"), 8 * MIB));
        t.add(both("a fractional count", bytes(withCounts("1.5", "0")), fails(SUCCESSFUL, "integer"), 8 * MIB));
        t.add(both("NaN as a count", bytes(withCounts("NaN", "0")), fails(SUCCESSFUL, ""), 8 * MIB));

        t.add(both("two policies whose counts are all 2^63 - 1: the sums saturate instead of throwing (issue 13)",
                bytes(HostileReports.maxCounts()), reads(r -> {
                    assertThat(r.report().totalSuccessfulSessions()).isEqualTo(Long.MAX_VALUE);
                    assertThat(r.report().totalFailureSessions()).isEqualTo(Long.MAX_VALUE);
                    assertThat(r.report().policies().get(0).summary().totalSessionCount()).isEqualTo(Long.MAX_VALUE);
                    assertThat(r.report().policies().get(0).summary().failureShare()).isEqualTo(0.5);
                    assertThat(r.report().policies().get(0).failedSessionSum()).isEqualTo(Long.MAX_VALUE);
                }), 8 * MIB));

        // encoding
        t.add(both("invalid UTF-8 (0xFF) in a string", bytes(withOrganizationBytes(new byte[] {(byte) 0xff})),
                fails("", "invalid UTF-8: byte 0xff cannot start a character at byte offset 22"), 8 * MIB));
        t.add(both("a truncated UTF-8 sequence (0xC3 0x28)",
                bytes(withOrganizationBytes(new byte[] {(byte) 0xc3, 0x28})),
                fails("", "byte 0x28 where a continuation byte belongs at byte offset 23"), 8 * MIB));
        t.add(both("overlong UTF-8: '/' in two bytes (0xC0 0xAF)",
                bytes(withOrganizationBytes(new byte[] {(byte) 0xc0, (byte) 0xaf})), fails("", "overlong encoding) at byte offset 22"),
                8 * MIB));
        t.add(both("overlong UTF-8: '/' in three bytes (0xE0 0x80 0xAF)",
                bytes(withOrganizationBytes(new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf})),
                fails("", "an overlong encoding of U+2f at byte offset 24"), 8 * MIB));
        t.add(both("a surrogate encoded in UTF-8 (0xED 0xA0 0x80, CESU-8)",
                bytes(withOrganizationBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})),
                fails("", "an encoded surrogate U+d800 at byte offset 24"), 8 * MIB));
        t.add(both("a code point above U+10FFFF (0xF4 0x90 0x80 0x80)",
                bytes(withOrganizationBytes(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80})),
                fails("", "a code point above U+10FFFF at byte offset 25"), 8 * MIB));
        t.add(both("an escaped unpaired high surrogate", bytes(withOrganization("a\\ud800b")),
                fails(ORG, "surrogate"), 8 * MIB));
        t.add(both("an escaped unpaired low surrogate", bytes(withOrganization("\\udc00")),
                fails(ORG, "surrogate"), 8 * MIB));
        t.add(both("escaped surrogates in the wrong order", bytes(withOrganization("\\udc00\\ud800")),
                fails(ORG, "surrogate"), 8 * MIB));
        t.add(both("an escaped surrogate pair is one code point", bytes(withOrganization("\\ud83d\\ude00")),
                reads(r -> assertThat(r.report().organizationName()).isEqualTo("\uD83D\uDE00")), 8 * MIB));
        t.add(both("a raw NUL byte in a string", bytes(withOrganizationBytes(new byte[] {'a', 0, 'b'})),
                fails(ORG, "character"), 8 * MIB));
        t.add(both("a raw NUL byte between tokens", bytes(join(utf8("{\"organization-name\":"), new byte[] {0},
                utf8(VALID.substring(VALID.indexOf("\"Org\""))))), fails(ORG, "CTRL-CHAR, code 0"), 8 * MIB));
        t.add(both("an escaped NUL is kept as sent", bytes(withOrganization("a\\u0000b")),
                reads(r -> assertThat(r.report().organizationName()).isEqualTo("a\u0000b")), 8 * MIB));
        t.add(both("a UTF-16LE document with a byte order mark",
                bytes(join(new byte[] {(byte) 0xff, (byte) 0xfe}, VALID.getBytes(
                        java.nio.charset.StandardCharsets.UTF_16LE))), fails("", "UTF-8"), 8 * MIB));
        t.add(both("a UTF-16BE document without a byte order mark",
                bytes(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16BE)), fails("", "UTF-8"), 8 * MIB));
        t.add(both("a UTF-32 document", bytes(VALID.getBytes(java.nio.charset.Charset.forName("UTF-32LE"))),
                fails("", "UTF-8"), 8 * MIB));
        t.add(both("a UTF-8 byte order mark is skipped",
                bytes(join(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(VALID))),
                reads(r -> assertThat(r.report().reportId()).isEqualTo("r1")), 8 * MIB));
        t.add(both("two UTF-8 byte order marks",
                bytes(join(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0xef, (byte) 0xbb,
                    (byte) 0xbf}, utf8(VALID))), fails("", "two UTF-8 byte order marks"), 8 * MIB));

        // duplicates
        t.add(new Case("a duplicate organization-name: strict rejects, lenient keeps the first",
                bytes(VALID.replace("\"contact-info\"", "\"organization-name\":\"Evil\",\"contact-info\"")),
                readsWith(DeviationKind.DUPLICATE_MEMBER, ORG,
                        r -> assertThat(r.report().organizationName()).isEqualTo("Org")),
                deviation(DeviationKind.DUPLICATE_MEMBER, ORG), 8 * MIB, null));
        t.add(new Case("a second policies array is not read",
                bytes(VALID.substring(0, VALID.length() - 1) + ",\"policies\":[" + POLICY + "," + POLICY + "]}"),
                readsWith(DeviationKind.DUPLICATE_MEMBER, "/policies",
                        r -> assertThat(r.report().policies()).hasSize(1)),
                deviation(DeviationKind.DUPLICATE_MEMBER, "/policies"), 8 * MIB, null));
        t.add(new Case("a draft name and its RFC name in one failure detail count as one member",
                bytes(HEAD + "\"policies\":[" + POLICY.replace("}}", "},\"failure-details\":[")
                        + DETAIL.replace("}", ",\"additional-information\":\"https://a.example/\","
                                + "\"additional-info-uri\":\"https://b.example/\"}") + "]}]}"),
                readsWith(DeviationKind.DUPLICATE_MEMBER, "/policies/0/failure-details/0/additional-info-uri",
                        r -> assertThat(r.report().policies().get(0).failureDetails().get(0)
                                .additionalInformation()).isEqualTo("https://a.example/")),
                deviation(DeviationKind.DUPLICATE_MEMBER, "/policies/0/failure-details/0/additional-info-uri"),
                8 * MIB, null));

        // diagnosis: the report is read, and what diagnosing it costs follows the report's size
        t.add(new Case("gzip, 9,990 mx lines and 3,000 unknown result types: diagnosed in memory of the"
                + " report's order (issue 13: a 6 GB heap ran out)",
                bytes(gzip(HostileReports.manyPatternsAndDetails(9_990, 3_000))),
                readsWith(DeviationKind.UNKNOWN_RESULT_TYPE, "/policies/0/failure-details/0/result-type",
                        HostileInputTest::diagnosedWithinBounds),
                deviation(DeviationKind.UNKNOWN_RESULT_TYPE, "/policies/0/failure-details/0/result-type"),
                64 * MIB, null));

        t.add(new Case("terminal escapes, bidi controls and line feeds in every member a rendering shows:"
                + " diagnosed to text without them (issue 13)", bytes(HostileReports.escapes()),
                readsWith(DeviationKind.UNKNOWN_MEMBER, "/x\u001b[2J\u001b]0;pwned\u0007\u009b31m\u007f\u202e"
                        + "\u2066\u2028\nINJECTED", r -> {
                            String text = TlsRpt.diagnose(r).toText(dev.tlsrpt.diagnose.TextStyle.ANSI)
                                    .replaceAll("\u001b\\[(?:0|1|1;31|33|36|32)m", "");
                            assertThat(dev.tlsrpt.hostile.SenderTextCases.unsafeAt(text)).isEqualTo(-1);
                            assertThat(text).contains("Org\\u001b[2J");
                        }),
                deviation(DeviationKind.UNKNOWN_MEMBER, "/x\u001b[2J\u001b]0;pwned\u0007\u009b31m\u007f\u202e"
                        + "\u2066\u2028\nINJECTED"), 8 * MIB, null));

        t.add(both("shell commands as MX host and policy domain: no suggested command holds them (issue 13)",
                bytes(HostileReports.stsReport("Org", "$(id)", List.of("version: STSv1", "mode: enforce",
                        "mx: mx.example.com"), List.of(
                                HostileReports.detail("certificate-expired", "mx.example.com; rm -rf /", null),
                                HostileReports.detail("sts-webpki-invalid", "`id`.example.com", null)))),
                reads(r -> {
                    List<String> actions = TlsRpt.diagnose(r).findings().stream().map(f -> f.action()).toList();
                    assertThat(actions).anySatisfy(a -> assertThat(a).contains(
                            "openssl s_client -starttls smtp -connect <mx-host>:25 -servername <mx-host>"));
                    assertThat(actions).anySatisfy(a -> assertThat(a).contains(
                            "openssl s_client -connect mta-sts.<policy-domain>:443"));
                    assertThat(actions).allSatisfy(ReportFuzzTest::checkCommandHosts);
                }), 8 * MIB));

        t.add(both("a reason code of 'status', 200,000 spaces and a letter: diagnosed in linear time (issue 13)",
                bytes(HostileReports.stsReport("Org", "example.com", List.of("mode: enforce", "mx: mx.example.com"),
                        List.of(HostileReports.detail("validation-failure", "mx.example.com",
                                "status" + " ".repeat(200_000) + "x")))),
                reads(r -> assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TlsRpt.diagnose(r),
                        "no diagnosis within the hang guard").findings().get(0).explanation())
                        .contains("The sender gave the reason \"status")), 8 * MIB));

        // not plain JSON
        t.add(both("a line comment", bytes(VALID.replace("{\"organization", "{// c\n\"organization")),
                fails("", "comment"), 8 * MIB));
        t.add(both("a block comment", bytes(VALID.replace(",\"report-id\"", "/* c */,\"report-id\"")),
                fails("/contact-info", "comment"), 8 * MIB));
        t.add(both("a trailing comma in an object", bytes(VALID.replace("\"r1\",", "\"r1\",,")),
                fails("/report-id", "unexpected"), 8 * MIB));
        t.add(both("a trailing comma in an array", bytes(VALID.replace(POLICY + "]", POLICY + ",]")),
                fails("/policies/1", "unexpected"), 8 * MIB));
        t.add(both("single quotes", bytes(VALID.replace("\"r1\"", "'r1'")), fails("/report-id", "unexpected"),
                8 * MIB));
        t.add(both("two documents concatenated", bytes(VALID + VALID), fails("", "after"), 8 * MIB));
        t.add(both("a report followed by a stray character", bytes(VALID + "\n x"), fails("", "Unrecognized token 'x'"),
                8 * MIB));
        t.add(both("a report followed by white space", bytes(VALID + " \r\n\t "),
                reads(r -> assertThat(r.report().policies()).hasSize(1)), 8 * MIB));
        t.add(both("an empty file", bytes(new byte[0]), fails("", "empty"), 8 * MIB));
        t.add(both("only white space", bytes(utf8(" \n ")), fails("", "empty"), 8 * MIB));
        t.add(both("only a byte order mark", bytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}),
                fails("", "empty"), 8 * MIB));
        t.add(both("a top-level array", bytes(utf8("[" + VALID + "]")), fails("", "object"), 8 * MIB));
        t.add(both("a top-level null", bytes(utf8("null")), fails("", "object"), 8 * MIB));
        t.add(both("a truncated report", bytes(utf8(VALID.substring(0, VALID.length() - 3))),
                fails("/policies/0/summary", "truncated JSON"), 8 * MIB));
        return t.stream();
    }

    // ---------------------------------------------------------------------------------------------------
    // the runs

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parseInLenientModeGivesTheExpectedOutcomeWithinBounds(Case c) {
        run(c, false, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parseInStrictModeGivesTheExpectedOutcomeWithinBounds(Case c) {
        run(c, true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamInLenientModeGivesTheExpectedOutcomeWithinBounds(Case c) {
        run(c, false, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamInStrictModeGivesTheExpectedOutcomeWithinBounds(Case c) {
        run(c, true, true);
    }

    // the gzip rows again, inflated on a second thread from the first byte (plain input never uses one):
    // lenient parse and strict stream (the input layer is the same under all four)

    static Stream<Case> gzipCases() {
        return cases().filter(c -> {
            try (InputStream in = c.input().get()) {
                byte[] magic = in.readNBytes(2);
                return magic.length == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void theGzipRowsAreTheOnesExpected() {
        assertThat(gzipCases().map(Case::name)).hasSizeGreaterThanOrEqualTo(16)
                .contains("gzip bomb: 1 GiB of NUL bytes stops at the first byte",
                        "120 000 failure details whose additional-information is free text (not a URI)",
                        "10 million failure details, gzip: maxFailureDetails stops the 1 000 001st")
                .noneMatch(n -> n.contains("1 GiB string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gzipCases")
    void parseInLenientModeInflatingOnASecondThread(Case c) {
        run(c, false, false, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gzipCases")
    void streamInStrictModeInflatingOnASecondThread(Case c) {
        run(c, true, true, 0);
    }

    private static void run(Case c, boolean strict, boolean stream) {
        run(c, strict, stream, ParseOptions.DEFAULT_PARALLEL_INFLATE_THRESHOLD);
    }

    /**
     * One row. The bytes allocated are the calling thread's: with a second thread, what it allocates (a
     * bounded set of 64 KiB chunks) is not counted.
     */
    private static void run(Case c, boolean strict, boolean stream, long parallelInflateThreshold) {
        ParseOptions options = (c.options() == null ? ParseOptions.lenient() : c.options()).withStrict(strict)
                .withParallelInflateThreshold(parallelInflateThreshold);
        Measured m = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long before = allocatedBytes();
            ReportChecks.Outcome outcome;
            try (InputStream in = c.input().get()) {
                if (stream) {
                    ReportChecks.Collector collector = new ReportChecks.Collector();
                    TlsRpt.stream(in, options, collector);
                    outcome = new ReportChecks.Outcome(collector.result(), null);
                } else {
                    outcome = new ReportChecks.Outcome(TlsRpt.parseWithDeviations(in, options), null);
                }
            } catch (MalformedReportException e) {
                outcome = new ReportChecks.Outcome(null, e);
            }
            return new Measured(outcome, allocatedBytes() - before);
        }, () -> c.name() + ": no answer within the hang guard");
        if (Boolean.getBoolean("tlsrpt.hostile.print")) {
            System.out.printf("ALLOC %-100s %s %s %,d%n", c.name(), strict ? "strict" : "lenient",
                    stream ? "stream" : "parse", m.allocated());
        }
        c.expect(strict, stream).check(m.outcome());
        assertThat(m.allocated()).as("bytes allocated by %s", c.name()).isLessThanOrEqualTo(c.maxAllocated());
    }

    record Measured(ReportChecks.Outcome outcome, long allocated) {
    }

    /** Diagnoses the report and renders it, within a hang guard and 320 MiB of allocation. */
    static void diagnosedWithinBounds(ParseResult r) {
        long[] out = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long before = allocatedBytes();
            dev.tlsrpt.diagnose.Diagnosis d = TlsRpt.diagnose(r);
            long chars = d.toText().length() + d.toJson().length();
            return new long[] {allocatedBytes() - before, chars, d.findings().size()};
        }, "no diagnosis within the hang guard");
        // a failure finding per detail (half of them with the MX host outside the policy) and one for all deviations
        assertThat(out[2]).as("findings").isEqualTo(3_000 + 1);
        assertThat(out[1]).as("characters of text and JSON").isLessThan(32 * MIB);
        assertThat(out[0]).as("bytes allocated by diagnosing").isLessThan(320 * MIB);
    }

    // ---------------------------------------------------------------------------------------------------
    // paths and the caller's stream

    @Test
    void aDirectoryGivenAsAPathIsAnIoExceptionNotAMalformedReport(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> TlsRpt.parse(dir));
        assertThat(e).isNotInstanceOf(NoSuchFileException.class);
        assertThat(e.getMessage()).contains(dir.getFileName().toString());
        assertThrows(IOException.class, () -> TlsRpt.parse(dir, ParseOptions.strict()));
    }

    @Test
    void invalidUtf8NamesItsByteOffsetAndClaimsNoLocationItDoesNotKnow() {
        byte[] data = withOrganizationBytes(new byte[] {'a', 'b', (byte) 0xff});
        MalformedReportException e = assertThrows(MalformedReportException.class, () -> TlsRpt.parse(data));
        assertThat(e.pointer()).isEmpty();
        assertThat(e.line()).isEqualTo(-1);
        assertThat(e.column()).isEqualTo(-1);
        assertThat(e.problem()).isEqualTo("invalid UTF-8: byte 0xff cannot start a character at byte offset 24"
                + " of the JSON");
    }

    /**
     * A Java string can hold what no UTF-8 can: an unpaired surrogate. {@code getBytes(UTF_8)} made it
     * {@code ?}, silently, even in strict mode; it is refused like invalid UTF-8, with its place.
     */
    @Test
    void anUnpairedSurrogateInJsonTextIsRefusedWithItsPlace() {
        // line 2: two spaces, "organization-name", ':', ' ', '"', then 'éé' (two bytes each): column 29
        String json = VALID.replace("{\"organization-name\":\"Org\"", "{\n  \"organization-name\": \"\u00e9\u00e9\ud800\"");
        assertThat(json.indexOf('\ud800')).isEqualTo(28);
        List<MalformedReportException> errors = new ArrayList<>();
        errors.add(assertThrows(MalformedReportException.class, () -> TlsRpt.parse(json)));
        errors.add(assertThrows(MalformedReportException.class, () -> TlsRpt.parse(json, ParseOptions.strict())));
        errors.add(assertThrows(MalformedReportException.class,
                () -> TlsRpt.parseWithDeviations(json, ParseOptions.lenient())));
        errors.add(assertThrows(MalformedReportException.class,
                () -> TlsRpt.parseWithDeviations(json, ParseOptions.strict())));
        for (MalformedReportException e : errors) {
            assertThat(e).isExactlyInstanceOf(MalformedReportException.class);
            assertThat(e.pointer()).isEmpty();
            assertThat(e.problem()).isEqualTo("an unpaired surrogate U+D800 at char index 28 of the text: it has no"
                    + " UTF-8 encoding, and RFC 8460 reports are I-JSON, which must be UTF-8");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(29);
            assertThat(e.getMessage()).endsWith("(line 2, column 29)");
            ReportChecks.checkWellFormed(e);
        }
        for (String lone : List.of("\udc00", "a\udc00\ud800b", "\ud83d")) {
            MalformedReportException e = assertThrows(MalformedReportException.class,
                    () -> TlsRpt.parse(withOrganization(lone)), lone);
            int at = lone.startsWith("a") ? 23 : 22;
            assertThat(e.problem()).as(lone).contains("unpaired surrogate U+D").contains("at char index " + at + " ");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(at + 1);
        }
        assertThat(TlsRpt.parse(withOrganization("\ud83d\ude00"), ParseOptions.strict()).organizationName())
                .isEqualTo("\ud83d\ude00");
    }

    @Test
    void theSameInputFailsTheSameWayWhateverWasParsedBefore() throws IOException {
        // a fuzz finding: a gzip member cut off after 1,159 bytes of digits. While Jackson recycled its buffers,
        // the first reads said "truncated gzip data" and later ones, with buffers grown by earlier documents,
        // "a number longer than 1000 characters"
        byte[] truncated = java.util.Base64.getDecoder().decode("H4sICAgmCAgI3AgICHBweS5vIiwKIJ+GAQAyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjLDw8PDw8PDw8PDw8PDw8PDw8PD"
                + "w8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDMjIyMjIyMjIy"
                + "MjIyMjIyMjIyMjIyMjIyMjI=");
        byte[] large = withOrganizationBytes(utf8("9".repeat(300_000)));
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            errors.add(assertThrows(MalformedReportException.class, () -> TlsRpt.parse(truncated)).getMessage());
            errors.add(assertThrows(MalformedReportException.class,
                    () -> TlsRpt.stream(new ByteArrayInputStream(truncated), new ReportVisitor() { })).getMessage());
        }
        assertThat(TlsRpt.parse(large).organizationName()).hasSize(300_000);
        errors.add(assertThrows(MalformedReportException.class, () -> TlsRpt.parse(truncated)).getMessage());
        assertThat(errors).hasSize(9)
                .containsOnly("(document): truncated gzip data: the input ends inside the compressed stream");
    }

    @Test
    void everySmallRowReadsTheSameOnAThreadThatParsedOtherReportsBefore() throws Exception {
        // a thread keeps its input buffers, its inflater and Jackson's buffers from parse to parse: whatever
        // the parse before left in them (other bytes, a broken gzip stream, grown buffers, an inflater thread),
        // each row must give what it gives on a new thread, which has none of them
        byte[] truncated = head(gzip(VALID), gzip(VALID).length / 2);
        List<Supplier<InputStream>> before = List.of(
                bytes(gzip(withOrganizationBytes(utf8("x".repeat(200_000))))),
                bytes(withOrganizationBytes(utf8("\u00e9\u4e2d".repeat(30_000)))),
                bytes(withCounts("9".repeat(900), "1")),
                bytes(truncated),
                bytes(gzip(withOrganizationBytes(new byte[] {(byte) 0xc3, 0x28}))),
                bytes(corruptCrc(gzip(HEAD + "\"policies\":[" + (POLICY + ",").repeat(300) + POLICY + "]}"))),
                bytes(withHeaderCrc(gzip(VALID), 1)));
        List<Case> rows = cases().filter(c -> c.maxAllocated() <= 8 * MIB).toList();
        assertThat(rows).hasSizeGreaterThan(40);
        int compared = 0;
        for (Case c : rows) {
            for (boolean strict : new boolean[] {false, true}) {
                String fresh = onNewThread(() -> outcome(c.input(), strict, c.options(), Long.MAX_VALUE));
                for (Supplier<InputStream> earlier : before) {
                    outcome(earlier, false, null, Long.MAX_VALUE);
                    assertThat(outcome(c.input(), strict, c.options(), Long.MAX_VALUE))
                            .as("%s after another parse on this thread", c.name()).isEqualTo(fresh);
                    compared++;
                }
                outcome(before.get(0), false, null, 0); // inflated on a second thread: nothing of it is kept
                assertThat(outcome(c.input(), strict, c.options(), Long.MAX_VALUE)).isEqualTo(fresh);
            }
        }
        assertThat(compared).isEqualTo(rows.size() * 2 * before.size());
    }

    /** What a parse gave, in words: the report and its deviations, or the error with its place. */
    private static String outcome(Supplier<InputStream> input, boolean strict, @Nullable ParseOptions o,
            long threshold) {
        ParseOptions options = (o == null ? ParseOptions.lenient() : o).withStrict(strict)
                .withParallelInflateThreshold(threshold);
        try (InputStream in = input.get()) {
            ParseResult r = TlsRpt.parseWithDeviations(in, options);
            return r.report() + " " + r.deviations();
        } catch (LimitExceededException e) {
            return "limit " + e.limitName() + " " + e.limit() + ": " + e.getMessage() + " at " + e.line() + ":"
                    + e.column();
        } catch (MalformedReportException e) {
            return e.getMessage() + " at " + e.pointer() + " " + e.line() + ":" + e.column() + " "
                    + e.deviationKind();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String onNewThread(Supplier<String> task) throws InterruptedException {
        String[] out = new String[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread t = new Thread(() -> {
            try {
                out[0] = task.get();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        });
        t.start();
        t.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        return out[0];
    }

    @Test
    void millionsOfDeviationsAreStoppedByALimitNotByTheHeap() {
        long before = allocatedBytes();
        ReportChecks.Outcome o;
        try {
            o = new ReportChecks.Outcome(TlsRpt.parseWithDeviations(gzipLazily(concat(text("{\"a0\":0"),
                    repeat(",\"a\":0", 4_000_000), text("}"))), ParseOptions.lenient()), null);
        } catch (MalformedReportException e) {
            o = new ReportChecks.Outcome(null, e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(o.error()).isInstanceOfSatisfying(LimitExceededException.class,
                e -> assertThat(e.limitName()).isEqualTo("maxDeviations"));
        assertThat(allocatedBytes() - before).isLessThan(256 * MIB);
    }

    @Test
    void aPolicyWithMillionsOfPolicyStringsIsStoppedByALimitWhenStreaming() throws IOException {
        String policy = HEAD + "\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-domain\":\"d\","
                + "\"policy-string\":[\"a\"";
        long before = allocatedBytes();
        MalformedReportException e = assertThrows(MalformedReportException.class, () -> TlsRpt.stream(
                gzipLazily(concat(text(policy), repeat(",\"a\"", 20_000_000), text("]}}]}"))), new ReportVisitor() {
                }));
        assertThat(e).isInstanceOfSatisfying(LimitExceededException.class, l -> {
            assertThat(l.limitName()).isEqualTo("maxListLength");
            assertThat(l.pointer()).isEqualTo("/policies/0/policy/policy-string/10000");
        });
        assertThat(allocatedBytes() - before).isLessThan(256 * MIB);
    }

    @Test
    void aMissingFileIsANoSuchFileException(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> TlsRpt.parse(dir.resolve("absent.json.gz")));
    }

    @Test
    void aFileWithAGzipNameButPlainContentIsReadAsPlain(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("report.json.gz"), utf8(VALID));
        assertThat(TlsRpt.parse(file).reportId()).isEqualTo("r1");
    }

    @Test
    void aFailingCallerStreamStaysAnIoException() {
        IOException broken = new IOException("connection reset");
        InputStream in = new FilterInputStream(new ByteArrayInputStream(utf8(VALID))) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (reads++ > 0) {
                    throw broken;
                }
                return super.read(b, off, Math.min(len, 20));
            }
        };
        IOException e = assertThrows(IOException.class, () -> TlsRpt.parse(in));
        assertThat(e).isSameAs(broken);
    }

    @Test
    void aFailingCallerStreamUnderGzipStaysAnIoException() {
        IOException broken = new IOException("connection reset");
        byte[] gz = gzip(VALID);
        InputStream in = new FilterInputStream(new ByteArrayInputStream(gz)) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (reads++ > 1) {
                    throw broken;
                }
                return super.read(b, off, Math.min(len, 12));
            }
        };
        IOException e = assertThrows(IOException.class, () -> TlsRpt.parse(in));
        assertThat(e).isSameAs(broken);
    }

    @Test
    void aGzipReportDeliveredOneByteAtATimeIsRead() throws IOException {
        InputStream in = new FilterInputStream(new ByteArrayInputStream(gzip(VALID))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        TlsReport report = TlsRpt.parse(in, ParseOptions.strict());
        assertThat(report.dateRange().start()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(report.policies().get(0).policy().policyType()).isEqualTo(PolicyType.NO_POLICY_FOUND);
    }

    // ---------------------------------------------------------------------------------------------------
    // the table's vocabulary

    /**
     * One hostile input.
     *
     * @param name what it is
     * @param input a fresh stream of it, generated lazily
     * @param lenient what lenient mode must do
     * @param strict what strict mode must do
     * @param maxAllocated the most bytes the parsing thread may allocate
     * @param options the options to start from (null: the defaults)
     * @param lenientStream what lenient mode must do when streaming, when not what it does when parsing
     */
    record Case(String name, Supplier<InputStream> input, Expect lenient, Expect strict, long maxAllocated,
            @Nullable ParseOptions options, @Nullable Expect lenientStream) {

        Case(String name, Supplier<InputStream> input, Expect lenient, Expect strict, long maxAllocated,
                @Nullable ParseOptions options) {
            this(name, input, lenient, strict, maxAllocated, options, null);
        }

        /** What lenient mode must do when streaming: as when parsing, unless the case says otherwise. */
        Expect expect(boolean strict, boolean stream) {
            Expect s = lenientStream;
            return strict ? strict() : stream && s != null ? s : lenient();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case both(String name, Supplier<InputStream> input, Expect expect, long maxAllocated) {
        return new Case(name, input, expect, expect, maxAllocated, null);
    }

    static Case both(String name, Supplier<InputStream> input, Expect expect, long maxAllocated,
            ParseOptions options) {
        return new Case(name, input, expect, expect, maxAllocated, options);
    }

    static Supplier<InputStream> bytes(byte[] data) {
        return () -> new ByteArrayInputStream(data);
    }

    static Supplier<InputStream> bytes(String json) {
        return bytes(utf8(json));
    }

    static byte[] corruptCrc(byte[] gz) {
        byte[] copy = gz.clone();
        copy[copy.length - 8] ^= 0x55;
        return copy;
    }

    /** What a mode must do with an input. */
    interface Expect {
        void check(ReportChecks.Outcome outcome);
    }

    /** A {@link MalformedReportException} (exactly that class) at the pointer, its problem containing the text. */
    static Expect fails(String pointer, String problem) {
        return o -> {
            MalformedReportException e = o.failure();
            assertThat(e).isExactlyInstanceOf(MalformedReportException.class);
            assertThat(e.pointer()).as("pointer of " + e).isEqualTo(pointer);
            assertThat(e.problem()).as("problem of " + e).containsIgnoringCase(problem);
            assertThat(e.deviationKind()).as("deviation kind of " + e).isNull();
            ReportChecks.checkWellFormed(e);
        };
    }

    /** A {@link LimitExceededException} naming the limit, at the pointer. */
    static Expect limit(String limitName, String pointer, String problem) {
        return o -> {
            MalformedReportException e = o.failure();
            assertThat(e).isExactlyInstanceOf(LimitExceededException.class);
            assertThat(((LimitExceededException) e).limitName()).as("limit of " + e).isEqualTo(limitName);
            assertThat(e.pointer()).as("pointer of " + e).isEqualTo(pointer);
            assertThat(e.problem()).as("problem of " + e).containsIgnoringCase(problem);
            ReportChecks.checkWellFormed(e);
        };
    }

    /** Strict mode rejecting a catalogued deviation at the pointer. */
    static Expect deviation(DeviationKind kind, String pointer) {
        return o -> {
            MalformedReportException e = o.failure();
            assertThat(e).isExactlyInstanceOf(MalformedReportException.class);
            assertThat(e.deviationKind()).as("deviation kind of " + e).isEqualTo(kind);
            assertThat(e.pointer()).as("pointer of " + e).isEqualTo(pointer);
            ReportChecks.checkWellFormed(e);
        };
    }

    /** A report, checked, with no deviation. */
    static Expect reads(Consumer<ParseResult> check) {
        return o -> {
            assertThat(o.error()).as("error").isNull();
            assertThat(o.get().deviations()).isEmpty();
            check.accept(o.get());
        };
    }

    /** A report, checked, with a deviation of the kind at the pointer among its deviations. */
    static Expect readsWith(DeviationKind kind, String pointer, Consumer<ParseResult> check) {
        return o -> {
            assertThat(o.error()).as("error").isNull();
            assertThat(o.get().deviations()).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(kind);
                assertThat(d.pointer()).isEqualTo(pointer);
            });
            check.accept(o.get());
        };
    }
}
