package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input gives a MalformedReportException that says what and where, in both modes. */
class MalformedReportTest {

    static Stream<Arguments> malformed() {
        byte[] gz = ReportJson.gzip(ReportJson.utf8(ReportJson.BASE));
        byte[] truncated = Arrays.copyOf(gz, gz.length - 12);
        byte[] trailing = Arrays.copyOf(gz, gz.length + 3);
        trailing[gz.length] = 'x';
        byte[] corrupt = gz.clone();
        corrupt[gz.length - 6] ^= 0x55; // the CRC
        String s = "/policies/0/summary/total-failure-session-count";
        return Stream.of(
                Arguments.of("empty input", new byte[0], "", -1, "empty"),
                Arguments.of("white space only", ReportJson.utf8("  \n  "), "", 2, "empty"),
                Arguments.of("not JSON", ReportJson.utf8("hello"), "", 1, "not valid JSON"),
                Arguments.of("top level an array", ReportJson.utf8("[]"), "", 1, "top level"),
                Arguments.of("truncated JSON", ReportJson.utf8(ReportJson.BASE.substring(0, 200)), "/report-id",
                        6, "truncated JSON"),
                Arguments.of("two documents", ReportJson.utf8(ReportJson.BASE + "{}"), "", 12, "after the report"),
                Arguments.of("policies missing", ReportJson.utf8("{\"organization-name\": \"o\", \"date-range\": "
                        + "{\"start-datetime\": \"2026-01-01T00:00:00Z\", \"end-datetime\": \"2026-01-01T23:59:59Z\"},"
                        + " \"contact-info\": \"a@b\", \"report-id\": \"r\"}"), "/policies", 1, "policies is missing"),
                Arguments.of("policies an object", ReportJson.utf8(ReportJson.with("\"policies\": [{", "\"policies\": {\"x\": [{")
                        .replace("}]\n}", "}]}\n}")), "/policies", 6, "must be an array"),
                Arguments.of("organization a number", ReportJson.utf8(ReportJson.with("\"Org\"", "42")), "/organization-name",
                        2, "must be a string"),
                Arguments.of("negative count", ReportJson.utf8(ReportJson.with("\"total-failure-session-count\": 1",
                        "\"total-failure-session-count\": -3")), s, 8, "got -3"),
                Arguments.of("fractional count", ReportJson.utf8(ReportJson.with("\"total-failure-session-count\": 1",
                        "\"total-failure-session-count\": 1.5")), s, 8, "fraction"),
                Arguments.of("count above 2^63-1", ReportJson.utf8(ReportJson.with("\"total-failure-session-count\": 1",
                        "\"total-failure-session-count\": 9223372036854775808")), s, 8, "2^63-1"),
                Arguments.of("count 1e400", ReportJson.utf8(ReportJson.with("\"total-failure-session-count\": 1",
                        "\"total-failure-session-count\": 1e400")), s, 8, "2^63-1"),
                Arguments.of("count as a string", ReportJson.utf8(ReportJson.with("\"total-failure-session-count\": 1",
                        "\"total-failure-session-count\": \"1\"")), s, 8, "the string \"1\""),
                Arguments.of("unparseable date", ReportJson.utf8(ReportJson.with("\"2026-11-26T00:00:00Z\"", "\"yesterday\"")),
                        "/date-range/start-datetime", 3, "RFC 3339"),
                Arguments.of("February 30", ReportJson.utf8(ReportJson.with("\"2026-11-26T00:00:00Z\"",
                        "\"2026-02-30T00:00:00Z\"")), "/date-range/start-datetime", 3, "RFC 3339"),
                Arguments.of("result-type missing", ReportJson.utf8(ReportJson.with("\"result-type\": \"certificate-expired\", ",
                        "")), "/policies/0/failure-details/0/result-type", 9, "result-type is missing"),
                Arguments.of("policy missing", ReportJson.utf8(ReportJson.BASE.replaceFirst("\"policy\": \\{[^}]*\\},", "")),
                        "/policies/0/policy", 10, "policy is missing"),
                Arguments.of("policy-string a string", ReportJson.utf8(ReportJson.with("[\"version: STSv1\", \"mode: enforce\", "
                        + "\"mx: mx.example.com\"]", "\"version: STSv1\"")), "/policies/0/policy/policy-string", 7,
                        "array of strings"),
                Arguments.of("unpaired surrogate", ReportJson.utf8(ReportJson.with("\"Org\"", "\"O\\ud800rg\"")),
                        "/organization-name", 2, "unpaired surrogate"),
                // list entries: their pointers are built only for the message
                Arguments.of("a number in policy-string", ReportJson.utf8(ReportJson.with("\"mode: enforce\"", "7")),
                        "/policies/0/policy/policy-string/1", 7, "expected a string, got a number"),
                Arguments.of("unpaired surrogate in mx-host", ReportJson.utf8(ReportJson.with(
                        "\"mx-host\": [\"mx.example.com\"]", "\"mx-host\": [\"a\", \"mx\\udc00\"]")),
                        "/policies/0/policy/mx-host/1", 7, "unpaired surrogate (U+DC00)"),
                Arguments.of("truncated gzip", truncated, "", -1, "truncated gzip"),
                Arguments.of("gzip with trailing garbage", trailing, "", -1, "trailing bytes"),
                Arguments.of("gzip with a bad CRC", corrupt, "", -1, "CRC"),
                Arguments.of("UTF-16 with a BOM", utf16(), "", -1, "UTF-8"),
                Arguments.of("overlong UTF-8", overlong(), "", -1, "byte 0xc0 cannot start a character (an overlong encoding) at byte offset 27"));
    }

    private static byte[] utf16() {
        byte[] body = ReportJson.BASE.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xff;
        out[1] = (byte) 0xfe;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static byte[] overlong() {
        byte[] b = ReportJson.utf8(ReportJson.with("\"Org\"", "\"O/g\""));
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '/') {
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, i);
                out[i] = (byte) 0xc0;
                out[i + 1] = (byte) 0xaf; // an overlong '/'
                System.arraycopy(b, i + 1, out, i + 2, b.length - i - 1);
                return out;
            }
        }
        throw new IllegalStateException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputIsATypedErrorThatSaysWhere(String what, byte[] input, String pointer, int line,
            String problem) {
        for (ParseOptions options : new ParseOptions[] {ParseOptions.lenient(), ParseOptions.strict()}) {
            assertThatThrownBy(() -> TlsRpt.parse(input, options))
                    .as(what)
                    .isInstanceOfSatisfying(MalformedReportException.class, e -> {
                        assertThat(e.problem()).contains(problem);
                        assertThat(e.pointer()).isEqualTo(pointer);
                        if (line > 0) {
                            assertThat(e.line()).isEqualTo(line);
                        }
                        assertThat(e.deviationKind()).isNull();
                        assertThat(e.getMessage().length()).isLessThan(300);
                    });
        }
    }

    @Test
    void countsWithAZeroFractionAreIntegers() {
        var r = TlsRpt.parse(ReportJson.with("\"total-failure-session-count\": 1", "\"total-failure-session-count\": 1e2")
                .replace("\"total-successful-session-count\": 10", "\"total-successful-session-count\": -0"),
                ParseOptions.strict());
        assertThat(r.policies().get(0).summary().totalFailureSessionCount()).isEqualTo(100);
        assertThat(r.policies().get(0).summary().totalSuccessfulSessionCount()).isZero();
    }

    @Test
    void gzipWithSeveralMembersIsOneStream() {
        byte[] json = ReportJson.utf8(ReportJson.BASE);
        byte[] a = ReportJson.gzip(Arrays.copyOf(json, 100));
        byte[] b = ReportJson.gzip(Arrays.copyOfRange(json, 100, json.length));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(TlsRpt.parse(both).reportId()).isEqualTo("r1");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        byte[] json = ReportJson.utf8(ReportJson.BASE);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertThat(TlsRpt.parse(withBom).organizationName()).isEqualTo("Org");
        assertThat(TlsRpt.parse(ReportJson.gzip(withBom)).organizationName()).isEqualTo("Org");
    }

    @Test
    void aJsonGzFileThatIsNotGzipIsReadByItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sender!example.com!1!2.json.gz");
        Files.writeString(file, ReportJson.BASE);
        assertThat(TlsRpt.parse(file).reportId()).isEqualTo("r1");
    }

    @Test
    void aDirectoryIsAnIoErrorNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> TlsRpt.parse(dir)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("directory");
    }

    @Test
    void theCallersStreamFailureStaysAnIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertThatThrownBy(() -> TlsRpt.parse(failing)).isInstanceOf(IOException.class)
                .isNotInstanceOf(TlsRptException.class).hasMessage("disk on fire");
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(ReportJson.gzip(ReportJson.utf8(ReportJson.BASE))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(TlsRpt.parse(in).reportId()).isEqualTo("r1");
        assertThat(closed[0]).isFalse();
    }

    static byte[] gzipOf(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
