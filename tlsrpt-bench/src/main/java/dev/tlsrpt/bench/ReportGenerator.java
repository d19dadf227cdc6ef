package dev.tlsrpt.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a synthetic, realistic RFC 8460 report of about a chosen decompressed size, deterministically from a
 * seed, straight to a stream (it holds one policy in memory, never the report).
 *
 * <p>The reports are valid in strict mode: every required member is present, dates carry a zone, addresses
 * and URIs are well formed. They mix {@code sts}, {@code tlsa} and {@code no-policy-found} policies, carry
 * all 11 result types (the first 11 failure details of a report cycle through them), IPv4 and IPv6 addresses,
 * and leave out each optional member ({@code mx-host}, {@code failure-details}, {@code receiving-mx-helo},
 * {@code receiving-ip}, {@code additional-information}, {@code failure-reason-code}) some of the time. The
 * JSON is compact, as the big senders write it. The summary's failure count is the sum of the details'
 * counts.
 *
 * <p>Addresses are drawn at random, every one new. With {@code repeat} ({@link #write(OutputStream, long, long,
 * boolean)}, the size suffix {@code -repeat} of {@link ReportFiles}) they repeat as in a real large report: the
 * sending MTA is one of {@value #SENDING_MTAS} (a large sender's outbound hosts), and each MX host (there are
 * already one to four per policy domain) has one receiving IP.
 */
public final class ReportGenerator {

    /** The 11 RFC 8460 result types, in section 4.3 order. */
    static final List<String> RESULT_TYPES = List.of("starttls-not-supported", "certificate-host-mismatch",
            "certificate-expired", "certificate-not-trusted", "validation-failure", "tlsa-invalid",
            "dnssec-invalid", "dane-required", "sts-policy-fetch-error", "sts-policy-invalid",
            "sts-webpki-invalid");

    private static final String[] STS_RESULTS = {"certificate-host-mismatch", "certificate-expired",
        "certificate-not-trusted", "validation-failure", "starttls-not-supported", "sts-policy-fetch-error",
        "sts-policy-invalid", "sts-webpki-invalid"};
    private static final String[] TLSA_RESULTS = {"tlsa-invalid", "dnssec-invalid", "dane-required",
        "validation-failure", "starttls-not-supported", "certificate-expired"};
    private static final String[] NO_POLICY_RESULTS = {"starttls-not-supported", "certificate-host-mismatch",
        "certificate-expired", "certificate-not-trusted", "validation-failure"};
    private static final String[] REASON_CODES = {"X509_V_ERR_CERT_HAS_EXPIRED",
        "X509_V_ERR_HOSTNAME_MISMATCH", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT", "TLSv1 alert unknown ca", "dane-ta-mismatch",
        "starttls: 454 4.7.0 TLS not available due to local problem", "policy fetch: HTTP 404"};
    private static final String[] STS_MODES = {"enforce", "enforce", "testing", "none"};
    private static final String[] TLDS = {"com", "net", "org", "de", "fr", "nl", "io", "example"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final JsonFactory JSON = new JsonFactory();
    /** How many sending MTAs a report with repeating addresses has. */
    static final int SENDING_MTAS = 40;

    /**
     * What one generated report holds.
     *
     * @param bytes the decompressed (JSON) size in bytes
     * @param policies the number of {@code "policies"} entries
     * @param failureDetails the number of failure details in all policies
     */
    public record Stats(long bytes, long policies, long failureDetails) {
    }

    /** The day of the first report of {@link #writeMailboxReport}. */
    public static final LocalDate MAILBOX_FIRST_DAY = LocalDate.of(2026, 1, 1);

    private ReportGenerator() {
    }

    /**
     * Writes one report of at least {@code targetBytes} bytes of JSON (it stops after the first policy that
     * reaches the target, so it overshoots by at most one policy, a few kilobytes at most for small targets).
     * Leaves {@code out} open; flushes it.
     *
     * @param out where the JSON goes (wrap it in a {@code GZIPOutputStream} for gzip)
     * @param targetBytes the decompressed size to reach
     * @param seed the same seed and target always give the same bytes
     * @return what was written
     * @throws IOException when {@code out} fails
     */
    public static Stats write(OutputStream out, long targetBytes, long seed) throws IOException {
        return write(out, targetBytes, seed, false);
    }

    /**
     * Writes one report as {@link #write(OutputStream, long, long)} does, its addresses repeating as in a real
     * large report when {@code repeat} (see the class comment).
     *
     * @param out where the JSON goes
     * @param targetBytes the decompressed size to reach
     * @param seed the same seed, target and {@code repeat} always give the same bytes
     * @param repeat whether a few sending MTAs and one receiving IP per MX host recur
     * @return what was written
     * @throws IOException when {@code out} fails
     */
    public static Stats write(OutputStream out, long targetBytes, long seed, boolean repeat) throws IOException {
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("targetBytes must be positive, got " + targetBytes);
        }
        CountingOutputStream counting = new CountingOutputStream(out);
        SplittableRandom random = new SplittableRandom(seed);
        String[] senders = repeat ? senders(seed) : null;
        // details per policy: at most ~1/4000 of the target, between 2 and 500
        int maxDetails = (int) Math.max(2, Math.min(500, targetBytes / 4000));
        long policies = 0;
        long details = 0;
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), counting, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("organization-name", "Example Mail Provider Inc.");
            g.writeObjectPropertyStart("date-range");
            g.writeStringProperty("start-datetime", "2026-11-27T00:00:00Z");
            g.writeStringProperty("end-datetime", "2026-11-27T23:59:59Z");
            g.writeEndObject();
            g.writeStringProperty("contact-info", "smtp-tls-reporting@provider.example");
            String reportId = "2026-11-27T00:00:00Z_" + hex(random, 16) + "@provider.example";
            g.writeStringProperty("report-id", reportId);
            g.writeArrayPropertyStart("policies");
            do {
                String domain = "domain" + random.nextInt(100_000) + "." + TLDS[random.nextInt(TLDS.length)];
                int kind = policies < 3 ? (int) policies : random.nextInt(20); // the first three: one of each type
                details += writePolicy(g, random, domain, kind, detailCount(random, details, maxDetails), details,
                        reportId, senders);
                policies++;
            } while (counting.count() + g.streamWriteOutputBuffered() < targetBytes - 3);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
        return new Stats(counting.count(), policies, details);
    }

    private record Detail(String resultType, String sendingMtaIp, String receivingMxHostname,
            @Nullable String helo, @Nullable String receivingIp, long count, @Nullable String additionalInformation,
            @Nullable String reasonCode) {
    }

    /**
     * Writes report number {@code index} of a domain owner's mailbox: small reports (one policy, about 1 KB
     * of JSON) as {@code reporters} reporters send them for {@code domains} policy domains, one report per
     * reporter, domain and UTC day, day after day from {@link #MAILBOX_FIRST_DAY}. Report {@code index} is
     * reporter {@code index % reporters} ({@code "Reporter 7"}), domain {@code (index / reporters) % domains}
     * ({@code domain3.example}) and day {@code index / (reporters * domains)}; its report-id is unique. The
     * policy is MTA-STS in a random mode; four reports in five have no failure details, the others one to
     * three, of the MTA-STS result types at one of four MX hosts. Leaves {@code out} open; flushes it.
     *
     * @param out where the JSON goes
     * @param index the report's number, from 0
     * @param reporters how many reporters send reports, at least 1
     * @param domains how many policy domains they report on, at least 1
     * @param seed the same seed and index always give the same bytes
     * @return what was written
     * @throws IOException when {@code out} fails
     */
    public static Stats writeMailboxReport(OutputStream out, long index, int reporters, int domains, long seed)
            throws IOException {
        if (index < 0 || reporters < 1 || domains < 1) {
            throw new IllegalArgumentException("index must be at least 0 and reporters and domains at least 1, got "
                    + index + ", " + reporters + ", " + domains);
        }
        CountingOutputStream counting = new CountingOutputStream(out);
        SplittableRandom random = new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L);
        long reporter = index % reporters;
        long domain = (index / reporters) % domains;
        LocalDate day = MAILBOX_FIRST_DAY.plusDays(index / ((long) reporters * domains));
        long details;
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), counting, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("organization-name", "Reporter " + reporter);
            g.writeObjectPropertyStart("date-range");
            g.writeStringProperty("start-datetime", day + "T00:00:00Z");
            g.writeStringProperty("end-datetime", day + "T23:59:59Z");
            g.writeEndObject();
            g.writeStringProperty("contact-info", "tlsrpt@reporter" + reporter + ".example");
            String reportId = day + "T00:00:00Z_" + hex(random, 16) + "@reporter" + reporter + ".example";
            g.writeStringProperty("report-id", reportId);
            g.writeArrayPropertyStart("policies");
            int n = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
            details = writePolicy(g, random, "domain" + domain + ".example", 0, n, RESULT_TYPES.size(), reportId,
                    null);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
        return new Stats(counting.count(), 1, details);
    }

    /** How many failure details the next policy of a report of {@link #write} gets. */
    private static int detailCount(SplittableRandom r, long detailsSoFar, int maxDetails) {
        if (detailsSoFar < RESULT_TYPES.size()) {
            return Math.max(4, maxDetails / 2); // the first policies cover all result types quickly
        } else if (r.nextInt(10) < 3) {
            return 0;
        }
        double u = r.nextDouble();
        return 1 + (int) (maxDetails * u * u * u);
    }

    /**
     * Writes one policy entry for {@code domain}: {@code kind} 0 or 11 and above is {@code sts}, 1 or 4 to 10
     * {@code tlsa}, 2 and 3 {@code no-policy-found}; {@code n} failure details, the first of a report (while
     * {@code detailsSoFar} is below 11) cycling through the 11 result types.
     *
     * @return {@code n}
     */
    private static long writePolicy(JsonGenerator g, SplittableRandom r, String domain, int kind, int n,
            long detailsSoFar, String reportId, String @Nullable [] senders) {
        String type = kind == 0 || kind >= 11 ? "sts" : kind == 1 || kind >= 4 ? "tlsa" : "no-policy-found";
        String[] results = switch (type) {
            case "sts" -> STS_RESULTS;
            case "tlsa" -> TLSA_RESULTS;
            default -> NO_POLICY_RESULTS;
        };

        // failure details first (in memory: one policy's worth), so that the summary adds up
        List<Detail> details = new ArrayList<>(n);
        long failures = 0;
        for (int i = 0; i < n; i++) {
            long global = detailsSoFar + i;
            String result = global < RESULT_TYPES.size() ? RESULT_TYPES.get((int) global)
                    : results[r.nextInt(results.length)];
            String mx = "mx" + (1 + r.nextInt(4)) + "." + domain;
            long count = 1 + (long) (Math.pow(r.nextDouble(), 4) * 5000);
            failures += count;
            details.add(new Detail(result, senders != null ? senders[r.nextInt(senders.length)] : ip(r), mx,
                    r.nextBoolean() ? mx : null,
                    r.nextInt(10) < 6 ? senders != null ? ip(new SplittableRandom(mx.hashCode())) : ip(r) : null,
                    count,
                    r.nextInt(10) < 3 ? "https://reports.provider.example/tlsrpt/" + reportId.substring(21, 37)
                            + "/detail?n=" + global + "&type=" + result : null,
                    r.nextInt(10) < 4 ? REASON_CODES[r.nextInt(REASON_CODES.length)] : null));
        }

        g.writeStartObject();
        g.writeObjectPropertyStart("policy");
        g.writeStringProperty("policy-type", type);
        switch (type) {
            case "sts" -> {
                g.writeArrayPropertyStart("policy-string");
                g.writeString("version: STSv1");
                g.writeString("mode: " + STS_MODES[r.nextInt(STS_MODES.length)]);
                g.writeString("mx: mx1." + domain);
                g.writeString("mx: *.mail." + domain);
                g.writeString("max_age: " + (r.nextBoolean() ? 604800 : 86400));
                g.writeEndArray();
                g.writeStringProperty("policy-domain", domain);
                if (r.nextBoolean()) {
                    g.writeArrayPropertyStart("mx-host");
                    g.writeString("mx1." + domain);
                    g.writeString("*.mail." + domain);
                    g.writeEndArray();
                }
            }
            case "tlsa" -> {
                g.writeArrayPropertyStart("policy-string");
                int records = 1 + r.nextInt(3);
                for (int i = 0; i < records; i++) {
                    g.writeString((r.nextInt(4) == 0 ? "2" : "3") + " 1 1 " + hex(r, 64));
                }
                g.writeEndArray();
                g.writeStringProperty("policy-domain", domain);
                if (r.nextBoolean()) {
                    g.writeArrayPropertyStart("mx-host");
                    g.writeString("mx1." + domain);
                    g.writeEndArray();
                }
            }
            default -> {
                if (r.nextBoolean()) {
                    g.writeArrayPropertyStart("policy-string");
                    g.writeEndArray();
                }
                g.writeStringProperty("policy-domain", domain);
            }
        }
        g.writeEndObject();
        g.writeObjectPropertyStart("summary");
        g.writeNumberProperty("total-successful-session-count", (long) r.nextInt(2_000_000));
        g.writeNumberProperty("total-failure-session-count", failures);
        g.writeEndObject();
        if (n > 0 || r.nextBoolean()) {
            g.writeArrayPropertyStart("failure-details");
            for (Detail d : details) {
                g.writeStartObject();
                g.writeStringProperty("result-type", d.resultType());
                g.writeStringProperty("sending-mta-ip", d.sendingMtaIp());
                g.writeStringProperty("receiving-mx-hostname", d.receivingMxHostname());
                if (d.helo() != null) {
                    g.writeStringProperty("receiving-mx-helo", d.helo());
                }
                if (d.receivingIp() != null) {
                    g.writeStringProperty("receiving-ip", d.receivingIp());
                }
                g.writeNumberProperty("failed-session-count", d.count());
                if (d.additionalInformation() != null) {
                    g.writeStringProperty("additional-information", d.additionalInformation());
                }
                if (d.reasonCode() != null) {
                    g.writeStringProperty("failure-reason-code", d.reasonCode());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        return n;
    }

    /** The sending MTAs of a report with repeating addresses. */
    private static String[] senders(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5E7D1E5L);
        String[] ips = new String[SENDING_MTAS];
        for (int i = 0; i < ips.length; i++) {
            ips[i] = ip(r);
        }
        return ips;
    }

    /** An IPv4 address (60 %) or an IPv6 address in one of the usual spellings. */
    private static String ip(SplittableRandom r) {
        if (r.nextInt(10) < 6) {
            return (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
        }
        return switch (r.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "2001:db8:%x:%x::%x", r.nextInt(65536), r.nextInt(65536),
                    1 + r.nextInt(65535));
            case 1 -> String.format(Locale.ROOT, "2a00:1450:%04x:%x:0:0:0:%x", r.nextInt(65536), r.nextInt(4096),
                    r.nextInt(65536));
            default -> String.format(Locale.ROOT, "2607:f8b0:4864:20::%x", 1 + r.nextInt(65535));
        };
    }

    private static String hex(SplittableRandom r, int digits) {
        char[] c = new char[digits];
        for (int i = 0; i < digits; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    /** Counts the bytes that pass through; never closes the stream below. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
