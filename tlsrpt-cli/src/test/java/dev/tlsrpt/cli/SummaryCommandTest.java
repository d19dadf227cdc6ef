package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.hostile.HostileReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    @TempDir
    Path tmp;

    @Test
    void totalsPerDomainMxResultTypeAndOrganization() throws Exception {
        Path dir = tmp.resolve("good");
        Fixtures.write(dir.resolve("one.json"), Fixtures.sample());
        Fixtures.write(dir.resolve("two.json.gz"), Fixtures.gzip(Fixtures.sample()));
        Fixtures.write(dir.resolve("ms.json.gz"), Fixtures.resource("corpus/mox/microsoft.attachment.json.gz"));

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).startsWith("TLS-RPT summary: 3 reports from 2 organizations\n"
                + "Period:   2023-01-10T00:00:00Z to 2026-11-26T23:59:59Z\n"
                + "Sessions: 9,650 total, 9,644 successful, 6 failed (0.06%)\n");
        assertThat(run.out).containsPattern("example.com \\(sts\\) +2 +9,642 +6 +0.06%")
                .containsPattern("test.xmox.nl \\(sts\\) +1 +2 +0 +0.00%")
                .containsPattern("mail.example.com +4 +6\n")
                .containsPattern("certificate-expired +4 +6\n")
                .containsPattern("Example Mail Provider +2 +9,642 +6 +0.06%")
                .containsPattern("Microsoft Corporation +1 +2 +0 +0.00%")
                .doesNotContain("\u001b[");
    }

    @Test
    void aBrokenReportIsNamedAndLeftOutWhileTheOthersAreCounted() throws Exception {
        Path dir = Fixtures.mixedDirectory(tmp);

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out).startsWith("TLS-RPT summary: 3 reports from 2 organizations, 1 unreadable\n");
        assertThat(run.err).startsWith("tlsrpt: " + dir.resolve("d-broken.json") + ": ")
                .contains("/policies/0/policy/policy-type: ", "(line 6, column 50)")
                .doesNotContain(".hidden");
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void reportsInEmailMessagesAreCountedToo() throws Exception {
        Path dir = tmp.resolve("mail");
        Fixtures.write(dir.resolve("one.json"), Fixtures.sample());
        Fixtures.write(dir.resolve("google.eml"), Fixtures.resource("corpus/mox/google-example.eml"));

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("TLS-RPT summary: 2 reports from 2 organizations\n")
                .containsPattern("Google Inc\\. +1 +3 +0 +0\\.00%")
                .containsPattern("test\\.xmox\\.nl \\(sts\\) +1 +3 +0");
    }

    @Test
    void filesInADirectoryThatHoldNoReportAreSkippedNotUnreadable() throws Exception {
        Path dir = Fixtures.directoryWithOtherFiles(tmp);

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("TLS-RPT summary: 2 reports from 2 organizations\n");
        assertThat(run.err).isEqualTo("tlsrpt: skipped 4 files found in directories that hold no TLS report: "
                + dir.resolve("README.txt") + ", " + dir.resolve("dovecot-uidlist") + ", " + dir.resolve("empty") + ", "
                + dir.resolve("newsletter.eml") + "\n");
    }

    @Test
    void aSenderCannotSendTerminalEscapesThroughTheTotals() {
        Run run = Run.withStdin(HostileReports.escapes().getBytes(StandardCharsets.UTF_8), "summary", "-");

        assertThat(run.exitCode).as(run.toString()).isZero();
        DiagnoseCommandTest.assertNoTerminalEscape("summary", run.out);
        assertThat(run.out).contains("example.com\\u001b[2J", "x-result\\u001b[2J", "Org\\u001b[2J");
        Run coloured = Run.with(HostileReports.escapes().getBytes(StandardCharsets.UTF_8), Map.of(), true,
                "summary", "-");
        DiagnoseCommandTest.assertNoTerminalEscape("summary in colour",
                coloured.out.replaceAll("\u001b\\[(?:0|1|1;31|33|36|32|2)m", ""));
    }

    @Test
    void countsThatAddPast2To63Saturate() throws Exception {
        // two strict-valid reports whose counts are 2^63-1: the totals used to wrap to negative numbers
        String max = "9223372036854775807";
        String report = HostileReports.stsReport("Org", "example.com", List.of("mode: enforce", "mx: mx.example.com"),
                List.of(HostileReports.detail("certificate-expired", "mx.example.com", null)))
                .replace("\"total-successful-session-count\":1000", "\"total-successful-session-count\":" + max)
                .replace("\"total-failure-session-count\":1", "\"total-failure-session-count\":" + max)
                .replace("\"failed-session-count\":1", "\"failed-session-count\":" + max);
        Path dir = tmp.resolve("max");
        Fixtures.write(dir.resolve("a.json"), report.getBytes(StandardCharsets.UTF_8));
        Fixtures.write(dir.resolve("b.json"), report.getBytes(StandardCharsets.UTF_8));

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        String most = "9,223,372,036,854,775,807";
        assertThat(run.out).contains("Sessions: " + most + " total, " + most + " successful, " + most
                + " failed (50.00%)")
                .containsPattern("example.com \\(sts\\) +2 +" + most + " +" + most + " +50.00%")
                .containsPattern("mx.example.com +2 +" + most + "\n")
                .doesNotContain("-9,");
    }

    @Test
    void standardInputIsReadForDash() {
        Run run = Run.withStdin(Fixtures.gzip(Fixtures.sample()), "summary", "-");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("TLS-RPT summary: 1 report from 1 organization\n");
    }

    @Test
    void progressBarOnlyOnATerminalAndErasedAtTheEnd() throws Exception {
        Path dir = tmp.resolve("many");
        for (int i = 0; i < 5; i++) {
            Fixtures.write(dir.resolve("r" + i + ".json"), Fixtures.sample());
        }
        AtomicLong time = new AtomicLong();
        LongSupplier slowClock = () -> time.addAndGet(Progress.DELAY_NANOS);
        Run terminal = Run.with(new java.io.ByteArrayInputStream(new byte[0]), Map.of(), true, slowClock,
                "summary", "--no-color", dir.toString());
        assertThat(terminal.exitCode).isZero();
        assertThat(terminal.err).contains("] 5/5 reports").endsWith("\r");
        assertThat(terminal.out).doesNotContain("\r", "#");

        Run pipe = Run.with(new java.io.ByteArrayInputStream(new byte[0]), Map.of(), false, slowClock,
                "summary", dir.toString());
        assertThat(pipe.err).isEmpty();
    }

    @Test
    void colourOnATerminal() throws Exception {
        Path dir = tmp.resolve("one");
        Fixtures.write(dir.resolve("one.json"), Fixtures.sample());
        assertThat(Run.onTerminal(Map.of(), "summary", dir.toString()).out).contains("\u001b[1m");
        assertThat(Run.onTerminal(Map.of(), "summary", "--no-color", dir.toString()).out).doesNotContain("\u001b[");
        assertThat(Run.onTerminal(Map.of("NO_COLOR", "yes"), "summary", dir.toString()).out).doesNotContain("\u001b[");
    }
}
