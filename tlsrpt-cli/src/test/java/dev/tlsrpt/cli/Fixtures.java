package dev.tlsrpt.cli;

import dev.tlsrpt.hostile.HostileStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Report files for the command tests, from the bundled sample and the core test-jar's corpus. */
final class Fixtures {
    /** A report cut off in the middle of the first policy. */
    static final String TRUNCATED = """
            {
              "organization-name": "Broken Sender",
              "date-range": {"start-datetime": "2026-11-26T00:00:00Z", "end-datetime": "2026-11-26T23:59:59Z"},
              "contact-info": "x@broken.example",
              "report-id": "broken-1",
              "policies": [ { "policy": {"policy-type": "sts\"""";

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample() {
        return resource(Inputs.SAMPLE_RESOURCE);
    }

    static String sampleText() {
        return new String(sample(), StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        return HostileStreams.gzip(data);
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /**
     * A directory of three good reports (plain, gzip in a subdirectory, a corpus gzip), one truncated one and
     * a hidden file that is skipped.
     */
    static Path mixedDirectory(Path root) throws IOException {
        Path dir = root.resolve("reports");
        write(dir.resolve("a-sample.json"), sample());
        write(dir.resolve("sub/b-sample.json.gz"), gzip(sample()));
        write(dir.resolve("c-microsoft.json.gz"), resource("corpus/mox/microsoft.attachment.json.gz"));
        write(dir.resolve("d-broken.json"), TRUNCATED.getBytes(StandardCharsets.UTF_8));
        write(dir.resolve(".hidden"), "not a report".getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    /**
     * A directory as a mailbox or a report archive looks: one report, one message with a report attached,
     * and files that hold none: a README, a mail server's index, an empty file and a message without a
     * report.
     */
    static Path directoryWithOtherFiles(Path root) throws IOException {
        Path dir = root.resolve("inbox");
        write(dir.resolve("1-report.json.gz"), gzip(sample()));
        write(dir.resolve("2-report.eml"), resource("corpus/mox/google-example.eml"));
        write(dir.resolve("README.txt"), "Reports for example.com, kept 90 days.\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("dovecot-uidlist"), "3 V1700000000 N2 G6d1f\n1 :1700000000.M1P2.host\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("empty"), new byte[0]);
        write(dir.resolve("newsletter.eml"), ("From: news@example.org\r\nTo: tlsrpt@example.com\r\nSubject: News\r\n"
                + "Content-Type: text/plain\r\n\r\nNo report in here.\r\n").getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    /**
     * A report of one MTA-STS policy for example.com on one UTC day, with one failure detail when
     * {@code resultType} is not null.
     *
     * @param org the organization-name
     * @param id the report-id
     * @param day the day, {@code YYYY-MM-DD}
     * @param mode the MTA-STS mode, {@code enforce} or {@code testing}
     * @param successful the successful sessions
     * @param resultType the failure's result-type, or null for a report without failures
     * @param mxHost the failure's receiving-mx-hostname
     * @param failed the failure's failed sessions
     * @return the report's JSON
     */
    static byte[] report(String org, String id, String day, String mode, long successful, String resultType,
            String mxHost, long failed) {
        String failures = resultType == null ? "" : """
                , "failure-details": [{"result-type": "%s", "sending-mta-ip": "198.51.100.23",
                   "receiving-mx-hostname": "%s", "receiving-ip": "192.0.2.25", "failed-session-count": %d}]
                """.formatted(resultType, mxHost, failed);
        return ("""
                {"organization-name": "%s", "date-range": {"start-datetime": "%sT00:00:00Z", "end-datetime": "%sT23:59:59Z"},
                 "contact-info": "tlsrpt@sender.example", "report-id": "%s",
                 "policies": [{"policy": {"policy-type": "sts", "policy-string": ["version: STSv1", "mode: %s",
                   "mx: mail.example.com", "mx: backup.example.com", "max_age: 604800"], "policy-domain": "example.com",
                   "mx-host": ["mail.example.com", "backup.example.com"]},
                  "summary": {"total-successful-session-count": %d, "total-failure-session-count": %d}%s}]}
                """).formatted(org, day, day, id, mode, successful, resultType == null ? 0 : failed, failures)
                .getBytes(StandardCharsets.UTF_8);
    }
}
