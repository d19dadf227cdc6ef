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
    void noFileIsAUsageError() {
        assertThat(Run.tlsrpt("validate").exitCode).isEqualTo(2);
    }
}
