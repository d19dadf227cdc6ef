package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The diagnosis guide, docs/diagnosis.md, shows what the code really prints. */
class ReadmeDiagnosisTest {

    private static String section() throws IOException {
        return Files.readString(Path.of("..", "docs", "diagnosis.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeShowsTheRealRenderingOfTheSeedSample() throws IOException {
        String section = section();
        int open = section.indexOf("```text\n") + "```text\n".length();
        String pasted = section.substring(open, section.indexOf("```", open));

        Path sample = Path.of("src", "test", "resources", "reports", "valid", "sample.json");
        assertThat(pasted).isEqualTo(TlsRpt.diagnose(TlsRpt.parse(sample)).toText());
    }

    @Test
    void theReadmeListsEveryJsonMemberName() throws IOException {
        String section = section();
        java.util.Map<String, Object> top = RenderingTest.readObject(TlsRpt.diagnose(Reports.sample()).toJson());
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> finding = (java.util.Map<String, Object>) ((java.util.List<Object>) top
                .get("findings")).get(0);

        assertThat(top.keySet()).allSatisfy(name -> assertThat(section).contains("`" + name + "`"));
        assertThat(finding.keySet()).allSatisfy(name -> assertThat(section).contains("`" + name + "`"));
        for (FindingKind kind : FindingKind.values()) {
            assertThat(section).contains("`" + kind.wireName() + "`");
        }
    }

    private static String guide() throws IOException {
        return Files.readString(Path.of("..", "docs", "diagnosis.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeLinksTheDiagnosisGuide() throws IOException {
        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains("(docs/diagnosis.md)");
    }

    @Test
    void theGuideNamesEveryImpactAndKindAndTheDefaultThreshold() throws IOException {
        String guide = guide();

        for (Impact impact : Impact.values()) {
            assertThat(guide).contains("`" + impact.wireName() + "`");
        }
        for (FindingKind kind : FindingKind.values()) {
            assertThat(guide).contains("`" + kind.wireName() + "`");
        }
        assertThat(DiagnosisOptions.defaults().substantialShare()).isEqualTo(0.01);
        assertThat(guide).contains("1% by default").contains("1% (`DEFAULT_SUBSTANTIAL_SHARE`, 0.01)");
    }

    @Test
    void theGuidesOptionsSnippetIsThisCode() throws IOException {
        dev.tlsrpt.model.TlsReport report = Reports.sample();
        // snippet:options
        DiagnosisOptions options = DiagnosisOptions.defaults()
                .withSubstantialShare(0.05)                 // critical from 5% of a policy's sessions
                .withLocale(Locale.GERMAN);                 // texts of Advice_de.properties, English where it has none
        Diagnosis diagnosis = TlsRpt.diagnose(report, options);
        // end-snippet

        assertThat(diagnosis.locale()).isEqualTo(Locale.GERMAN);
        assertThat(diagnosis.severity()).as("3 of 4824 is under 5%").isEqualTo(Severity.WARNING);
        String source = Files.readString(Path.of("src/test/java/dev/tlsrpt/diagnose/ReadmeDiagnosisTest.java"),
                StandardCharsets.UTF_8);
        int from = source.indexOf("// snippet:options\n") + "// snippet:options\n".length();
        String code = source.substring(from, source.indexOf("        // end-snippet", from)).replaceAll("(?m)^ {8}", "");
        assertThat(guide()).contains("```java\n" + code + "```");
    }
}
