package dev.tlsrpt;

import dev.tlsrpt.hostile.HostileStreams;
import java.nio.charset.StandardCharsets;

/** Small documents for the reader tests: one valid report whose lines are known, and ways to change it. */
final class ReportJson {
    private ReportJson() {
    }

    /** Line 7 is the policy, 8 the summary, 9 the failure detail. */
    static final String BASE = """
            {
              "organization-name": "Org",
              "date-range": {"start-datetime": "2026-11-26T00:00:00Z", "end-datetime": "2026-11-26T23:59:59Z"},
              "contact-info": "tls@example.org",
              "report-id": "r1",
              "policies": [{
                "policy": {"policy-type": "sts", "policy-string": ["version: STSv1", "mode: enforce", "mx: mx.example.com"], "policy-domain": "example.com", "mx-host": ["mx.example.com"]},
                "summary": {"total-successful-session-count": 10, "total-failure-session-count": 1},
                "failure-details": [{"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.1", "receiving-mx-hostname": "mx.example.com", "receiving-ip": "198.51.100.1", "failed-session-count": 1}]
              }]
            }
            """;

    /** BASE with one exact substring replaced; fails when the substring is not there once. */
    static String with(String from, String to) {
        int at = BASE.indexOf(from);
        if (at < 0 || BASE.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in BASE: " + from);
        }
        return BASE.substring(0, at) + to + BASE.substring(at + from.length());
    }

    static byte[] gzip(byte[] data) {
        return HostileStreams.gzip(data);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
