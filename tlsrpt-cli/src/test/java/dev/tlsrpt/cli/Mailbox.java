package dev.tlsrpt.cli;

import dev.tlsrpt.ReportBuilder;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two weeks of a domain owner's reports, built in code so that every count is known: the data of the
 * summary tests, of the HTML page's browser test and of the screenshot in docs/.
 *
 * <p>2026-11-01 to 2026-11-14. {@code example.com} (MTA-STS, enforce) is reported daily by Example Mail and
 * Mailer Two, and by Northwind ISP until 2026-11-09, when it falls silent. Every reporter sees
 * {@code certificate-expired} at mx2.example.com from 2026-11-04 to 2026-11-07 (resolved: all reported the
 * domain later without it); only Mailer Two sees {@code starttls-not-supported} at mx1.example.com from
 * 2026-11-11 (ongoing, CRITICAL, single reporter). {@code example.org} (MTA-STS, testing) is reported by
 * Example Mail alone, with {@code certificate-host-mismatch} at mx.example.org from 2026-11-12 (ongoing,
 * WARNING).
 */
final class Mailbox {
    static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    static final int DAYS = 14;
    static final String EXAMPLE_MAIL = "Example Mail";
    static final String MAILER_TWO = "Mailer Two";
    static final String NORTHWIND = "Northwind ISP";

    /** One reporter's counts for one domain and day. */
    record Day(String reporter, String domain, LocalDate date, long successful, Map<String, Long> failures) {
        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Mailbox() {
    }

    /** Every report's counts, in a fixed order. */
    static List<Day> days() {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = FIRST.plusDays(i);
            int d = i + 1;
            days.add(new Day(EXAMPLE_MAIL, "example.com", date, 3000 + 150L * ((d * 7) % 10),
                    failures(d >= 4 && d <= 7 ? new long[] {120, 260, 310, 90}[d - 4] : 0, 0)));
            days.add(new Day(MAILER_TWO, "example.com", date, 1200 + 80L * ((d * 3) % 7),
                    failures(d >= 4 && d <= 7 ? new long[] {40, 85, 110, 30}[d - 4] : 0,
                            d >= 11 ? new long[] {15, 35, 60, 45}[d - 11] : 0)));
            if (d <= 9) {
                days.add(new Day(NORTHWIND, "example.com", date, 400 + 25L * d,
                        failures(d >= 4 && d <= 7 ? new long[] {10, 22, 25, 6}[d - 4] : 0, 0)));
            }
            Map<String, Long> org = new LinkedHashMap<>();
            if (d >= 12) {
                org.put("certificate-host-mismatch mx.example.org", new long[] {8, 14, 11}[d - 12]);
            }
            days.add(new Day(EXAMPLE_MAIL, "example.org", date, 600 + 20L * (d % 5), org));
        }
        return days;
    }

    private static Map<String, Long> failures(long expired, long starttls) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (expired > 0) {
            m.put("certificate-expired mx2.example.com", expired);
        }
        if (starttls > 0) {
            m.put("starttls-not-supported mx1.example.com", starttls);
        }
        return m;
    }

    /** The report of one day's counts. */
    static TlsReport report(Day day) {
        String org = day.reporter().toLowerCase(Locale.ROOT).replace(' ', '-');
        ReportBuilder b = new ReportBuilder().organization(day.reporter()).contact("tlsrpt@" + org + ".example")
                .reportId(day.date() + "_" + day.domain() + "@" + org).day(day.date());
        String mode = day.domain().equals("example.org") ? "testing" : "enforce";
        b.stsPolicy(day.domain(), "version: STSv1", "mode: " + mode, "mx: mx1." + day.domain(),
                "mx: mx2." + day.domain(), "mx: mx." + day.domain(), "max_age: 86400");
        b.success(day.successful());
        for (Map.Entry<String, Long> f : day.failures().entrySet()) {
            String[] typeAndHost = f.getKey().split(" ");
            b.failure(ResultType.fromWireName(typeAndHost[0]), "192.0.2.10", typeAndHost[1], f.getValue());
        }
        return b.build();
    }

    /** Writes every report as a JSON file into {@code dir}, one per reporter, domain and day. */
    static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Day day : days()) {
                Path file = dir.resolve(day.date() + "-" + day.reporter().replace(' ', '-') + "-" + day.domain() + ".json");
                try (OutputStream out = Files.newOutputStream(file)) {
                    TlsRpt.write(report(day), out);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of one report as JSON. */
    static byte[] json(Day day) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            TlsRpt.write(report(day), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The organization-name of {@link #hostileReport()}. */
    static final String SCRIPT_ORG = "<script>alert(1)</script>";

    /**
     * A report whose sender wrote markup where text belongs: the organization-name is a script element, the
     * MX host an image with an event handler that closes an attribute first, the result type (not one RFC
     * 8460 defines, kept as sent) an SVG with one, and a second MX host holds a bidi override and an escape
     * sequence.
     */
    static String hostileReport() {
        return """
                {"organization-name": "<script>alert(1)</script>",
                 "date-range": {"start-datetime": "2026-11-13T00:00:00Z", "end-datetime": "2026-11-13T23:59:59Z"},
                 "contact-info": "x@evil.example", "report-id": "evil-1",
                 "policies": [{"policy": {"policy-type": "sts", "policy-domain": "example.com",
                                          "policy-string": ["version: STSv1", "mode: enforce", "mx: mx1.example.com"]},
                               "summary": {"total-successful-session-count": 100, "total-failure-session-count": 9},
                               "failure-details": [{"result-type": "<svg onload=alert(3)>", "sending-mta-ip": "192.0.2.7",
                                                    "receiving-mx-hostname": "\\"><img src=x onerror=alert(2)>",
                                                    "failed-session-count": 7},
                                                   {"result-type": "validation-failure", "sending-mta-ip": "192.0.2.7",
                                                    "receiving-mx-hostname": "mx\\u202e\\u001b[2J.example.com",
                                                    "failed-session-count": 2}]}]}
                """;
    }

    /** failed / (successful + failed) as the CSV writes it: at most 6 decimals, no trailing zeros. */
    static String share(long successful, long failed) {
        if (successful + failed == 0) {
            return "0";
        }
        return java.math.BigDecimal.valueOf(failed).divide(java.math.BigDecimal.valueOf(successful + failed), 6,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The days of one domain summed over its reporters: date to {successful, failed}. */
    static Map<LocalDate, long[]> perDay(String domain) {
        Map<LocalDate, long[]> m = new LinkedHashMap<>();
        for (Day d : days()) {
            if (d.domain().equals(domain)) {
                long[] v = m.computeIfAbsent(d.date(), k -> new long[2]);
                v[0] += d.successful();
                v[1] += d.failed();
            }
        }
        return m;
    }
}
