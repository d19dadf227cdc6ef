package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import dev.tlsrpt.hostile.HostileReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryCommandTest {

    @TempDir
    Path tmp;

    /** The reports of {@link Mailbox}, written once for every test; the tests do not change them. */
    @TempDir
    static Path shared;

    private static Path mailbox;

    @BeforeAll
    static void writeMailbox() {
        mailbox = Mailbox.write(shared.resolve("mailbox"));
    }

    /** What the library says about the same reports: the command must say the same. */
    private static AggregateSummary expected(List<Mailbox.Day> days, LocalDate since, LocalDate until) {
        ReportAggregate a = ReportAggregate.create();
        days.forEach(d -> a.add(Mailbox.report(d)));
        return a.summary(since, until);
    }

    private static AggregateSummary expected() {
        return expected(Mailbox.days(), null, null);
    }

    @Test
    void textShowsPerDomainTotalsDaysFindingsWithStatusAndSilentReporters() {
        Path dir = mailbox;

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // an ongoing CRITICAL finding
        assertThat(run.err).isEmpty();
        assertThat(run.out).startsWith("""
                TLS-RPT summary: 2026-11-01 to 2026-11-14, 51 reports from 3 reporters

                example.com: 37 reports, 77,898 sessions, 1,263 failed (1.62%)
                  Sessions      2026-11-01 \u2588\u2588\u2587\u2588\u2588\u2588\u2588\u2588\u2588\u2586\u2588\u2587\u2586\u2587 2026-11-14  (a mark a day: \u2588 6,470 sessions, \u00b7 no report)
                  Failed share  2026-11-01 ___\u2583\u2587\u2588\u2583___\u2581\u2581\u2582\u2581 2026-11-14  (\u2588 7.65%, _ none failed)
                  Failed sessions by result type: certificate-expired 1,108, starttls-not-supported 155
                  Failed sessions by MX host: mx2.example.com 1,108, mx1.example.com 155
                  Findings:
                    CRITICAL ongoing  starttls-not-supported at mx1.example.com: 155 failed sessions in 4 reports, 2026-11-11 to 2026-11-14
                      mx1.example.com does not offer STARTTLS
                      Reported by: Mailer Two
                """)
                .contains("      Note: Only Mailer Two reports this problem while other reporters of the domain do not: the\n"
                        + "        fault may lie with that sender.\n"
                        + "    CRITICAL resolved certificate-expired at mx2.example.com: 1,108 failed sessions in 12 reports,"
                        + " 2026-11-04 to 2026-11-07\n"
                        + "      The certificate of mx2.example.com has expired\n"
                        + "      Reported by: Example Mail, Mailer Two, Northwind ISP\n")
                .contains("""
                          Reporter       reports   successful     failed  failed%  last report
                          Example Mail        14       51,750        780    1.48%  2026-11-14
                          Mailer Two          14       20,160        420    2.04%  2026-11-14
                          Northwind ISP        9        4,725         63    1.32%  2026-11-09  SILENT
                        """)
                .contains("""
                        example.org: 14 reports, 9,033 sessions, 33 failed (0.37%)
                        """)
                .contains("    WARNING  ongoing  certificate-host-mismatch at mx.example.org: 33 failed sessions in 3"
                        + " reports, 2026-11-12 to 2026-11-14\n")
                .endsWith("""
                        Reporters      reports  first report  last report
                        Example Mail        28  2026-11-01    2026-11-14
                        Mailer Two          14  2026-11-01    2026-11-14
                        Northwind ISP        9  2026-11-01    2026-11-09   SILENT: nothing since 2026-11-09
                        """)
                .doesNotContain("\u001b[");
    }

    @Test
    void theCliGuidesExampleIsWhatTheCommandPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "cli.md"), StandardCharsets.UTF_8);
        String command = "$ java -jar tlsrpt.jar summary tlsrpt-core/src/test/resources/corpus/dmarc-report-viewer\n";
        int start = readme.indexOf(command);
        assertThat(start).isNotNegative();
        String example = readme.substring(start + command.length(), readme.indexOf("```", start));

        Run run = Run.tlsrpt("summary", Path.of("..", "tlsrpt-core/src/test/resources/corpus/dmarc-report-viewer").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertShortenedExample(example, run.out);
    }

    @Test
    void theGuidesExamplesAreWhatTheCommandPrintsAndItNamesEveryJsonMember() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "many-reports.md"), StandardCharsets.UTF_8);
        Path dir = mailbox;

        Run text = Run.tlsrpt("summary", dir.toString());
        Run json = Run.tlsrpt("summary", "--format", "json", dir.toString());
        Run csv = Run.tlsrpt("summary", "--format", "csv", dir.toString());

        assertShortenedExample(block(guide, "TLS-RPT summary: 2026-11-01"), text.out);
        assertShortenedExample(block(guide, "{\n  \"reports\" : 51"), json.out);
        assertShortenedExample(block(guide, "date,domain,successful,failed,share"), csv.out);
        java.util.regex.Matcher members = java.util.regex.Pattern.compile("\"([a-z-]+)\" :").matcher(json.out);
        String contract = guide.substring(guide.indexOf("### JSON: the contract"), guide.indexOf("### CSV"));
        int names = 0;
        while (members.find()) {
            assertThat(contract).as("the guide names JSON member %s", members.group(1)).contains("`" + members.group(1) + "`");
            names++;
        }
        assertThat(names).isGreaterThan(40);
    }

    /** The code block of a Markdown text that starts with {@code start}. */
    private static String block(String markdown, String start) {
        int at = markdown.indexOf("```\n" + start);
        assertThat(at).as("a code block starting with %s", start).isNotNegative();
        return markdown.substring(at + 4, markdown.indexOf("```", at + 4));
    }

    /**
     * Each line of an example shortened for the docs is printed, in order: a line of {@code ...} alone stands
     * for lines left out, and a line ending with {@code ...} for a printed line that starts with the rest.
     */
    static void assertShortenedExample(String example, String output) {
        List<String> printed = output.lines().toList();
        int at = 0;
        for (String line : example.lines().toList()) {
            if (line.strip().equals("...")) {
                continue;
            }
            String prefix = line.endsWith("...") ? line.substring(0, line.length() - 3) : null;
            int found = -1;
            for (int i = at; i < printed.size() && found < 0; i++) {
                if (prefix == null ? printed.get(i).equals(line) : printed.get(i).startsWith(prefix)) {
                    found = i;
                }
            }
            assertThat(found).as("example line, in order: %s%n%s", line, output).isNotNegative();
            at = found + 1;
        }
    }

    @Test
    void aLongPeriodIsOneRowOfMarksEachForSeveralDays() throws Exception {
        Path dir = tmp.resolve("sparse");
        LocalDate first = LocalDate.of(2026, 1, 1);
        Fixtures.write(dir.resolve("a.json"), Mailbox.json(new Mailbox.Day("Example Mail", "example.com", first, 900,
                Map.of("certificate-expired mx2.example.com", 100L))));
        Fixtures.write(dir.resolve("b.json"), Mailbox.json(new Mailbox.Day("Example Mail", "example.com",
                first.plusDays(120), 400, Map.of())));
        Fixtures.write(dir.resolve("c.json"), Mailbox.json(new Mailbox.Day("Example Mail", "example.com",
                first.plusDays(121), 100, Map.of())));

        Run run = Run.tlsrpt("summary", dir.toString());

        // 122 days: a mark per 3 days, 41 marks; the last mark sums the last two days (500 sessions)
        assertThat(run.out).contains("\n  Sessions      2026-01-01 \u2588" + "\u00b7".repeat(39) + "\u2584 2026-05-02"
                + "  (a mark per 3 days: \u2588 1,000 sessions, \u00b7 no report)\n"
                + "  Failed share  2026-01-01 \u2588" + "\u00b7".repeat(39) + "_ 2026-05-02  (\u2588 10.00%, _ none failed)\n");
    }

    @Test
    void jsonIsTheLibrarysContractWithTheInputsThatCouldNotBeReadOrWereSkipped() throws Exception {
        Path dir = tmp.resolve("more");
        Fixtures.write(dir.resolve("broken.json"), Fixtures.TRUNCATED.getBytes(StandardCharsets.UTF_8));
        Fixtures.write(dir.resolve("notes.txt"), "not a report".getBytes(StandardCharsets.UTF_8));

        Run run = Run.tlsrpt("summary", "--format", "json", mailbox.toString(), dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        String broken = dir.resolve("broken.json").toString();
        assertThat(run.err).startsWith("tlsrpt: " + broken + ": /policies/0/policy/policy-type: ")
                .endsWith("tlsrpt: skipped 1 file found in directories that hold no TLS report: "
                        + dir.resolve("notes.txt") + "\n");
        String reason = run.err.lines().findFirst().orElseThrow().substring(("tlsrpt: " + broken + ": ").length());
        assertThat(run.out).isEqualTo(expected().toJson(List.of(broken + ": " + reason),
                List.of(dir.resolve("notes.txt").toString())));
        assertThat(run.out).contains("\"reports\" : 51,\n  \"duplicates\" : 0,\n",
                "\"organization-name\" : \"Northwind ISP\",\n    \"reports\" : 9,\n    \"first-report\" : \"2026-11-01\",\n"
                        + "    \"last-report\" : \"2026-11-09\",\n    \"silent\" : true\n");
    }

    @Test
    void csvHasOneRowPerDomainAndDay() {
        Path dir = mailbox;

        Run run = Run.tlsrpt("summary", "--format", "csv", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        List<String> rows = new ArrayList<>();
        rows.add("date,domain,successful,failed,share");
        for (int i = 0; i < Mailbox.DAYS; i++) {
            LocalDate date = Mailbox.FIRST.plusDays(i);
            for (String domain : List.of("example.com", "example.org")) {
                long[] v = Mailbox.perDay(domain).get(date);
                rows.add(date + "," + domain + "," + v[0] + "," + v[1] + "," + Mailbox.share(v[0], v[1]));
            }
        }
        assertThat(run.out).isEqualTo(String.join("\r\n", rows) + "\r\n").isEqualTo(expected().toCsv());
        assertThat(run.out).contains("\r\n2026-11-06,example.com,5370,445,0.076526\r\n");
    }

    @Test
    void htmlIsOnePageWithTheDomainsFindingsAndReporters() {
        Path dir = mailbox;

        Run run = Run.tlsrpt("summary", "--format", "html", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).isEqualTo(SummaryHtml.render(expected(), List.of(), List.of()))
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
                .endsWith("</html>\n")
                .contains("<h2>example.com</h2>", "<h2>example.org</h2>",
                        "<span class=\"status resolved\">resolved</span>", "<span class=\"silent\">silent</span>");
    }

    @Test
    void sinceAndUntilAreInclusiveUtcDays() {
        Path dir = mailbox;
        LocalDate since = LocalDate.of(2026, 11, 3);
        LocalDate until = LocalDate.of(2026, 11, 5);

        Run json = Run.tlsrpt("summary", "--format", "json", "--since", "2026-11-03", "--until", "2026-11-05", dir.toString());
        Run csv = Run.tlsrpt("summary", "--format", "csv", "--since", "2026-11-03", "--until", "2026-11-05", dir.toString());
        Run text = Run.tlsrpt("summary", "--since", "2026-11-03", "--until", "2026-11-05", dir.toString());

        assertThat(json.out).isEqualTo(expected(Mailbox.days(), since, until).toJson());
        assertThat(json.out).contains("\"reports\" : 12,", "\"start\" : \"2026-11-03\",", "\"end\" : \"2026-11-05\",");
        assertThat(csv.out.split("\r\n")).hasSize(1 + 2 * 3)
                .contains("2026-11-03,example.com,4985,0,0", "2026-11-05,example.org,600,0,0")
                .noneMatch(row -> row.startsWith("2026-11-02") || row.startsWith("2026-11-06"));
        assertThat(text.out).startsWith("TLS-RPT summary: 2026-11-03 to 2026-11-05, 12 reports from 3 reporters\n");
        // within the period, the expired certificate is still ongoing: nobody has reported without it yet
        assertThat(text.out).contains("CRITICAL ongoing  certificate-expired at mx2.example.com: 537 failed sessions");
        assertThat(json.exitCode).isEqualTo(1);
    }

    @Test
    void sinceAfterUntilAndMalformedDatesAreUsageErrors() {
        Run reversed = Run.tlsrpt("summary", "--since", "2026-11-05", "--until", "2026-11-03", tmp.toString());
        assertThat(reversed.exitCode).isEqualTo(2);
        assertThat(reversed.err).startsWith("--since 2026-11-05 is after --until 2026-11-03");

        Run malformed = Run.tlsrpt("summary", "--since", "11/03/2026", tmp.toString());
        assertThat(malformed.exitCode).isEqualTo(2);
        assertThat(malformed.err).contains("expected a date YYYY-MM-DD but was '11/03/2026'");
    }

    @Test
    void aReportSavedAsJsonGzipAndInAMessageCountsOnce() throws Exception {
        Mailbox.Day day = Mailbox.days().get(0);
        byte[] json = Mailbox.json(day);
        Path dir = tmp.resolve("copies");
        Fixtures.write(dir.resolve("a.json"), json);
        Fixtures.write(dir.resolve("b.json.gz"), Fixtures.gzip(json));
        Fixtures.write(dir.resolve("c.eml"), eml(Fixtures.gzip(json)));
        Fixtures.write(dir.resolve("other.json"), Mailbox.json(Mailbox.days().get(1)));

        Run run = Run.tlsrpt("summary", "--format", "json", dir.toString());
        Run text = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("\"reports\" : 2,\n  \"duplicates\" : 2,\n");
        assertThat(run.out).contains("\"successful-sessions\" : " + (day.successful() + Mailbox.days().get(1).successful()));
        assertThat(text.out).startsWith("TLS-RPT summary: 2026-11-01 to 2026-11-01, 2 reports from 2 reporters,"
                + " 2 duplicates dropped\n");
    }

    /** A TLS-RPT message (RFC 8460 section 5.3) with the gzip report attached. */
    static byte[] eml(byte[] gzip) {
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(gzip);
        return ("From: tlsrpt@example-mail.example\r\nTo: tlsrpt@example.com\r\nSubject: Report Domain: example.com\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=tlsrpt; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nA TLS report.\r\n"
                + "--b\r\nContent-Type: application/tlsrpt+gzip\r\n"
                + "Content-Disposition: attachment; filename=\"report.json.gz\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void stateResumedThenAddedToEqualsEverythingAtOnce() throws Exception {
        List<Mailbox.Day> days = Mailbox.days();
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        Path all = mailbox;
        try (var files = Files.list(all)) {
            for (Path f : files.sorted().toList()) {
                Path to = (f.getFileName().toString().compareTo("2026-11-08") < 0 ? first : second).resolve(f.getFileName());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path state = tmp.resolve("state/tlsrpt-state.json");
        Files.createDirectories(state.getParent());

        Run day1 = Run.tlsrpt("summary", "--state", state.toString(), "--format", "json", first.toString());
        assertThat(day1.exitCode).as(day1.toString()).isEqualTo(1);
        assertThat(day1.out).contains("\"reports\" : 28,");
        byte[] afterDay1 = Files.readAllBytes(state);

        // the next run names only the new reports, plus one it has seen (a copy is a duplicate, not a new report)
        Files.copy(first.resolve(Files.list(first).sorted().findFirst().orElseThrow().getFileName()),
                second.resolve("0-copy.json"));
        Run day2 = Run.tlsrpt("summary", "--state", state.toString(), "--format", "json", second.toString());
        Run once = Run.tlsrpt("summary", "--format", "json", all.toString());

        assertThat(day2.exitCode).as(day2.toString()).isEqualTo(1);
        assertThat(day2.out).isEqualTo(once.out.replace("\"duplicates\" : 0,", "\"duplicates\" : 1,"))
                .isEqualTo(expected(days, null, null).toJson().replace("\"duplicates\" : 0,", "\"duplicates\" : 1,"));
        ReportAggregate saved = ReportAggregate.load(state);
        assertThat(saved.reports()).isEqualTo(days.size());
        assertThat(saved.duplicates()).isEqualTo(1);
        assertThat(Files.readAllBytes(state)).isNotEqualTo(afterDay1);

        // with no input, the state alone is rendered, and left as it was
        byte[] before = Files.readAllBytes(state);
        Run render = Run.tlsrpt("summary", "--state", state.toString(), "--format", "json");
        assertThat(render.out).isEqualTo(day2.out);
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
    }

    @Test
    void aStateFileThatIsNotASavedAggregateIsNamedAndLeftAlone() throws Exception {
        Path dir = mailbox;
        Path state = tmp.resolve("state.json");
        Files.writeString(state, "{\"format\": \"tlsrpt-aggregate\", \"version\": 7, \"reports\": []}");

        Run run = Run.tlsrpt("summary", "--state", state.toString(), dir.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("tlsrpt: " + state + ": not loaded, nothing read or saved: ").contains("version");
        assertThat(Files.readString(state)).isEqualTo("{\"format\": \"tlsrpt-aggregate\", \"version\": 7, \"reports\": []}");
    }

    @Test
    void aStateThatCannotBeSavedIsExitCodeThree() throws Exception {
        Path dir = mailbox;
        Path state = tmp.resolve("no-such-directory/state.json");

        Run run = Run.tlsrpt("summary", "--state", state.toString(), "--format", "csv", dir.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).startsWith("tlsrpt: " + state + ": the state could not be saved: ");
        assertThat(run.out).startsWith("date,domain,successful,failed,share\r\n"); // the summary is still written
    }

    @ParameterizedTest
    @CsvSource({
        // the whole period: an ongoing CRITICAL (starttls) and an ongoing WARNING (host mismatch)
        "2026-11-14, warning, 1",
        "2026-11-14, critical, 1",
        "2026-11-14, info, 1",
        "2026-11-14, never, 0",
        "2026-11-14, WARNING, 1",
        // until 11-10: the expired certificate is resolved, nothing else failed
        "2026-11-10, warning, 0",
        "2026-11-10, info, 0",
        // until 11-06: the expired certificate is ongoing and CRITICAL
        "2026-11-06, critical, 1",
        "2026-11-06, never, 0",
    })
    void failOnDecidesWhichOngoingFindingsMakeTheExitCodeOne(String until, String failOn, int exitCode) {
        Path dir = mailbox;
        Run run = Run.tlsrpt("summary", "--until", until, "--fail-on", failOn, "--format", "csv", dir.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    }

    @Test
    void failOnCriticalIgnoresAnOngoingWarning() {
        // example.org alone: its only problem is an ongoing WARNING
        List<Mailbox.Day> org = Mailbox.days().stream().filter(d -> d.domain().equals("example.org")).toList();
        Path dir = tmp.resolve("org");
        for (Mailbox.Day d : org) {
            try {
                Fixtures.write(dir.resolve(d.date() + ".json"), Mailbox.json(d));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(Run.tlsrpt("summary", "--fail-on", "critical", dir.toString()).exitCode).isZero();
        assertThat(Run.tlsrpt("summary", dir.toString()).exitCode).isEqualTo(1);
        assertThat(Run.tlsrpt("summary", "--fail-on", "sometimes", dir.toString()).err)
                .contains("expected one of critical, warning, info, never but was 'sometimes'");
    }

    @Test
    void helpListsTheFormatsOptionsAndExitCodes() {
        Run run = Run.tlsrpt("summary", "--help");
        assertThat(run.out.replaceAll("\\s+", " ")).contains("text, json, csv, html", "--since=DATE", "--until=DATE", "--state=FILE",
                "--fail-on=LEVEL", "critical, warning, info, never (default: warning)");
        assertThat(run.out).containsPattern("\n  0 +every input read, no ongoing finding at or above --fail-on")
                .containsPattern("\n  1 +an ongoing finding at or above --fail-on \\(default: warning\\)")
                .containsPattern("\n  3 +an input could not be read");
    }

    @Test
    void noInputIsStandardInputOrOnATerminalAUsageErrorUnlessStateIsGiven() throws Exception {
        Run terminal = Run.withStdinOnTerminal("summary");
        assertThat(terminal.exitCode).isEqualTo(2);
        assertThat(terminal.err).startsWith(InputOptions.NO_INPUT);

        Run piped = Run.withStdin(Mailbox.json(Mailbox.days().get(0)), "summary", "--format", "csv");
        assertThat(piped.out).isEqualTo("date,domain,successful,failed,share\r\n2026-11-01,example.com,4050,0,0\r\n");

        Path state = tmp.resolve("state.json");
        Run.tlsrpt("summary", "--state", state.toString(), mailbox.toString());
        Run alone = Run.withStdinOnTerminal("summary", "--state", state.toString(), "--format", "csv");
        assertThat(alone.exitCode).as(alone.toString()).isEqualTo(1);
        assertThat(alone.out).isEqualTo(expected().toCsv());
    }

    @Test
    void filesInADirectoryThatHoldNoReportAreSkippedNotUnreadable() throws Exception {
        Path dir = Fixtures.directoryWithOtherFiles(tmp);

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // the sample's expired certificate
        assertThat(run.out).startsWith("TLS-RPT summary: 2022-09-15 to 2026-11-26, 2 reports from 2 reporters\n");
        assertThat(run.err).isEqualTo("tlsrpt: skipped 4 files found in directories that hold no TLS report: "
                + dir.resolve("README.txt") + ", " + dir.resolve("dovecot-uidlist") + ", " + dir.resolve("empty") + ", "
                + dir.resolve("newsletter.eml") + "\n");
    }

    @Test
    void aBrokenReportIsNamedAndLeftOutWhileTheOthersAreCounted() throws Exception {
        Path dir = Fixtures.mixedDirectory(tmp);

        Run run = Run.tlsrpt("summary", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        // the sample twice (plain and gzip) is one report and a duplicate
        assertThat(run.out).startsWith("TLS-RPT summary: 2023-01-10 to 2026-11-26, 2 reports from 2 reporters,"
                + " 1 duplicate dropped, 1 unreadable\n");
        assertThat(run.err).startsWith("tlsrpt: " + dir.resolve("d-broken.json") + ": ")
                .contains("/policies/0/policy/policy-type: ", "(line 6, column 50)")
                .doesNotContain(".hidden");
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void standardInputIsReadForDash() {
        Run run = Run.withStdin(Fixtures.gzip(Fixtures.sample()), "summary", "--fail-on", "never", "-");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("TLS-RPT summary: 2026-11-26 to 2026-11-26, 1 report from 1 reporter\n");
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
        assertThat(terminal.exitCode).isEqualTo(1);
        assertThat(terminal.err).contains("] 5/5 reports").endsWith("\r");
        assertThat(terminal.out).doesNotContain("\r", "#").contains("4 duplicates dropped");

        Run pipe = Run.with(new java.io.ByteArrayInputStream(new byte[0]), Map.of(), false, slowClock,
                "summary", dir.toString());
        assertThat(pipe.err).isEmpty();
    }

    @Test
    void colourOnATerminal() throws Exception {
        Path dir = tmp.resolve("one");
        Fixtures.write(dir.resolve("one.json"), Fixtures.sample());
        assertThat(Run.onTerminal(Map.of(), "summary", dir.toString()).out).contains("\u001b[1m", "\u001b[33mWARNING");
        assertThat(Run.onTerminal(Map.of(), "summary", "--no-color", dir.toString()).out).doesNotContain("\u001b[");
        assertThat(Run.onTerminal(Map.of("NO_COLOR", "yes"), "summary", dir.toString()).out).doesNotContain("\u001b[");
    }

    @Test
    void aSenderCannotSendTerminalEscapesThroughAnyFormat() {
        byte[] report = HostileReports.escapes().getBytes(StandardCharsets.UTF_8);
        for (String format : List.of("text", "json", "csv", "html")) {
            Run run = Run.withStdin(report, "summary", "--format", format, "-");
            assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // an expired certificate under enforce
            DiagnoseCommandTest.assertNoTerminalEscape("summary --format " + format, run.out);
        }
        // host and domain names are compared, and shown, in lower case
        assertThat(Run.withStdin(report, "summary", "-").out).contains("example.com\\u001b[2j", "x-result\\u001b[2J",
                "Org\\u001b[2J");
        assertThat(Run.withStdin(report, "summary", "--format", "csv", "-").out)
                .contains("\r\n2026-11-26,example.com\\u001b[2j");
        Run coloured = Run.with(report, Map.of(), true, "summary", "-");
        DiagnoseCommandTest.assertNoTerminalEscape("summary in colour",
                coloured.out.replaceAll("\u001b\\[(?:0|1|1;31|33|36|32|2)m", ""));
    }

    @Test
    void countsThatAddPast2To63Saturate() throws Exception {
        // two reports (two report-ids) whose counts are 2^63-1: sums and shares must not wrap to negative numbers
        String max = "9223372036854775807";
        String report = HostileReports.stsReport("Org", "example.com", List.of("mode: enforce", "mx: mx.example.com"),
                List.of(HostileReports.detail("certificate-expired", "mx.example.com", null)))
                .replace("\"total-successful-session-count\":1000", "\"total-successful-session-count\":" + max)
                .replace("\"total-failure-session-count\":1", "\"total-failure-session-count\":" + max)
                .replace("\"failed-session-count\":1", "\"failed-session-count\":" + max);
        Path dir = tmp.resolve("max");
        Fixtures.write(dir.resolve("a.json"), report.getBytes(StandardCharsets.UTF_8));
        Fixtures.write(dir.resolve("b.json"), report.replace("\"report-id\":\"r1\"", "\"report-id\":\"r2\"")
                .getBytes(StandardCharsets.UTF_8));

        Run text = Run.tlsrpt("summary", dir.toString());
        Run html = Run.tlsrpt("summary", "--format", "html", dir.toString());

        assertThat(text.exitCode).as(text.toString()).isEqualTo(1);
        String most = "9,223,372,036,854,775,807";
        assertThat(text.out).contains("example.com: 2 reports, " + most + " sessions, " + most + " failed (50.00%)",
                "certificate-expired at mx.example.com: " + most + " failed sessions in 2 reports")
                .containsPattern("Org +2 +" + most + " +" + most + " +50.00%")
                .doesNotContain("-9,");
        assertThat(html.out).contains(most + " failed (50.00%)").doesNotContain("-9,", "NaN", "Infinity");
    }
}
