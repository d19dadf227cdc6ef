package dev.tlsrpt;

import static dev.tlsrpt.hostile.HostileStreams.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.diagnose.Finding;
import dev.tlsrpt.hostile.SenderTextCases;
import dev.tlsrpt.internal.JsonInput;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz targets for report parsing (Jazzer). The property: a parse returns a report or throws the
 * library's own {@link MalformedReportException}, with a well-formed location, within the limits, and the
 * whole-report and streaming readers, strict and lenient modes and tight limits agree (see
 * {@link ReportChecks#checkAll}); a report read is diagnosed at a cost that follows its size
 * ({@link #checkDiagnosis}).
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
        checkDiagnosis(lenient, data);
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
        checkDiagnosis(outcome, input);
        if (!raw) {
            assertThat(outcome.identity()).as("gzip is transparent")
                    .isEqualTo(ReportChecks.parse(data, ParseOptions.lenient()).identity());
        }
    }

    /**
     * A report that was read is diagnosed and rendered, and what that writes grows with the report: each
     * finding's texts are bounded, the text and JSON renderings together are at most a fixed multiple of
     * the report's JSON bytes. No rendering holds a character a terminal acts on but the line feeds (and
     * the colours the renderer adds). The model's sums over the counts never throw.
     */
    static void checkDiagnosis(ReportChecks.Outcome lenient, byte[] input) {
        if (!lenient.ok()) {
            return;
        }
        long jsonBytes;
        try (InputStream json = JsonInput.open(new ByteArrayInputStream(input), ParseOptions.lenient())) {
            jsonBytes = json.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        TlsReport report = lenient.get().report();
        assertThat(report.totalSuccessfulSessions()).isNotNegative();
        assertThat(report.totalFailureSessions()).isNotNegative();
        for (PolicyResult p : report.policies()) {
            assertThat(p.summary().totalSessionCount()).isNotNegative();
            assertThat(p.summary().failureShare()).isBetween(0.0, 1.0);
            assertThat(p.failedSessionSum()).isNotNegative();
        }
        Diagnosis d = TlsRpt.diagnose(lenient.get());
        for (Finding f : d.findings()) {
            assertThat(f.title().length() + f.explanation().length() + f.action().length())
                    .as("the texts of one finding").isLessThanOrEqualTo(MAX_FINDING_TEXT);
            checkCommandHosts(f.action());
        }
        String text = d.toText();
        String coloured = d.toText(dev.tlsrpt.diagnose.TextStyle.ANSI);
        String json = d.toJson();
        assertThat(SenderTextCases.unsafeAt(text)).as("terminal escape in the text").isEqualTo(-1);
        assertThat(SenderTextCases.unsafeAt(coloured.replaceAll("\u001b\\[(?:0|1|1;31|33|36|32)m", "")))
                .as("terminal escape in the coloured text").isEqualTo(-1);
        assertThat(SenderTextCases.unsafeAt(json)).as("terminal escape in the JSON").isEqualTo(-1);
        long written = text.length() + (long) coloured.length() + json.length();
        assertThat(written).as("text and JSON of a %,d-byte report", jsonBytes)
                .isLessThanOrEqualTo(64 * 1024 + 200 * jsonBytes);
    }

    /** A host name: LDH labels of 1 to 63 characters without a hyphen at either end, at most 253 in all. */
    static final Pattern HOST = Pattern.compile("(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern COMMAND_HOST = Pattern.compile("-(?:connect|servername) (\\S+?)(?::[0-9]+)?(?=\\s|$)");

    /**
     * The hosts of the suggested commands ({@code -connect} and {@code -servername} arguments) are host
     * names, IPv4 literals, quoted bracketed IPv6 literals or placeholders: never anything else a sender
     * wrote.
     */
    static void checkCommandHosts(String action) {
        Matcher m = COMMAND_HOST.matcher(action);
        while (m.find()) {
            String host = m.group(1);
            assertThat(HOST.matcher(host).matches() || host.equals("<mx-host>")
                    || host.equals("mta-sts.<policy-domain>") || host.matches("'\\[[0-9A-Fa-f:.]+\\]'"))
                    .as("command host %s in: %s", host, action).isTrue();
        }
    }

    /** The most characters of title, explanation and action together of one finding. */
    static final int MAX_FINDING_TEXT = 8_000;
}
