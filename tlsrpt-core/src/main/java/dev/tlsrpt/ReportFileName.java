package dev.tlsrpt;

import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The file name RFC 8460 section 5.1 recommends for a report:
 * {@code sender "!" policy-domain "!" begin-timestamp "!" end-timestamp [ "!" unique-id ] "." extension},
 * such as {@code mail.sndr.example.com!example.net!1470013207!1470186007!001.json.gz}.
 *
 * <pre>{@code
 * WriteOptions gzip = WriteOptions.defaults().withGzip(true);
 * String name = ReportFileName.of(report, "mail.sndr.example.com", "001", gzip).toString();
 * ReportFileName parsed = ReportFileName.parse(name);
 * }</pre>
 *
 * @param sender the reporting domain (the domain of the {@code contact-info} address)
 * @param policyDomain the policy domain the report is about, in A-labels
 * @param begin the start of the report period, in seconds since 1970-01-01T00:00:00Z
 * @param end the end of the report period, in seconds since 1970-01-01T00:00:00Z
 * @param uniqueId letters and digits that tell reports of the same period apart, or null
 * @param extension {@code json} or {@code json.gz}
 * @since 0.1.0
 */
public record ReportFileName(String sender, String policyDomain, long begin, long end, @Nullable String uniqueId,
        Extension extension) {

    /**
     * The extension of a report file name (section 5.1): {@code "json"} or, gzip-compressed, {@code "json.gz"}.
     *
     * @since 0.1.0
     */
    public enum Extension {
        /** {@code json}: plain JSON. */
        JSON,
        /** {@code json.gz}: gzip-compressed JSON. */
        JSON_GZ;

        /**
         * The extension as written in the file name, without the leading dot.
         *
         * @return {@code "json"} or {@code "json.gz"}
         */
        public String wireName() {
            return this == JSON ? "json" : "json.gz";
        }

        /**
         * The extension of a report written with these options.
         *
         * @param options the options the report is written with
         * @return {@link #JSON_GZ} when they gzip, else {@link #JSON}
         */
        public static Extension of(WriteOptions options) {
            return Objects.requireNonNull(options, "options").gzip() ? JSON_GZ : JSON;
        }
    }

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern UNIQUE_ID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern NAME = Pattern.compile(
            "([^!]+)!([^!]+)!([0-9]{1,19})!([0-9]{1,19})(?:!([A-Za-z0-9]+))?\\.(json|json\\.gz)");

    /**
     * Checks every part against the section 5.1 grammar.
     *
     * @param sender see {@link #sender()}
     * @param policyDomain see {@link #policyDomain()}
     * @param begin see {@link #begin()}
     * @param end see {@link #end()}
     * @param uniqueId see {@link #uniqueId()}
     * @param extension see {@link #extension()}
     * @throws IllegalArgumentException naming the part that is not a domain name, a negative timestamp, or a
     *     unique-id that is not letters and digits only
     */
    public ReportFileName {
        checkDomain("sender", sender);
        Objects.requireNonNull(extension, "extension");
        checkDomain("policyDomain", policyDomain);
        if (begin < 0) {
            throw new IllegalArgumentException("begin < 0: the timestamp is 1*DIGIT");
        }
        if (end < 0) {
            throw new IllegalArgumentException("end < 0: the timestamp is 1*DIGIT");
        }
        if (uniqueId != null && !UNIQUE_ID.matcher(uniqueId).matches()) {
            throw new IllegalArgumentException("uniqueId must be letters and digits only (unique-id ="
                    + " 1*(ALPHA / DIGIT)), got " + SenderText.quote(uniqueId));
        }
    }

    /**
     * The file name for a report: the policy domain of its first policy that names one, and the report's
     * date range in whole seconds.
     *
     * @param report the report
     * @param sender the reporting domain
     * @param uniqueId letters and digits, or null for none
     * @param options the options the report is written with: the extension is {@code json.gz} when they gzip
     * @return the file name
     * @throws IllegalArgumentException when the report names no policy domain, or a part is not acceptable
     */
    public static ReportFileName of(TlsReport report, String sender, @Nullable String uniqueId,
            WriteOptions options) {
        Objects.requireNonNull(report, "report");
        Extension extension = Extension.of(options);
        String domain = null;
        for (PolicyResult p : report.policies()) {
            if (p.policy().policyDomain() != null) {
                domain = p.policy().policyDomain();
                break;
            }
        }
        if (domain == null) {
            throw new IllegalArgumentException("the report names no policy-domain: use the constructor");
        }
        return new ReportFileName(sender, domain, report.dateRange().start().getEpochSecond(),
                report.dateRange().end().getEpochSecond(), uniqueId, extension);
    }

    /**
     * The file name for a report, with the domain of its {@code contact-info} address as the sender (section
     * 5.1: the sender "is used as the domain for the contact-info address").
     *
     * @param report the report
     * @param uniqueId letters and digits, or null for none
     * @param options the options the report is written with: the extension is {@code json.gz} when they gzip
     * @return the file name
     * @throws IllegalArgumentException when the report has no contact-info with a domain or names no policy
     *     domain
     */
    public static ReportFileName of(TlsReport report, @Nullable String uniqueId, WriteOptions options) {
        Objects.requireNonNull(report, "report");
        String contact = report.contactInfo();
        int at = contact == null ? -1 : contact.lastIndexOf('@');
        if (contact == null || at < 0) {
            throw new IllegalArgumentException("the report's contact-info has no domain: name the sender");
        }
        return of(report, contact.substring(at + 1), uniqueId, options);
    }

    /**
     * Reads a section 5.1 file name.
     *
     * @param fileName the name, without directories
     * @return its parts
     * @throws IllegalArgumentException when the name does not follow the grammar
     */
    public static ReportFileName parse(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an RFC 8460 report file name"
                    + " (sender!policy-domain!begin!end[!unique-id].json[.gz]): " + SenderText.quote(fileName));
        }
        try {
            return new ReportFileName(m.group(1), m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                    m.group(5), m.group(6).equals("json.gz") ? Extension.JSON_GZ : Extension.JSON);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp too large in " + SenderText.quote(fileName), e);
        }
    }

    /**
     * The file name.
     *
     * @return {@code sender!policy-domain!begin!end[!unique-id].json[.gz]}
     */
    @Override
    public String toString() {
        return sender + "!" + policyDomain + "!" + begin + "!" + end + (uniqueId == null ? "" : "!" + uniqueId)
                + "." + extension.wireName();
    }

    private static void checkDomain(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.length() > 253 || !DOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a domain name in A-labels, got "
                    + SenderText.quote(value));
        }
    }
}
