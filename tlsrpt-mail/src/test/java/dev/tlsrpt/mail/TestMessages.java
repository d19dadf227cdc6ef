package dev.tlsrpt.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the constructed messages of the tests. */
final class TestMessages {
    private TestMessages() {
    }

    /** start 2026-11-27T00:00:00Z = 1795737600, end 2026-11-27T23:59:59Z = 1795823999. */
    static final String REPORT = """
            {"organization-name":"Example Sender","date-range":{"start-datetime":"2026-11-27T00:00:00Z",\
            "end-datetime":"2026-11-27T23:59:59Z"},"contact-info":"tlsrpt@sender.example","report-id":"r-1",\
            "policies":[{"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: enforce",\
            "mx: mx.example.com","max_age: 86400"],"policy-domain":"example.com","mx-host":["mx.example.com"]},\
            "summary":{"total-successful-session-count":10,"total-failure-session-count":1},\
            "failure-details":[{"result-type":"certificate-expired","sending-mta-ip":"192.0.2.1",\
            "receiving-mx-hostname":"mx.example.com","failed-session-count":1}]}]}""";

    static final String FILE_NAME = "sender.example!example.com!1795737600!1795823999!001.json.gz";

    static final String HEADERS = """
            From: TLS reports <tlsrpt@sender.example>
            To: tlsrpt@example.com
            Date: Sat, 28 Nov 2026 03:00:00 +0000
            Message-ID: <r-1@sender.example>
            Subject: Report Domain: example.com Submitter: sender.example Report-ID: <r-1@sender.example>
            TLS-Report-Domain: example.com
            TLS-Report-Submitter: sender.example
            MIME-Version: 1.0
            """;

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    /** An RFC 8460 section 5.3 message around one report part. */
    static String reportMessage(String partHeaders, String partBody) {
        return HEADERS + """
                Content-Type: multipart/report; report-type=tlsrpt; boundary="b1"

                This is a multipart message in MIME format.

                --b1
                Content-Type: text/plain; charset=us-ascii

                This is an aggregate TLS report from sender.example

                --b1
                """ + partHeaders + "\n" + partBody + "\n--b1--\n";
    }

    /** The usual gzip attachment, base64, under the given media type and file name. */
    static String gzipPart(String mediaType, String fileName) {
        return "Content-Type: " + mediaType + "\nContent-Disposition: attachment; filename=\"" + fileName
                + "\"\nContent-Transfer-Encoding: base64\n";
    }

    static InputStream stream(String message) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));
    }
}
