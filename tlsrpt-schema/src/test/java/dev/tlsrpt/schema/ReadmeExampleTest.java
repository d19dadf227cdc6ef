package dev.tlsrpt.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the examples of the schema guide, docs/schema.md. */
class ReadmeExampleTest {

    /** Stands for the reader's own report writer. */
    record DailyReport(String domain, String json) {
        String toJson() {
            return json;
        }
    }

    @Test
    void theDailyReportFollowsRfc8460() {
        String json = new DailyReport("example.com", TlsRptSchemaTest.REPORT).toJson();
        TlsRptSchema.strict().assertValid(json);
    }

    @Test
    void theReadmeShowsTheFailureMessageOfAReportWithTwoViolations() throws IOException {
        String json = TlsRptSchemaTest.REPORT.replace("\"2026-11-26T00:00:00Z\"", "\"2026-11-26T00:00:00\"")
                .replace("\"total-failure-session-count\": 3", "\"total-failure-session-count\": -3");
        AssertionError error = null;
        try {
            TlsRptSchema.strict().assertValid(json);
        } catch (AssertionError e) {
            error = e;
        }
        assertThat(error).isNotNull();
        String readme = Files.readString(Path.of("..", "docs", "schema.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("java.lang.AssertionError: " + error.getMessage() + "\n```");
    }

    @Test
    void receiversGetTheViolationsAsValues(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("google.com!example.com!1700000000!1700086399!001.json.gz");
        Files.write(file, TlsRptSchemaTest.gzip(TlsRptSchemaTest.REPORT.replace("\"sts\"", "\"mta-sts\"")
                .getBytes(StandardCharsets.UTF_8)));
        ValidationResult result = TlsRptSchema.lenient().validate(file);
        assertThat(result.isValid()).isTrue();
        ValidationResult strict = TlsRptSchema.strict().validate(file);
        assertThat(strict.violations()).extracting(Violation::pointer).containsExactly("/policies/0/policy/policy-type");
        assertThatThrownBy(() -> TlsRptSchema.strict().assertValid(file)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("[enum]: expected one of \"tlsa\", \"sts\", \"no-policy-found\", got \"mta-sts\"");
    }
}
