package dev.tlsrpt.mail;

import static dev.tlsrpt.mail.MailChecksTest.envelope;
import static dev.tlsrpt.mail.MailChecksTest.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.hostile.Growth;
import dev.tlsrpt.model.TlsReport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every regular expression of the mail layer that sees sender text, on about a megabyte of the input that
 * makes a backtracking engine work hardest: each gives the right answer, and its cost grows linearly
 * (time at 1 MB against time at 512 KB, best of several runs). The timeout is a hang guard only: before the
 * fixes the loose Subject pattern and the contact-info strip took hours on these inputs.
 */
class RegexGrowthTest {
    private static final int N = 512 * 1024;
    private static final int MB = 1024 * 1024;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static void guarded(Executable test) {
        assertTimeoutPreemptively(HANG_GUARD, test, "no answer within the hang guard: super-linear backtracking");
    }

    private static List<MailCheck> subjectChecks(String subject) {
        List<MailCheck> out = new ArrayList<>();
        MailChecks.subject(envelope("example.com", "sender.example", subject), out);
        return out;
    }

    @Test
    void aLooseSubjectWithAMegabyteOfSpacesInItsReportIdIsReadInLinearTime() {
        guarded(() -> {
            String subject = "Report Domain: example.com Submitter: x Report-ID: x" + " ".repeat(MB) + "y";
            List<MailCheck> checks = subjectChecks(subject);
            assertThat(checks).extracting(MailCheck::kind)
                    .containsExactly(MailCheckKind.SUBJECT_NOT_RFC, MailCheckKind.SUBJECT_MISMATCH);
            assertThat(checks.get(0).message()).startsWith("the Subject has Report-ID \"x   ")
                    .contains("…\" without angle brackets");
            assertThat(checks.get(1).message())
                    .isEqualTo("the Subject's submitter \"x\" is not TLS-Report-Submitter \"sender.example\"");
            Growth.assertLinear("loose Subject, spaces inside the Report-ID",
                    n -> "Report Domain: example.com Submitter: x Report-ID: x" + " ".repeat(n) + "y",
                    RegexGrowthTest::subjectChecks, N);
        });
    }

    @Test
    void aLooseSubjectEndingInAMegabyteOfSpacesIsReadInLinearTime() {
        guarded(() -> {
            // no Report-ID: the submitter is the last word, the spaces trail
            String subject = "report domain:example.com submitter:sender.example" + " ".repeat(MB);
            List<MailCheck> checks = subjectChecks(subject);
            assertThat(checks).extracting(MailCheck::message)
                    .containsExactly("the Subject has no Report-ID (RFC 8460 section 5.3)");
            Growth.assertLinear("loose Subject, trailing spaces",
                    n -> "report domain:example.com submitter:sender.example" + " ".repeat(n),
                    RegexGrowthTest::subjectChecks, N);
        });
    }

    @Test
    void aSubjectAfterAHundredKilobytesOfSpacesStillYieldsItsFields() {
        guarded(() -> {
            String tail = "Report Domain: example.com Submitter: other.example Report-ID: <r-1@sender.example>";
            // leading spaces: not the strict form, read loosely; the fields are still found and compared
            List<MailCheck> checks = subjectChecks(" ".repeat(100 * 1024) + tail);
            assertThat(checks).extracting(MailCheck::message).containsExactly(
                    "the Subject does not follow 'Report Domain: <domain> Submitter: <domain> Report-ID:"
                            + " <id-left@id-right>' (RFC 8460 section 5.3)",
                    "the Subject's submitter \"other.example\" is not TLS-Report-Submitter \"sender.example\"");
            // junk of a megabyte before the fields, full of near misses
            String junk = "Report Domain: Report Domain:x Submitter: ".repeat(MB / 42);
            assertThat(subjectChecks(junk + tail)).extracting(MailCheck::kind)
                    .containsExactly(MailCheckKind.SUBJECT_NOT_RFC, MailCheckKind.SUBJECT_MISMATCH);
            Growth.assertLinear("loose Subject, near misses before the fields",
                    n -> "Report Domain: Report Domain:x Submitter: ".repeat(n / 42) + tail,
                    RegexGrowthTest::subjectChecks, N);
        });
    }

    @Test
    void aStrictSubjectWithAMegabyteOfSpacesBetweenItsFieldsMatches() {
        guarded(() -> {
            String spaces = " ".repeat(MB / 4);
            String subject = "Report" + spaces + "Domain:" + spaces + "example.com Submitter: sender.example"
                    + spaces + "Report-ID: <r-1@sender.example>" + spaces + "(comment)" + spaces;
            assertThat(subjectChecks(subject)).isEmpty();
            Growth.assertLinear("strict Subject, spaces then a stray character",
                    n -> "Report Domain: a Submitter: b Report-ID: <a@b>" + " ".repeat(n) + "x",
                    RegexGrowthTest::subjectChecks, N);
            Growth.assertLinear("strict Subject, an unclosed comment",
                    n -> "Report Domain: a Submitter: b Report-ID: <a@b> (" + " ".repeat(n),
                    RegexGrowthTest::subjectChecks, N);
        });
    }

    private static List<MailCheck> submitterChecks(String contactInfo) {
        List<MailCheck> out = new ArrayList<>();
        TlsReport r = report(contactInfo, "example.com");
        for (MailCheck c : MailChecksTest.check(envelope("example.com", "sender.example",
                MailChecksTest.SUBJECT), r)) {
            out.add(c);
        }
        return out;
    }

    @Test
    void aContactInfoWithAMegabyteOfSpacesIsComparedInLinearTime() {
        guarded(() -> {
            // trailing '>' and white space are not part of the domain
            assertThat(submitterChecks("<tlsrpt@sender.example>" + " ".repeat(MB))).isEmpty();
            assertThat(submitterChecks("tlsrpt@sender.example" + "> \t".repeat(MB / 3))).isEmpty();
            // inner spaces are: a mismatch
            assertThat(submitterChecks("tlsrpt@sender.example" + " ".repeat(MB) + "x")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.kind()).isEqualTo(MailCheckKind.SUBMITTER_MISMATCH);
                        assertThat(c.message()).contains("the contact-info domain \"sender.example   ");
                    });
            Growth.assertLinear("contact-info domain, spaces then a character",
                    n -> "tlsrpt@sender.example" + " ".repeat(n) + "x", RegexGrowthTest::submitterChecks, N);
        });
    }

    private static List<MailCheck> fileNameChecks(String name) {
        List<MailCheck> out = new ArrayList<>();
        MailChecks.fileName(name, report("tlsrpt@sender.example", "example.com"),
                envelope("example.com", "sender.example", MailChecksTest.SUBJECT), ContentKind.GZIP, out);
        return out;
    }

    @Test
    void aFileNameOfAMegabyteIsReadInLinearTime() {
        guarded(() -> {
            String head = "sender.example!example.com!1795737600!1795823999!";
            assertThat(fileNameChecks(head + "a".repeat(MB) + ".json.gz")).isEmpty();
            assertThat(fileNameChecks(head + "a".repeat(MB) + ".jsox")).extracting(MailCheck::kind)
                    .containsExactly(MailCheckKind.FILE_NAME_NOT_RFC);
            // a sender of a megabyte is no domain name (at most 253 characters)
            assertThat(fileNameChecks("a.".repeat(MB / 2) + "a!example.com!1795737600!1795823999.json.gz"))
                    .extracting(MailCheck::kind).containsExactly(MailCheckKind.FILE_NAME_NOT_RFC);
            Growth.assertLinear("file name, a long unique-id with a wrong extension",
                    n -> head + "a".repeat(n) + ".jsox", RegexGrowthTest::fileNameChecks, N);
            Growth.assertLinear("file name, a long sender without a '!'",
                    n -> "a-".repeat(n / 2) + "a", RegexGrowthTest::fileNameChecks, N);
        });
    }

    @Test
    void aDateWithAMegabyteOfCommentsAndSpacesIsReadInLinearTime() {
        guarded(() -> {
            OffsetDateTime expected = OffsetDateTime.parse("2026-11-28T03:00:00Z");
            assertThat(Headers.date("Sat, 28 Nov 2026 03:00:00 +0000 (" + "c".repeat(MB) + ")")).isEqualTo(expected);
            assertThat(Headers.date("Sat, 28 Nov 2026" + " ".repeat(MB) + "03:00:00 +0000")).isEqualTo(expected);
            assertThat(Headers.date("(".repeat(MB) + "Sat, 28 Nov 2026 03:00:00 +0000")).isNull();
            assertThat(Headers.date("Sat, 28 Nov 2026 03:00:00 +0000 (" + "c".repeat(MB))).isNull();
            Growth.assertLinear("date, unclosed comments", n -> "(".repeat(n) + "Sat, 28 Nov 2026 03:00:00 +0000",
                    Headers::date, N);
            Growth.assertLinear("date, a long unclosed comment", n -> "Sat, 28 Nov 2026 (" + "c ".repeat(n / 2),
                    Headers::date, N);
        });
    }

    @Test
    void aParameterNameOfAMegabyteIsReadInLinearTime() {
        guarded(() -> {
            String name = "n".repeat(MB);
            assertThat(Headers.structured("attachment; " + name + "*0*=UTF-8''a%41; " + name + "*1=b")
                    .param(name)).isEqualTo("aAb");
            Growth.assertLinear("RFC 2231 parameter name without a star",
                    n -> "attachment; " + "n".repeat(n) + "=x", Headers::structured, N);
        });
    }

    @Test
    void aMessageOfManyReportPartsWithAHostileSubjectIsReadInLinearTime() {
        guarded(() -> {
            List<MailReport> reports = TlsRptMail.parse(TestMessages.stream(manyParts(200, 200 * 1024)));
            assertThat(reports).hasSize(200).allSatisfy(r -> assertThat(r.checks()).extracting(MailCheck::kind)
                    .containsExactly(MailCheckKind.SUBJECT_NOT_RFC, MailCheckKind.SUBJECT_MISMATCH));
            Growth.assertLinear("a message of report parts with a hostile Subject",
                    n -> manyParts(50, n), m -> TlsRptMail.parse(TestMessages.stream(m)), 100 * 1024);
        });
    }

    /** A message of {@code parts} report parts whose Subject holds {@code spaces} spaces, folded. */
    private static String manyParts(int parts, int spaces) {
        StringBuilder subject = new StringBuilder("Report Domain: example.com Submitter: x Report-ID: x");
        for (int i = 0; i < spaces; i += 30_000) {
            subject.append(" ".repeat(Math.min(30_000, spaces - i))).append("\n");
        }
        subject.append(" y");
        StringBuilder b = new StringBuilder(TestMessages.HEADERS.replaceFirst("Subject: [^\n]*\n",
                "Subject: " + subject.toString().replace("$", "\\$") + "\n"));
        b.append("Content-Type: multipart/report; report-type=tlsrpt; boundary=\"b1\"\n\n");
        for (int i = 0; i < parts; i++) {
            b.append("--b1\nContent-Type: application/tlsrpt+json\n\n").append(TestMessages.REPORT).append('\n');
        }
        b.append("--b1--\n");
        return b.toString();
    }
}
