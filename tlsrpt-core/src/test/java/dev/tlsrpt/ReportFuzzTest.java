package dev.tlsrpt;

import static dev.tlsrpt.hostile.HostileStreams.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for report parsing (Jazzer). The property: a parse returns a report or throws the
 * library's own {@link MalformedReportException}, with a well-formed location, within the limits, and the
 * whole-report and streaming readers, strict and lenient modes and tight limits agree (see
 * {@link ReportChecks#checkAll}).
 *
 * <p>Without {@code JAZZER_FUZZ} each target runs as a regression test over its inputs directory
 * ({@code ReportFuzzTestInputs/<method>/}: the corpus copied there by the build, plus every finding kept);
 * that is all {@code mvn verify} does with them. The {@code fuzz} profile ({@code -Pfuzz}) fuzzes each target
 * for {@code tlsrpt.fuzz.duration} (5 min unless given) in its own surefire run (SECURITY.md, Fuzzing).
 */
class ReportFuzzTest {

    /** Any bytes, as plain JSON (or gzip, when the fuzzer writes the gzip magic itself). */
    @FuzzTest(maxDuration = "60s")
    void plainReports(byte[] data) {
        ReportChecks.Outcome lenient = ReportChecks.checkAll(data);
        assertThat(lenient.ok() ? lenient.get().report() : lenient.failure().problem()).isNotNull();
    }

    /**
     * Gzip input: bytes that start with the gzip magic go in as they are (a hostile gzip structure);
     * other bytes are compressed first (a well-formed gzip stream around fuzzed JSON).
     */
    @FuzzTest(maxDuration = "60s")
    void gzipReports(byte[] data) {
        boolean raw = data.length >= 2 && data[0] == (byte) 0x1f && data[1] == (byte) 0x8b;
        byte[] input = raw ? data : gzip(data);
        ReportChecks.Outcome outcome = ReportChecks.checkAll(input);
        if (!raw) {
            assertThat(outcome.identity()).as("gzip is transparent")
                    .isEqualTo(ReportChecks.parse(data, ParseOptions.lenient()).identity());
        }
    }
}
