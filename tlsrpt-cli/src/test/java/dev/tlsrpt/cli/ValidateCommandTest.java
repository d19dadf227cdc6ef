package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aValidReportPrintsNothingAndExitsZero() throws Exception {
        Path sample = Fixtures.write(tmp.resolve("sample.json.gz"), Fixtures.gzip(Fixtures.sample()));

        Run run = Run.tlsrpt("validate", "--strict", sample.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("1 of 1 report valid\n");
    }

    @Test
    void eachViolationIsOneLineWithFilePointerLineAndColumn() throws Exception {
        String bad = Fixtures.sampleText().replace("\"total-failure-session-count\": 3", "\"total-failure-session-count\": -3");
        Path file = Fixtures.write(tmp.resolve("bad.json"), bad.getBytes(StandardCharsets.UTF_8));

        Run run = Run.tlsrpt("validate", file.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith(file + ": /policies/0/summary/total-failure-session-count (28:40): minimum: ");
        assertThat(run.out.lines()).allMatch(l -> l.matches("\\Q" + file + "\\E: \\S+ \\((\\d+|\\?):(\\d+|\\?)\\): .+"));
        assertThat(run.err).isEqualTo("0 of 1 report valid, 1 invalid\n");
    }

    @Test
    void deviationsAreListedWithoutStrictAndAreViolationsWithIt() throws Exception {
        Path ms = Fixtures.write(tmp.resolve("ms.json"), Fixtures.resource("corpus/mox/microsoft.attachment.json"));

        Run lenient = Run.tlsrpt("validate", ms.toString());
        assertThat(lenient.exitCode).as(lenient.toString()).isZero();
        assertThat(lenient.out).contains(ms + ": /date-range/start-datetime (1:", "deviation DATE_TIME_WITHOUT_ZONE");

        Run strict = Run.tlsrpt("validate", "--strict", ms.toString());
        assertThat(strict.exitCode).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out).contains(ms + ": /date-range/start-datetime (1:").doesNotContain("deviation");
    }

    @Test
    void garbageIsAViolationAndAMissingFileIsUnreadable() throws Exception {
        Path junk = Fixtures.write(tmp.resolve("junk.json"), Run.utf8("not json"));
        Path missing = tmp.resolve("missing.json");

        Run run = Run.tlsrpt("validate", junk.toString(), missing.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).startsWith(junk + ": (document) (1:");
        assertThat(run.err).startsWith("tlsrpt: " + missing + ": no such file\n");
    }

    @Test
    void aDirectoryIsWalkedAndFilesThatAreNeitherGzipNorJsonAreSkipped() throws Exception {
        Path dir = tmp.resolve("reports");
        Fixtures.write(dir.resolve("a.json"), Fixtures.sample());
        Fixtures.write(dir.resolve("b.json.gz"), Fixtures.gzip(Fixtures.sample()));
        Fixtures.write(dir.resolve("c-broken.json"), Run.utf8("{\"organization-name\": 7}"));
        Fixtures.write(dir.resolve("notes.txt"), Run.utf8("kept for a year"));

        Run run = Run.tlsrpt("validate", "--strict", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith(dir.resolve("c-broken.json") + ": ").doesNotContain("a.json", "b.json.gz", "notes.txt");
        assertThat(run.err).isEqualTo("tlsrpt: skipped 1 file found in directories that hold no TLS report: "
                + dir.resolve("notes.txt") + "\n2 of 3 reports valid, 1 invalid\n");
    }

    @Test
    void noFileOnATerminalIsAUsageError() {
        Run run = Run.withStdinOnTerminal("validate");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith(InputOptions.NO_INPUT + "\n").contains("Usage: tlsrpt validate");
        assertThat(run.out).isEmpty();
    }

    @Test
    void theReportsInAMessageAndAnMboxAreValidatedUnderTheirAttachmentsNames() throws Exception {
        byte[] eml = Fixtures.resource("corpus/mox/google-example.eml");
        Path message = Fixtures.write(tmp.resolve("report.eml"), eml);
        Path mbox = Fixtures.write(tmp.resolve("reports.mbox"), mbox(eml, eml));

        Run run = Run.tlsrpt("validate", "--strict", message.toString(), mbox.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("3 of 3 reports valid\n");
    }

    @Test
    void aMessageWithADeviatingReportListsItsDeviationsAndStrictMakesThemViolations() throws Exception {
        Path eml = Fixtures.write(tmp.resolve("ms.eml"), message("ms.json",
                Fixtures.resource("corpus/mox/microsoft.attachment.json")));

        Run lenient = Run.tlsrpt("validate", eml.toString());
        assertThat(lenient.exitCode).as(lenient.toString()).isZero();
        assertThat(lenient.out.lines()).containsExactly(
                eml + " [ms.json]: /date-range/start-datetime (1:77): deviation DATE_TIME_WITHOUT_ZONE: date-time"
                        + " \"2023-01-10T00:00:00\" has no time zone offset; read as UTC",
                eml + " [ms.json]: /date-range/end-datetime (1:114): deviation DATE_TIME_WITHOUT_ZONE: date-time"
                        + " \"2023-01-10T23:59:59\" has no time zone offset; read as UTC");
        assertThat(lenient.err).isEqualTo("1 of 1 report valid\n");

        Run strict = Run.tlsrpt("validate", "--strict", eml.toString());
        assertThat(strict.exitCode).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out).startsWith(eml + " [ms.json]: /date-range/start-datetime (1:77): DATE_TIME_WITHOUT_ZONE: ")
                .doesNotContain("deviation");
        assertThat(strict.err).isEqualTo("0 of 1 report valid, 1 invalid\n");
    }

    @Test
    void aMessageWithABrokenReportIsOneViolationWithItsLocation() throws Exception {
        Path eml = Fixtures.write(tmp.resolve("broken.eml"), message("broken.json", Run.utf8(Fixtures.TRUNCATED)));

        Run run = Run.tlsrpt("validate", eml.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith(eml + ": /policies/0/policy/policy-type (6:50): invalid: truncated JSON");
        assertThat(run.err).isEqualTo("0 of 1 report valid, 1 invalid\n");
    }

    @Test
    void aMessageWithoutAReportFoundInADirectoryIsSkippedAndNamedOnTheCommandLineIsUnreadable() throws Exception {
        Path dir = Fixtures.directoryWithOtherFiles(tmp);

        Run walked = Run.tlsrpt("validate", dir.toString());
        assertThat(walked.exitCode).as(walked.toString()).isZero();
        assertThat(walked.err).contains("tlsrpt: skipped 4 files", dir.resolve("newsletter.eml").toString())
                .endsWith("2 of 2 reports valid\n");

        Run named = Run.tlsrpt("validate", dir.resolve("newsletter.eml").toString());
        assertThat(named.exitCode).isEqualTo(3);
        assertThat(named.err).isEqualTo("tlsrpt: " + dir.resolve("newsletter.eml")
                + ": no TLS report found; the parts are: text/plain\n0 of 1 report valid, 1 unreadable\n");
    }

    /** A message with one attachment, {@code application/tlsrpt+json}, base64. */
    static byte[] message(String fileName, byte[] report) {
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(report);
        return Run.utf8("From: reports@sender.example\r\nTo: tlsrpt@example.com\r\nSubject: Report\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=tlsrpt; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nA report.\r\n"
                + "--b\r\nContent-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n\r\n" + b64 + "\r\n--b--\r\n");
    }

    /** An mbox file of the messages. */
    static byte[] mbox(byte[]... messages) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(Run.utf8("From reports@sender.example Thu Sep 15 00:00:00 2022\n"));
            out.writeBytes(new String(m, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replaceAll("(?m)^From ", ">From ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(Run.utf8("\n"));
        }
        return out.toByteArray();
    }
}
