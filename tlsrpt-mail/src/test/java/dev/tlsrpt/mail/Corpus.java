package dev.tlsrpt.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The real messages of the shared corpus (core's test-jar) with what a reader must find in them. */
final class Corpus {
    private Corpus() {
    }

    static InputStream open(String path) {
        return Objects.requireNonNull(Corpus.class.getClassLoader().getResourceAsStream("corpus/" + path),
                "corpus/" + path);
    }

    static byte[] bytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One corpus message and its facts.
     *
     * @param message the message file
     * @param attachment the attachment's decoded bytes as extracted independently (Python's email package), or
     *     the JSON file it equals
     */
    record Message(String message, String attachment, String domain, String submitter, String subject,
            String from, String date, @Nullable String messageId, String fileName, String mediaType,
            String organization, String reportId, int policies, long successes, long failures) {
        @Override
        public String toString() {
            return message;
        }
    }

    static final String RFC_EXAMPLE_SUBJECT = "Report Domain: example.net    Submitter: mail.sender.example.com    "
            + "Report-ID: <735ff.e317+bf22029@example.net>";

    static List<Message> messages() {
        return List.of(
                new Message("mox/microsoft.eml", "mox/microsoft.attachment.json.gz", "test.xmox.nl", "microsoft.com",
                        "Report Domain: test.xmox.nl Submitter: microsoft.com Report-ID: 133198585438131172+test.xmox.nl",
                        "<tlsrpt-noreply@microsoft.com>", "Fri, 3 Feb 2023 05:09:22 +0000",
                        "<133198585438131172+test.xmox.nl@test.xmox.nl>",
                        "microsoft.com!test.xmox.nl!1673308800!1673395199!133198585438131172.json.gz",
                        "application/tlsrpt+gzip", "Microsoft Corporation", "133198585438131172+test.xmox.nl", 1, 2, 0),
                new Message("mox/google-example.eml", "mox/google-example.attachment.json.gz", "test.xmox.nl",
                        "google.com", "Report Domain: test.xmox.nl Submitter: google.com Report-ID: "
                                + "<2022.09.15T00.00.00Z+test.xmox.nl@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Fri, 16 Sep 2022 03:10:06 -0700",
                        "<000000000000f47cc505e8c8905c@google.com>",
                        "google.com!test.xmox.nl!1663200000!1663286399!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2022-09-15T00:00:00Z_test.xmox.nl", 1, 3, 0),
                new Message("mail-auth/rpt01.eml", "mail-auth/rpt01.attachment.json.gz", "example.net",
                        "mail.sender.example.com", RFC_EXAMPLE_SUBJECT, "tlsrpt@mail.sender.example.com",
                        "Fri, May 09 2017 16:54:30 -0800", null,
                        "mail.sender.example!example.com!1013662812!1013749130.json.gz", "application/tlsrpt+gzip",
                        "Company-X", "5065427c-23d3-47ca-b6e0-946ea0e8c4be", 1, 5326, 303),
                new Message("mail-auth/rpt02.eml", "mail-auth/rpt02.json", "example.net", "mail.sender.example.com",
                        RFC_EXAMPLE_SUBJECT, "tlsrpt@mail.sender.example.com", "Fri, May 09 2017 16:54:30 -0800", null,
                        "mail.sender.example!example.com!1013662812!1013749130.json", "application/tlsrpt",
                        "Google Inc.", "2020-01-01T00:00:00Z_example.com", 1, 23, 1),
                new Message("mail-tls-rpt/email.eml", "mail-tls-rpt/report.json.gz", "fastmaildmarc.com", "google.com",
                        "Report Domain: fastmaildmarc.com Submitter: google.com Report-ID: "
                                + "<2020.03.02T00.00.00Z+fastmaildmarc.com@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Tue, 03 Mar 2020 02:24:39 -0800",
                        "<00000000000013b408059ff0b6f0@google.com>",
                        "google.com!fastmaildmarc.com!1583107200!1583193599!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2020-03-02T00:00:00Z_fastmaildmarc.com", 1, 343, 0),
                new Message("parsedmarc/google.com_smtp_tls_report.eml",
                        "parsedmarc/google.com_smtp_tls_report.attachment.json.gz", "cardinalhealth.ca", "google.com",
                        "Report Domain: cardinalhealth.ca Submitter: google.com Report-ID: "
                                + "<2024.09.03T00.00.00Z+cardinalhealth.ca@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Wed, 04 Sep 2024 03:53:20 -0700",
                        "<66d83c20.050a0220.a0566.1e8dtls@google.com>",
                        "google.com!cardinalhealth.ca!1725321600!1725407999!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2024-09-03T00:00:00Z_cardinalhealth.ca", 1, 48, 0),
                new Message("tlsrpt-digest/tlsrpt_failure.eml", "tlsrpt-digest/tlsrpt_failure.attachment.json.gz",
                        "example.com", "google.com", "Report Domain: example.com Submitter: google.com Report-ID: "
                                + "<2026.05.12T00.00.00Z+example.com@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Wed, 13 May 2026 08:43:01 -0700",
                        "<6a049c05.00000000.3554e0.3524tls@google.com>",
                        "google.com!example.com!1778544000!1778630399!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2026-02-08T00:00:00Z_example.com", 1, 4523, 2),
                new Message("tlsrpt-digest/tlsrpt_success_google_1.eml",
                        "tlsrpt-digest/tlsrpt_success_google_1.attachment.json.gz", "example.com", "google.com",
                        "Report Domain: example.com Submitter: google.com Report-ID: "
                                + "<2026.05.11T00.00.00Z+example.com@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Tue, 12 May 2026 08:44:48 -0700",
                        "<6a034af0.00000000.3a4de4.4c68tls@google.com>",
                        "google.com!example.com!1778457600!1778543999!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2026-05-11T00:00:00Z_example.com", 1, 1, 0),
                new Message("tlsrpt-digest/tlsrpt_success_google_2.eml",
                        "tlsrpt-digest/tlsrpt_success_google_2.attachment.json.gz", "example.com", "google.com",
                        "Report Domain: example.com Submitter: google.com Report-ID: "
                                + "<2026.05.12T00.00.00Z+example.com@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Wed, 13 May 2026 08:43:01 -0700",
                        "<6a049c05.00000000.3554e0.3524tls@google.com>",
                        "google.com!example.com!1778544000!1778630399!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2026-05-12T00:00:00Z_example.com", 1, 4, 0),
                new Message("tlsrpt-digest/tlsrpt_success_microsoft.eml",
                        "tlsrpt-digest/tlsrpt_success_microsoft.attachment.json.gz", "example.com", "microsoft.com",
                        "Report Domain: example.com Submitter: microsoft.com Report-ID: 134232617934286362+example.com",
                        "<tlsrpt-noreply@microsoft.com>", "Thu, 14 May 2026 21:32:30 +0000",
                        "<134232617934286362+example.com@example.com>",
                        "microsoft.com!example.com!1778630400!1778716799!134232617934286362.json.gz",
                        "application/tlsrpt+gzip", "Microsoft Corporation", "134232617934286362+example.com", 1, 2, 0),
                new Message("email-report-processor/report.elm", "email-report-processor/report.attachment.json.gz",
                        "blogreen.org", "google.com", "Report Domain: blogreen.org Submitter: google.com Report-ID: "
                                + "<2023.02.02T00.00.00Z+blogreen.org@google.com>",
                        "noreply-smtp-tls-reporting@google.com", "Fri, 03 Feb 2023 02:08:53 -0800",
                        "<00000000000066453b05f3c8de51@google.com>",
                        "google.com!blogreen.org!1675296000!1675382399!001.json.gz", "application/tlsrpt+gzip",
                        "Google Inc.", "2023-02-02T00:00:00Z_blogreen.org", 1, 1, 0));
    }
}
