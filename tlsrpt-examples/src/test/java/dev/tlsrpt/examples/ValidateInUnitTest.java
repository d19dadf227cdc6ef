package dev.tlsrpt.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.schema.TlsRptSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Example: validate the reports your own code writes against the RFC 8460 JSON Schema, in a unit test.
 */
class ValidateInUnitTest {

    @Test
    void theReportOurCodeWritesFollowsRfc8460() throws Exception {
        // snippet:validate
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        WriteReport.run(written); // your code that writes a report
        TlsRptSchema.strict().assertValid(written.toByteArray()); // AssertionError listing every violation
        // end-snippet
        assertThat(TlsRptSchema.strict().validate(written.toByteArray()).violations()).isEmpty();
    }

    @Test
    void aBrokenReportFailsTheAssertionWithItsPointer() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        WriteReport.run(written);
        String broken = written.toString(StandardCharsets.UTF_8).replace("\"mx1.example.com\"", "42");
        assertThatThrownBy(() -> TlsRptSchema.strict().assertValid(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("receiving-mx-hostname");
    }
}
