package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.HostileReports;
import dev.tlsrpt.hostile.SenderTextCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class DiagnoseCommandTest {

    @TempDir
    Path tmp;

    @Test
    void sampleDiagnosesTheBundledSample() {
        Run run = Run.tlsrpt("diagnose", "--sample");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("==> (bundled sample) <==\n")
                .contains("WARNING", "mail.example.com", "certificate", "Example Mail Provider")
                .doesNotContain("\u001b[");
        assertThat(run.err).isEmpty();
    }

    @Test
    void aReportWithoutFailuresExitsZero() throws Exception {
        Path ok = Fixtures.write(tmp.resolve("ok.json.gz"), Fixtures.resource("corpus/mox/microsoft.attachment.json.gz"));

        Run run = Run.tlsrpt("diagnose", ok.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("==> " + ok + " <==\n").contains("Microsoft Corporation").doesNotContain("CRITICAL");
    }

    /**
     * The shortened report of the blog post "How to read a TLS-RPT report" has no report-id: it was refused
     * with exit code 3 ("report-id is missing"); it is read leniently and diagnosed.
     */
    @Test
    void theBlogPostsReportWithoutReportIdIsDiagnosedNotRefused() throws Exception {
        Path report = Fixtures.write(tmp.resolve("blog.json"), Fixtures.resource("reports/lenient/blog-post-shortened.json"));

        Run run = Run.tlsrpt("diagnose", report.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("==> " + report + " <==\n").contains("Company-X")
                .contains("The certificate of mail.example.com has expired").doesNotContain("null");
        assertThat(run.err).isEmpty();
    }

    @Test
    void jsonHoldsEachDiagnosisAndTheUnreadableInputs() throws Exception {
        Path dir = Fixtures.mixedDirectory(tmp);

        Run run = Run.tlsrpt("diagnose", "--format", "json", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        List<String> inputs = values(run.out, "input");
        assertThat(inputs).containsExactly(dir.resolve("a-sample.json").toString(),
                dir.resolve("c-microsoft.json.gz").toString(), dir.resolve("sub/b-sample.json.gz").toString(),
                dir.resolve("d-broken.json").toString());
        assertThat(values(run.out, "severity")).startsWith("warning");
        assertThat(values(run.out, "impact")).startsWith("not-delivered");
        assertThat(values(run.out, "result-type")).contains("certificate-expired");
        assertThat(values(run.out, "pointer")).isNotEmpty();
        assertThat(run.out).contains("\"unreadable\"", "\"share\" : 0.000622,");
    }

    @Test
    void csvHasOneRowPerFindingAfterTheHeader() throws Exception {
        Path sample = Fixtures.write(tmp.resolve("s.json"), Fixtures.sample());

        Run run = Run.tlsrpt("diagnose", "--format=csv", sample.toString(), sample.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        String[] rows = run.out.split("\r\n", -1);
        assertThat(rows[0]).isEqualTo(String.join(",", DiagnoseCommand.CSV_HEADER));
        assertThat(rows[rows.length - 1]).isEmpty();
        assertThat(rows[1]).startsWith(sample + ",Example Mail Provider,2026-11-26T00:00:00Z_example.com,warning,"
                + "not-delivered,failure,certificate-expired,sts,example.com,enforce,mail.example.com,3,4824,");
        assertThat((rows.length - 2) % 2).isZero();
    }

    @Test
    void aDirectoryWithOneBrokenReportExitsThreeAndStillDiagnosesTheOthers() throws Exception {
        Path dir = Fixtures.mixedDirectory(tmp);

        Run run = Run.tlsrpt("diagnose", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out).contains("==> " + dir.resolve("a-sample.json") + " <==",
                "==> " + dir.resolve("c-microsoft.json.gz") + " <==",
                "==> " + dir.resolve("sub/b-sample.json.gz") + " <==")
                .doesNotContain("d-broken.json", ".hidden");
        assertThat(run.err).startsWith("tlsrpt: " + dir.resolve("d-broken.json") + ": ").contains("/policies/0/policy/policy-type: ", "(line 6, column 50)");
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void garbageOnStandardInputIsNamedWithItsLocation() {
        Run run = Run.withStdin(Run.utf8("this is not a report\n"), "diagnose", "-");

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("tlsrpt: (stdin): (document): ").contains("line 1");
    }

    @Test
    void gzipOnStandardInputIsDiagnosed() {
        Run run = Run.withStdin(Fixtures.gzip(Fixtures.sample()), "diagnose", "-");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("==> (stdin) <==\n").contains("mail.example.com");
    }

    @Test
    void aMissingFileIsNamedAndTheOthersAreStillDiagnosed() throws Exception {
        Path good = Fixtures.write(tmp.resolve("good.json"), Fixtures.sample());
        Path missing = tmp.resolve("missing.json.gz");

        Run run = Run.tlsrpt("diagnose", missing.toString(), good.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).isEqualTo("tlsrpt: " + missing + ": no such file\n");
        assertThat(run.out).startsWith("==> " + good + " <==\n").contains("WARNING");
    }

    @Test
    void aDanglingLinkInADirectoryIsUnreadable() throws Exception {
        Path dir = tmp.resolve("dir");
        Fixtures.write(dir.resolve("good.json"), Fixtures.sample());
        Files.createSymbolicLink(dir.resolve("gone.json"), tmp.resolve("deleted.json"));

        Run run = Run.tlsrpt("diagnose", dir.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).isEqualTo("tlsrpt: " + dir.resolve("gone.json") + ": no such file\n");
        assertThat(run.out).contains("==> " + dir.resolve("good.json") + " <==");
    }

    @Test
    void anUnreadableFileIsNamedUnlessRunningAsRootWhoCanReadIt() throws Exception {
        Path locked = Fixtures.write(tmp.resolve("locked.json"), Fixtures.sample());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean readable = Files.isReadable(locked); // root reads whatever the mode says

        Run run = Run.tlsrpt("diagnose", locked.toString());

        if (readable) {
            assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
            assertThat(run.out).contains("mail.example.com");
        } else {
            assertThat(run.exitCode).isEqualTo(3);
            assertThat(run.err).isEqualTo("tlsrpt: " + locked + ": permission denied\n");
        }
    }

    @Test
    void theReportsInAnEmailMessageAreDiagnosedUnderTheAttachmentsName() throws Exception {
        Path eml = Fixtures.write(tmp.resolve("report.eml"), Fixtures.resource("corpus/mox/google-example.eml"));

        Run run = Run.tlsrpt("diagnose", eml.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("==> " + eml + " [google.com!test.xmox.nl!1663200000!1663286399!001.json.gz] <==\n")
                .contains("Google Inc.", "2022-09-15T00:00:00Z_test.xmox.nl");
    }

    @Test
    void aMessageWithoutAReportIsUnreadable() throws Exception {
        Path eml = Fixtures.write(tmp.resolve("hello.eml"),
                Run.utf8("From: a@example.com\r\nSubject: hello\r\n\r\nno report here\r\n"));

        Run run = Run.tlsrpt("diagnose", eml.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).startsWith("tlsrpt: " + eml + ": ");
        assertThat(run.out).isEmpty();
    }

    @Test
    void filesInADirectoryThatHoldNoReportAreSkippedAndNamedOnceButANamedOneIsUnreadable() throws Exception {
        Path dir = Fixtures.directoryWithOtherFiles(tmp);

        Run run = Run.tlsrpt("diagnose", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // the sample's WARNING finding, nothing unreadable
        assertThat(run.out).contains("==> " + dir.resolve("1-report.json.gz") + " <==",
                "==> " + dir.resolve("2-report.eml") + " [google.com!test.xmox.nl!1663200000!1663286399!001.json.gz] <==")
                .doesNotContain("README", "dovecot", "newsletter", "empty");
        assertThat(run.err).isEqualTo("tlsrpt: skipped 4 files found in directories that hold no TLS report: "
                + dir.resolve("README.txt") + ", " + dir.resolve("dovecot-uidlist") + ", " + dir.resolve("empty") + ", "
                + dir.resolve("newsletter.eml") + "\n");

        Run named = Run.tlsrpt("diagnose", dir.resolve("README.txt").toString(), dir.resolve("newsletter.eml").toString());

        assertThat(named.exitCode).isEqualTo(3);
        List<String> lines = named.err.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("tlsrpt: " + dir.resolve("README.txt") + ": (document): not valid JSON: ")
                .endsWith("(line 1, column 1)");
        assertThat(lines.get(1)).isEqualTo("tlsrpt: " + dir.resolve("newsletter.eml") + ": no TLS report found; the parts are: text/plain");
    }

    @Test
    void jsonListsTheSkippedFiles() throws Exception {
        Path dir = Fixtures.directoryWithOtherFiles(tmp);

        Run run = Run.tlsrpt("diagnose", "--format", "json", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(values(run.out, "input")).hasSize(2);
        assertThat(run.out).contains("\"unreadable\" : [ ]", "\"skipped\" : [ \"" + dir.resolve("README.txt") + "\", \""
                + dir.resolve("dovecot-uidlist") + "\", \"" + dir.resolve("empty") + "\", \"" + dir.resolve("newsletter.eml") + "\" ]");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = Run.tlsrpt("diagnose", "--format", "xml");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Invalid value for option '--format'", "text, json, csv");
        assertThat(run.out).isEmpty();
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertThat(Run.onTerminal(Map.of(), "diagnose", "--sample").out).contains("\u001b[");
        assertThat(Run.onTerminal(Map.of(), "diagnose", "--sample", "--no-color").out).doesNotContain("\u001b[");
        assertThat(Run.onTerminal(Map.of(), "--no-color", "diagnose", "--sample").out).doesNotContain("\u001b[");
        assertThat(Run.onTerminal(Map.of("NO_COLOR", "1"), "diagnose", "--sample").out).doesNotContain("\u001b[");
        assertThat(Run.onTerminal(Map.of("TERM", "dumb"), "diagnose", "--sample").out).doesNotContain("\u001b[");
    }

    @Test
    void theDiagnosisAmplifierOfIssue13IsDiagnosedInEveryFormatInOutputOfTheReportsOrder() {
        String json = HostileReports.manyPatternsAndDetails(9_990, 3_000);
        byte[] gz = Fixtures.gzip(json.getBytes(StandardCharsets.UTF_8));
        for (String format : List.of("text", "json", "csv")) {
            Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Run.withStdin(gz, "diagnose",
                    "--format", format, "-"), format + ": no answer within the hang guard");

            assertThat(run.exitCode).as(format).isEqualTo(1);
            assertThat(run.err).as(format).isEmpty();
            assertThat(run.out).as(format).contains("mx5.example.net and 9985 more");
            assertThat((long) run.out.length()).as(format).isLessThan(32L * json.length());
        }
    }

    @Test
    void csvRowsQuoteALongOrganizationNameAndReportIdAsExcerpts() {
        // the CSV repeats organization and report-id in each of 2,001 rows: whole, that is 4 GB of output
        String big = "o".repeat(1_000_000);
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            details.add(HostileReports.detail("x-unknown-" + i, "mx.example.net", null));
        }
        String json = HostileReports.stsReport(big, "example.net", List.of("mode: enforce", "mx: mx.example.net"),
                details).replace("\"report-id\":\"r1\"", "\"report-id\":\"" + "r".repeat(1_000_000) + "\"");

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Run.withStdin(json.getBytes(StandardCharsets.UTF_8), "diagnose", "--format", "csv", "-"));

        assertThat(run.exitCode).as(run.err).isEqualTo(1);
        String[] rows = run.out.split("\r\n");
        assertThat(rows).hasSize(1 + 2_000 + 1); // the header, a failure per detail, one for all the deviations
        assertThat(rows[1]).startsWith("(stdin)," + "o".repeat(255) + "…," + "r".repeat(255) + "…,");
        assertThat((long) run.out.length()).isLessThan(4L * json.length());
    }

    @Test
    void noFormatLetsASenderSendTerminalEscapes() {
        byte[] hostile = HostileReports.escapes().getBytes(StandardCharsets.UTF_8);
        for (String format : List.of("text", "csv", "json")) {
            Run run = Run.withStdin(hostile, "diagnose", "--format", format, "-");

            assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
            assertNoTerminalEscape(format, run.out);
            assertThat(run.out).as(format).contains("Org\\u001");
        }
        Run coloured = Run.with(hostile, Map.of(), true, "diagnose", "-");
        assertThat(coloured.out).contains("\u001b[33m[WARNING]\u001b[0m");
        assertNoTerminalEscape("colour", coloured.out.replaceAll("\u001b\\[(?:0|1|1;31|33|36|32|2)m", ""));
    }

    @Test
    void noSuggestedCommandHoldsAShellCommandASenderWroteAsMxHost() {
        String json = HostileReports.stsReport("Org", "example.com", List.of("mode: enforce", "mx: mx.example.com"),
                List.of(HostileReports.detail("starttls-not-supported", "mx.example.com; rm -rf ~", null)));

        Run run = Run.withStdin(json.getBytes(StandardCharsets.UTF_8), "diagnose", "-");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        String out = run.out.replaceAll("\\s+", " ");
        assertThat(out).contains("openssl s_client -starttls smtp -connect <mx-host>:25 -servername <mx-host>")
                .contains("The report names the MX host \"mx.example.com; rm -rf ~\", which is not a valid host name");
        String action = out.substring(out.indexOf("Action: "), out.indexOf("Reference: "));
        assertThat(action).contains("openssl");
        assertThat(action.replaceAll("\"[^\"]*\"", "")).doesNotContain("rm -rf");
    }

    /** No control character but line feeds (and CR in CSV line ends), no bidi control, no line a sender began. */
    static void assertNoTerminalEscape(String what, String out) {
        String text = out.replace("\r\n", "\n");
        int at = SenderTextCases.unsafeAt(text);
        assertThat(at).as("%s: unsafe character U+%04X at %d: %s", what, at < 0 ? 0 : (int) text.charAt(at), at,
                at < 0 ? "" : text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40))).isEqualTo(-1);
        assertThat(text.lines().filter(l -> l.strip().startsWith("INJECTED")).toList()).as(what).isEmpty();
    }

    /** Every string value of a member with this name, in document order. */
    static List<String> values(String json, String member) {
        List<String> found = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(),
                json.getBytes(StandardCharsets.UTF_8))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME && p.currentName().equals(member)
                        && p.nextToken() == JsonToken.VALUE_STRING) {
                    found.add(p.getString());
                }
            }
        }
        return found;
    }
}
