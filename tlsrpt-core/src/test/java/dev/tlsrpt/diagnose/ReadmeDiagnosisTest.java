package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(section).contains("`" + kind.code() + "`");
        }
    }
}
