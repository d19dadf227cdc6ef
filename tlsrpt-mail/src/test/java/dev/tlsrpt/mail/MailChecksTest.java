package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consistency checks on constructed reports and envelopes. */
class MailChecksTest {

    static TlsReport report(@Nullable String contactInfo, String... policyDomains) {
        return new TlsReport("Example Sender", new DateRange(Instant.parse("2026-11-27T00:00:00Z"),
                Instant.parse("2026-11-27T23:59:59Z")), contactInfo, "r-1",
                Arrays.stream(policyDomains).map(d -> new PolicyResult(Policy.of(PolicyType.STS, List.of(), d,
                        List.of()), new Summary(1, 0), List.of())).toList());
    }

    static Envelope envelope(@Nullable String domain, @Nullable String submitter, @Nullable String subject) {
        return new Envelope(domain, submitter, subject, "a@sender.example", null, null, null);
    }

    static MessageWalker.Part part(Envelope envelope, String mediaType, @Nullable String fileName, ContentKind kind) {
        return new MessageWalker.Part(envelope, Headers.structured("multipart/report; report-type=tlsrpt"), mediaType,
                fileName, kind, false);
    }

    static final String SUBJECT = "Report Domain: example.com Submitter: sender.example Report-ID: <r-1@sender.example>";

    static List<MailCheck> check(Envelope e, TlsReport r) {
        return MailChecks.forMessage(part(e, "application/tlsrpt+gzip", TestMessages.FILE_NAME, ContentKind.GZIP), r);
    }

    @Test
    void aConsistentMessageHasNoChecks() {
        assertThat(check(envelope("example.com", "sender.example", SUBJECT), report("tlsrpt@sender.example",
                "example.com"))).isEmpty();
    }

    @Test
    void tellsASubmitterSubdomainFromAMismatch() {
        List<MailCheck> mailRu = check(envelope("example.com", "mail.ru", SUBJECT.replace("sender.example Report",
                "mail.ru Report")), report("tls_support@corp.mail.ru", "example.com"));
        assertThat(mailRu).extracting(MailCheck::kind).contains(MailCheckKind.SUBMITTER_SUBDOMAIN)
                .doesNotContain(MailCheckKind.SUBMITTER_MISMATCH);
        assertThat(mailRu).filteredOn(c -> c.kind() == MailCheckKind.SUBMITTER_SUBDOMAIN).singleElement()
                .extracting(MailCheck::message).asString()
                .contains("\"mail.ru\"", "\"corp.mail.ru\"", "subdomain", "MUST match");
        List<MailCheck> other = check(envelope("example.com", "sender.example", SUBJECT),
                report("tlsrpt@elsewhere.example", "example.com"));
        assertThat(other).extracting(MailCheck::kind).containsExactly(MailCheckKind.SUBMITTER_MISMATCH);
    }

    @Test
    void skipsTheSubmitterCheckWithoutContactInfo() {
        assertThat(check(envelope("example.com", "sender.example", SUBJECT), report(null, "example.com"))).isEmpty();
    }

    @Test
    void comparesEveryPolicyDomainWithTlsReportDomain() {
        List<MailCheck> checks = check(envelope("example.com", "sender.example", SUBJECT),
                report("tlsrpt@sender.example", "example.com", "mx.example.com", "other.example", "EXAMPLE.com."));
        assertThat(checks).extracting(MailCheck::kind).containsExactly(MailCheckKind.POLICY_DOMAIN_SUBDOMAIN,
                MailCheckKind.POLICY_DOMAIN_MISMATCH);
        assertThat(checks.get(1).message()).isEqualTo(
                "policy-domain \"other.example\" is not TLS-Report-Domain \"example.com\"");
    }

    @Test
    void namesMissingReportHeaders() {
        List<MailCheck> checks = check(envelope(null, null, SUBJECT), report("tlsrpt@sender.example", "example.com"));
        assertThat(checks).extracting(MailCheck::kind).containsExactly(MailCheckKind.MISSING_REPORT_HEADER,
                MailCheckKind.MISSING_REPORT_HEADER);
        assertThat(checks).extracting(MailCheck::message).anySatisfy(m -> assertThat(m).contains("TLS-Report-Domain"))
                .anySatisfy(m -> assertThat(m).contains("TLS-Report-Submitter"));
    }

    @Test
    void recognisesMicrosoftsAndStalwartsSubjects() {
        Envelope microsoft = envelope("test.xmox.nl", "microsoft.com",
                "Report Domain: test.xmox.nl Submitter: microsoft.com Report-ID: 133198585438131172+test.xmox.nl");
        List<MailCheck> checks = new java.util.ArrayList<>();
        MailChecks.subject(microsoft, checks);
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(MailCheckKind.SUBJECT_NOT_RFC);
            assertThat(c.message()).contains("without angle brackets and '@'");
        });
        Envelope stalwart = envelope("redacted.example.com", "mx.egressif.io", "Report Domain: redacted.example.com "
                + "Submitter: mx.egressif.io Report-ID: <1730332800_11732957880687192466>");
        checks.clear();
        MailChecks.subject(stalwart, checks);
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(MailCheckKind.SUBJECT_NOT_RFC);
            assertThat(c.message()).contains("without '@'");
        });
    }

    @Test
    void acceptsTheRfcSubjectFoldedOverLines() {
        List<MailCheck> checks = new java.util.ArrayList<>();
        MailChecks.subject(envelope("example.net", "mail.sender.example.com", Corpus.RFC_EXAMPLE_SUBJECT), checks);
        assertThat(checks).isEmpty();
    }

    @Test
    void comparesTheSubjectWithTheHeaders() {
        List<MailCheck> checks = new java.util.ArrayList<>();
        MailChecks.subject(envelope("example.org", "sender.example", SUBJECT), checks);
        assertThat(checks).extracting(MailCheck::kind).containsExactly(MailCheckKind.SUBJECT_MISMATCH);
        checks.clear();
        MailChecks.subject(envelope("example.com", "sender.example", "Fwd: your TLS report"), checks);
        assertThat(checks).extracting(MailCheck::kind).containsExactly(MailCheckKind.SUBJECT_NOT_RFC);
    }

    @Test
    void checksTheFileNameAgainstSection51AndTheDateRange() {
        TlsReport r = report("tlsrpt@sender.example", "example.com");
        Envelope e = envelope("example.com", "sender.example", SUBJECT);
        List<MailCheck> checks = new java.util.ArrayList<>();
        MailChecks.fileName("sender.example!example.com!1795737600!1795823999.json.gz", r, e, ContentKind.GZIP, checks);
        assertThat(checks).isEmpty();
        MailChecks.fileName("report.json.gz", r, e, ContentKind.GZIP, checks);
        assertThat(checks).extracting(MailCheck::kind).containsExactly(MailCheckKind.FILE_NAME_NOT_RFC);
        checks.clear();
        MailChecks.fileName("mail.sender.example!example.com!1013662812!1795823999!x1.json", r,
                envelope("example.net", "mail.sender.example.com", SUBJECT), ContentKind.GZIP, checks);
        assertThat(checks).extracting(MailCheck::message).containsExactly(
                "the file name's sender \"mail.sender.example\" is not TLS-Report-Submitter \"mail.sender.example.com\"",
                "the file name's policy domain \"example.com\" is not TLS-Report-Domain \"example.net\"",
                "the file name's begin timestamp 1013662812 (2002-02-14T05:00:12Z) is not the report's start-datetime "
                        + "2026-11-27T00:00:00Z (1795737600)",
                "the file name ends .json but the content is gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b!example.com!1795737600!1795823999.json.gz",
        "sender.example!example..com!1795737600!1795823999.json.gz",
        "sender-.example!example.com!1795737600!1795823999.json.gz",
        "sender.example!-example.com!1795737600!1795823999.json.gz"})
    void aFileNameWhoseDomainBreaksTheGrammarIsNotRfc(String name) {
        // the core's ReportFileName grammar: labels of letters, digits and inner hyphens, no empty label
        List<MailCheck> checks = new java.util.ArrayList<>();
        MailChecks.fileName(name, report("tlsrpt@sender.example", "example.com"),
                envelope("example.com", "sender.example", SUBJECT), ContentKind.GZIP, checks);
        assertThat(checks).extracting(MailCheck::kind).containsExactly(MailCheckKind.FILE_NAME_NOT_RFC);
    }

    @Test
    void comparesTheMediaTypeWithTheContent() {
        List<MailCheck> checks = new java.util.ArrayList<>();
        MailChecks.mediaType("application/tlsrpt+json", ContentKind.JSON, checks);
        MailChecks.mediaType("application/tlsrpt+gzip", ContentKind.GZIP, checks);
        assertThat(checks).isEmpty();
        MailChecks.mediaType("application/tlsrpt+gzip", ContentKind.JSON, checks);
        MailChecks.mediaType("application/octet-stream", ContentKind.GZIP, checks);
        MailChecks.mediaType("application/tlsrpt", ContentKind.JSON, checks);
        MailChecks.mediaType(null, ContentKind.ZIP, checks);
        assertThat(checks).extracting(MailCheck::toString).containsExactly(
                "MEDIA_TYPE_MISMATCH: the report is typed application/tlsrpt+gzip but its content is plain JSON",
                "MEDIA_TYPE_NOT_RFC: the report is typed \"application/octet-stream\", not application/tlsrpt+gzip or "
                        + "application/tlsrpt+json; its content is gzip",
                "MEDIA_TYPE_NOT_RFC: the report is typed \"application/tlsrpt\", not application/tlsrpt+gzip or "
                        + "application/tlsrpt+json; its content is plain JSON",
                "MEDIA_TYPE_NOT_RFC: the report has no media type; its content is a zip archive");
    }

    @Test
    void flagsAMessageThatIsNotAMultipartReport() {
        Envelope e = envelope("example.com", "sender.example", SUBJECT);
        var mixed = new MessageWalker.Part(e, Headers.structured("multipart/mixed; boundary=x"),
                "application/tlsrpt+gzip", null, ContentKind.GZIP, false);
        assertThat(MailChecks.forMessage(mixed, report("tlsrpt@sender.example", "example.com")))
                .extracting(MailCheck::kind).containsExactly(MailCheckKind.NOT_MULTIPART_REPORT);
        var other = new MessageWalker.Part(e, Headers.structured("multipart/report; report-type=delivery-status"),
                "application/tlsrpt+gzip", null, ContentKind.GZIP, false);
        assertThat(MailChecks.forMessage(other, report("tlsrpt@sender.example", "example.com")))
                .singleElement().extracting(MailCheck::message).asString().contains("\"delivery-status\"");
    }
}
