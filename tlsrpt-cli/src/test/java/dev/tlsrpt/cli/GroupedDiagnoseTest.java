package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsrpt diagnose --group}, {@code --min-severity} and {@code --fail-on}. */
class GroupedDiagnoseTest {

    @TempDir
    Path tmp;

    /**
     * Reporter A sees an expired certificate on 1 November (enforce: CRITICAL) and sends a clean report on
     * 2 November, so that problem is resolved; its first report arrives three times (.json, .json.gz, .eml).
     * Reporter B sees STARTTLS missing on backup.example.com on 2 November (testing: WARNING), which is ongoing.
     */
    Path mailbox() throws IOException {
        Path dir = tmp.resolve("reports");
        byte[] a1 = Fixtures.report("Sender A", "a-1", "2026-11-01", "enforce", 100, "certificate-expired", "mail.example.com", 3);
        Fixtures.write(dir.resolve("a-1.json"), a1);
        Fixtures.write(dir.resolve("a-1.json.gz"), Fixtures.gzip(a1));
        Fixtures.write(dir.resolve("a-1.eml"), ValidateCommandTest.message("a-1.json", a1));
        Fixtures.write(dir.resolve("a-2.json"), Fixtures.report("Sender A", "a-2", "2026-11-02", "enforce", 120, null, null, 0));
        Fixtures.write(dir.resolve("b-1.json"), Fixtures.report("Sender B", "b-1", "2026-11-02", "testing", 50,
                "starttls-not-supported", "backup.example.com", 7));
        return dir;
    }

    @Test
    void groupedTextDropsDuplicatesAndFollowsEachProblemAcrossReports() throws IOException {
        Run run = Run.tlsrpt("diagnose", "--group", mailbox().toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // the ongoing WARNING
        assertThat(run.err).isEmpty();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.subList(0, 7)).containsExactly(
                "TLS-RPT findings across 3 reports from 2 reporters, 2026-11-01 to 2026-11-02 (2 duplicates dropped)",
                "",
                "example.com: 10 of 280 sessions failed (3.57%) in 3 reports",
                "  [CRITICAL] resolved: The certificate of mail.example.com has expired",
                "    certificate-expired on mail.example.com: 3 failed sessions in 1 report, first seen 2026-11-01,",
                "      last seen 2026-11-01",
                "    Reporters: Sender A");
        assertThat(lines).contains("  [WARNING] ongoing: backup.example.com does not offer STARTTLS",
                "    starttls-not-supported on backup.example.com: 7 failed sessions in 1 report, first seen",
                "      2026-11-02, last seen 2026-11-02",
                "    Reporters: Sender B");
        assertThat(lines).filteredOn(l -> l.startsWith("  [")).hasSize(2);
        assertThat(lines).allMatch(l -> l.length() <= 100, "wrapped at 100 columns");
    }

    @Test
    void inGroupedModeOnlyAnOngoingProblemFailsTheRun() throws IOException {
        Path dir = mailbox();

        assertThat(Run.tlsrpt("diagnose", "--group", "--fail-on", "critical", dir.toString()).exitCode)
                .as("the CRITICAL problem is resolved").isZero();
        assertThat(Run.tlsrpt("diagnose", "--group", "--fail-on", "warning", dir.toString()).exitCode).isEqualTo(1);
        assertThat(Run.tlsrpt("diagnose", "--group", "--fail-on", "never", dir.toString()).exitCode).isZero();
        // one block per report: the CRITICAL finding of a-1 counts, resolved or not
        assertThat(Run.tlsrpt("diagnose", "--fail-on", "critical", dir.toString()).exitCode).isEqualTo(1);
    }

    @Test
    void minSeverityLeavesOutTheLesserProblemsButNotTheirExitCode() throws IOException {
        Run run = Run.tlsrpt("diagnose", "--group", "--min-severity", "critical", mailbox().toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // --fail-on warning still sees the WARNING
        assertThat(run.out).contains("  [CRITICAL] resolved: ", "  1 problem below CRITICAL not shown\n")
                .doesNotContain("[WARNING]", "STARTTLS");
    }

    @Test
    void groupedJsonIsTheSummaryContractWithOnlyTheProblemsShown() throws IOException {
        Path dir = mailbox();

        Run run = Run.tlsrpt("diagnose", "--group", "--format", "json", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("{\n  \"reports\" : 3,\n  \"duplicates\" : 2,\n  \"unreadable\" : [ ],\n"
                + "  \"skipped\" : [ ],\n  \"start\" : \"2026-11-01\",\n  \"end\" : \"2026-11-02\",\n");
        assertThat(DiagnoseCommandTest.values(run.out, "status")).containsExactly("resolved", "ongoing");
        assertThat(DiagnoseCommandTest.values(run.out, "first-seen")).containsExactly("2026-11-01", "2026-11-02");
        assertThat(DiagnoseCommandTest.values(run.out, "severity")).containsExactly("critical", "warning");

        Run critical = Run.tlsrpt("diagnose", "--group", "--format", "json", "--min-severity", "CRITICAL", dir.toString());
        assertThat(DiagnoseCommandTest.values(critical.out, "severity")).containsExactly("critical");
    }

    @Test
    void groupedCsvHasOneRowPerProblem() throws IOException {
        Run run = Run.tlsrpt("diagnose", "--group", "--format", "csv", mailbox().toString());

        String[] rows = run.out.split("\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).isEqualTo("policy-domain,severity,status,result-type,mx-host,failed-sessions,reports,"
                + "reporters,first-seen,last-seen,single-reporter,title,action");
        assertThat(rows[1]).startsWith("example.com,critical,resolved,certificate-expired,mail.example.com,3,1,Sender A,"
                + "2026-11-01,2026-11-01,true,The certificate of mail.example.com has expired,\"Renew ");
        assertThat(rows[2]).startsWith("example.com,warning,ongoing,starttls-not-supported,backup.example.com,7,1,"
                + "Sender B,2026-11-02,2026-11-02,true,backup.example.com does not offer STARTTLS,");
    }

    @Test
    void aSilentReporterIsNamedAndSenderTextIsEscaped() throws IOException {
        Path dir = tmp.resolve("silent");
        Fixtures.write(dir.resolve("x.json"), Fixtures.report("Evil\\u001b[2J Sender", "x-1", "2026-11-01", "enforce", 10,
                null, null, 0));
        Fixtures.write(dir.resolve("y1.json"), Fixtures.report("Steady", "y-1", "2026-11-01", "enforce", 10, null, null, 0));
        Fixtures.write(dir.resolve("y4.json"), Fixtures.report("Steady", "y-4", "2026-11-04", "enforce", 10, null, null, 0));

        Run run = Run.tlsrpt("diagnose", "--group", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("example.com: 0 of 30 sessions failed (0.00%) in 3 reports\n  no failures\n",
                "Silent reporter: Evil\\u001b[2J Sender, last report 2026-11-01 (nothing since, while others kept"
                        + " reporting until 2026-11-04)\n")
                .doesNotContain("\u001b");
    }

    @Test
    void noRenderingPassesOnWhatATerminalWouldActOn() throws IOException {
        Path dir = tmp.resolve("hostile");
        // C1 CSI, a right-to-left override, a line separator and an escape, as JSON escapes in the report
        Fixtures.write(dir.resolve("h.json"), Fixtures.report("Evil\\u009b2J\\u202eSender\\u2028\\u001b[31m", "h-1",
                "2026-11-01", "enforce", 10, "certificate-expired", "mail.example.com", 2));

        for (String format : List.of("text", "json", "csv")) {
            Run run = Run.tlsrpt("diagnose", "--group", "--format", format, dir.toString());
            assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
            assertThat(run.out).as(format).contains("Evil").doesNotContain("\u009b", "\u202e", "\u2028", "\u001b");
        }
    }

    @Test
    void aReportThatCannotBeReadIsNamedAndTheOthersAreStillGrouped() throws IOException {
        Path dir = mailbox();
        Fixtures.write(dir.resolve("z-broken.json"), Run.utf8(Fixtures.TRUNCATED));

        Run run = Run.tlsrpt("diagnose", "--group", "--format", "json", dir.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).startsWith("tlsrpt: " + dir.resolve("z-broken.json") + ": /policies/0/policy/policy-type: ");
        assertThat(run.out).contains("\"reports\" : 3,", "\"unreadable\" : [ \"" + dir.resolve("z-broken.json")
                + ": /policies/0/policy/policy-type: ");
    }

    @Test
    void perReportMinSeverityLeavesOutTheReportsAndFindingsBelowIt() throws IOException {
        Path dir = mailbox();

        Run text = Run.tlsrpt("diagnose", "--min-severity", "warning", dir.toString());
        assertThat(text.exitCode).as(text.toString()).isEqualTo(1);
        assertThat(text.out).contains("==> " + dir.resolve("a-1.json") + " <==", "==> " + dir.resolve("b-1.json") + " <==")
                .doesNotContain("a-2.json", "[OK]")
                .endsWith("\n(1 report without a finding at or above WARNING not shown)\n");

        Run json = Run.tlsrpt("diagnose", "--min-severity", "warning", "--format", "json", dir.toString());
        assertThat(DiagnoseCommandTest.values(json.out, "input")).hasSize(4).noneMatch(n -> n.endsWith("a-2.json"));
        assertThat(json.out).contains("\"not-shown\" : 1\n");

        Run csv = Run.tlsrpt("diagnose", "--min-severity", "critical", "--format", "csv", dir.toString());
        assertThat(csv.out.split("\r\n")).hasSize(4).allMatch(r -> r.startsWith("input,") || r.contains(",critical,"));
    }

    @Test
    void minSeverityKeepsTheFindingsOfAReportAtOrAboveItAndItsVerdict() throws IOException {
        // a CRITICAL failure, and an INFO finding for the start date-time without a time zone
        String text = new String(Fixtures.report("Sender A", "a-1", "2026-11-01", "enforce", 100, "certificate-expired",
                "mail.example.com", 3), java.nio.charset.StandardCharsets.UTF_8).replace("T00:00:00Z", "T00:00:00");
        Path report = Fixtures.write(tmp.resolve("a-1.json"), Run.utf8(text));

        Run all = Run.tlsrpt("diagnose", report.toString());
        Run warning = Run.tlsrpt("diagnose", "--min-severity", "warning", report.toString());

        assertThat(all.out).contains("[CRITICAL] ", "[INFO] ");
        assertThat(warning.out).contains("[CRITICAL] The certificate of mail.example.com has expired").doesNotContain("[INFO]");
        assertThat(warning.out.lines().filter(l -> l.startsWith("Verdict: ")))
                .containsExactly("Verdict: CRITICAL: 3 of 103 sessions failed (2.91%); findings: 1 critical, 0 warning, 1 info.");
        assertThat(warning.exitCode).isEqualTo(1);
    }

    @Test
    void failOnSetsTheSeverityThatFailsTheRun() throws IOException {
        Path ms = Fixtures.write(tmp.resolve("ms.json.gz"), Fixtures.resource("corpus/mox/microsoft.attachment.json.gz"));

        assertThat(Run.tlsrpt("diagnose", ms.toString()).exitCode).as("INFO only").isZero();
        assertThat(Run.tlsrpt("diagnose", "--fail-on", "info", ms.toString()).exitCode).isEqualTo(1);
        assertThat(Run.tlsrpt("diagnose", "--sample").exitCode).as("WARNING").isEqualTo(1);
        assertThat(Run.tlsrpt("diagnose", "--fail-on", "CRITICAL", "--sample").exitCode).as("WARNING").isZero();
        assertThat(Run.tlsrpt("diagnose", "--fail-on", "never", "--sample").exitCode).isZero();
    }

    @Test
    void unknownSeveritiesAreUsageErrors() {
        Run failOn = Run.tlsrpt("diagnose", "--fail-on", "sometimes", "--sample");
        assertThat(failOn.exitCode).isEqualTo(2);
        assertThat(failOn.err).contains("expected one of critical, warning, info, never but was 'sometimes'");

        Run min = Run.tlsrpt("diagnose", "--min-severity", "urgent", "--sample");
        assertThat(min.exitCode).isEqualTo(2);
        assertThat(min.err).contains("expected one of critical, warning, info, ok but was 'urgent'");
    }
}
