package dev.tlsrpt.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tlsrpt.hostile.HostileStreams;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;

/**
 * Fuzz target for the schema validators (Jazzer). The property: {@code validate} returns a
 * {@link ValidationResult} for any bytes (it never throws for bad content), every violation has a pointer,
 * a keyword and a short message, and the verdict agrees with the parser in the same mode (the schema's own
 * promise). Bytes that do not start with the gzip magic are also validated gzip-compressed, which must not
 * change the verdict.
 *
 * <p>The agreement with the parser is asserted on every replayed input (the corpus and the findings kept as
 * seeds), and while fuzzing ({@code -Pfuzz}) only when {@code -Dtlsrpt.fuzz.agreement=true} is given: a
 * fuzz run without it checks that nothing escapes or hangs; the agreement test's 8000 seeded checks guard
 * the agreement in every build.
 */
class SchemaFuzzTest {
    private static final boolean AGREEMENT = System.getenv("JAZZER_FUZZ") == null
            || Boolean.getBoolean("tlsrpt.fuzz.agreement");

    @FuzzTest(maxDuration = "60s")
    void documents(byte[] data) {
        for (TlsRptSchema schema : new TlsRptSchema[] {TlsRptSchema.strict(), TlsRptSchema.lenient()}) {
            ValidationResult result = schema.validate(data);
            for (Violation v : result.violations()) {
                assertThat(v.pointer().isEmpty() || v.pointer().startsWith("/")).as("pointer of " + v).isTrue();
                assertThat(v.keyword()).isNotBlank();
                assertThat(v.message()).isNotBlank();
                assertThat(v.message().length()).as("short message: " + v.message()).isLessThanOrEqualTo(400);
            }
            assertThat(result.isValid()).isEqualTo(result.violations().isEmpty());
            if (!AGREEMENT) {
                continue;
            }
            boolean parses = parses(data, schema.isStrict() ? ParseOptions.strict() : ParseOptions.lenient());
            assertThat(result.isValid()).as("%s schema agrees with the parser: %s", schema.isStrict() ? "strict"
                    : "lenient", result.violations()).isEqualTo(parses);
            if (!schema.isStrict()) {
                // the validator counts the deviations the parser counts: at a limit of one less, both reject
                long deviations = deviations(data);
                if (deviations >= 2) {
                    ParseOptions tight = ParseOptions.lenient().withMaxDeviations(deviations - 1);
                    assertThat(TlsRptSchema.of(tight).validate(data).isValid()).as("maxDeviations %d: %s",
                            deviations - 1, TlsRptSchema.of(tight).validate(data).violations()).isFalse();
                    assertThat(TlsRptSchema.of(tight.withMaxDeviations(deviations)).validate(data).isValid())
                            .isTrue();
                }
            }
            boolean gzip = data.length >= 2 && data[0] == (byte) 0x1f && data[1] == (byte) 0x8b;
            if (!gzip) {
                assertThat(schema.validate(HostileStreams.gzip(data)).isValid()).as("gzip is transparent")
                        .isEqualTo(result.isValid());
            }
        }
    }

    /** The deviations the lenient parser reports, or -1 when it rejects the document. */
    static long deviations(byte[] data) {
        try {
            return TlsRpt.parseWithDeviations(data, ParseOptions.lenient()).deviations().size();
        } catch (MalformedReportException e) {
            return -1;
        }
    }

    static boolean parses(byte[] data, ParseOptions options) {
        try {
            TlsRpt.parse(data, options);
            return true;
        } catch (MalformedReportException e) {
            return false;
        }
    }
}
