package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The front door's overloads, and what it says when it is handed a file name as JSON text. */
class FrontDoorTest {
    private static final Path SAMPLE = Path.of("src", "test", "resources", "reports", "valid", "sample.json");

    @Test
    void parseWithDeviationsTakesWhatParseTakesWithAndWithoutOptions() {
        Set<String> parse = signatures("parse");
        Set<String> withDeviations = signatures("parseWithDeviations");
        assertThat(withDeviations).isEqualTo(parse).containsExactlyInAnyOrder("InputStream", "InputStream, ParseOptions",
                "Path", "Path, ParseOptions", "byte[]", "byte[], ParseOptions", "String", "String, ParseOptions");
    }

    private static Set<String> signatures(String name) {
        Set<String> out = new TreeSet<>();
        for (Method m : TlsRpt.class.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                out.add(String.join(", ", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList()));
            }
        }
        return out;
    }

    @Test
    void theOverloadsWithoutOptionsReadLeniently() throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        String text = new String(bytes, StandardCharsets.UTF_8);
        ParseResult expected = TlsRpt.parseWithDeviations(SAMPLE, ParseOptions.lenient());
        assertThat(TlsRpt.parseWithDeviations(SAMPLE)).isEqualTo(expected);
        assertThat(TlsRpt.parseWithDeviations(bytes)).isEqualTo(expected);
        assertThat(TlsRpt.parseWithDeviations(text)).isEqualTo(expected);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            assertThat(TlsRpt.parseWithDeviations(in)).isEqualTo(expected);
        }
        String lenientOnly = text.replaceFirst("\"contact-info\": \"[^\"]*\",", "");
        assertThat(TlsRpt.parseWithDeviations(lenientOnly).deviations()).extracting(Deviation::kind)
                .containsExactly(DeviationKind.MISSING_CONTACT_INFO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.json", "google.com!example.com!1700000000!1700086399!001.json.gz",
        "  /var/reports/report.JSON.GZ\n", "\uFEFFreports/2026-11-27", "C:\\reports\\a.eml", "inbox.mbox",
        "report.zip", "reports\\latest"})
    void aFileNameGivenAsJsonTextSaysToUseAPath(String name) {
        var e = catchThrowableOfType(MalformedReportException.class, () -> TlsRpt.parse(name));
        assertThat(e.problem()).startsWith("JSON expected; for a file use Path.of(...)");
        assertThat(e.pointer()).isEmpty();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(name.startsWith("  ") ? 3 : 1);
        assertThat(catchThrowableOfType(MalformedReportException.class,
                () -> TlsRpt.parseWithDeviations(name, ParseOptions.strict())).problem()).isEqualTo(e.problem());
    }

    @Test
    void theLocationCountsTheLinesBeforeTheName() {
        var e = catchThrowableOfType(MalformedReportException.class, () -> TlsRpt.parse("\n\r\n  report.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).endsWith("(line 3, column 3)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "[\"a/b.json\"]", "\"report.json\"", "{\"report\": \"a.json\"", "a.json\nb.json",
        "report.json {", ""})
    void textThatIsNoFileNameGetsTheReadersError(String text) {
        var e = catchThrowableOfType(MalformedReportException.class, () -> TlsRpt.parse(text));
        assertThat(e.problem()).doesNotContain("Path.of");
    }

    @Test
    void aReportStillParsesWhateverItsStrings() throws IOException {
        String text = Files.readString(SAMPLE).replace("\"organization-name\": \"", "\"organization-name\": \"a/b.json ");
        assertThat(TlsRpt.parse(text).organizationName()).startsWith("a/b.json ");
        assertThatThrownBy(() -> TlsRpt.parse((String) null)).isInstanceOf(NullPointerException.class);
        assertThat(List.of(TlsRpt.class.getMethods())).extracting(Method::getName)
                .doesNotContain("writeGzip", "openJson", "joinTxtStrings");
    }
}
